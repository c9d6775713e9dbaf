import '../test-utils/dom';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../shared/devices/types';
import type { WedgeTimers } from '../../shared/devices/wedge';
import { Screens } from '../app/Screens';
import { sessionStore } from '../store/session-store';
import { seedPlant } from '../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../test-utils/render';
import { attachKeyboardWedge, WEDGE_PORT_ID } from './keyboard-wedge';
import { useKeyboardWedge } from './useKeyboardWedge';
import { parseWedgeSettings, defaultWedgeSettings } from './wedge-settings';

/** A clock and idle timers the test moves by hand (real timers would make bursts depend on machine speed). */
function manualTime() {
  let now = 1_000;
  const pending = new Map<number, () => void>();
  let nextId = 1;
  const timers: WedgeTimers = {
    setTimeout: (fn) => {
      const id = nextId++;
      pending.set(id, fn);
      return id;
    },
    clearTimeout: (handle) => {
      pending.delete(handle as number);
    },
  };
  return {
    clock: () => now,
    timers,
    advance: (ms: number) => {
      now += ms;
    },
    /** The silence after the last key: held keys get decided. */
    idle: () => {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
  };
}

let time: ReturnType<typeof manualTime>;
function Wedge() {
  useKeyboardWedge({ clock: time.clock, timers: time.timers });
  return null;
}

/**
 * Presses a key as a browser would: keydown first; if nobody prevented it, its default action
 * (a character typed at the end, or Backspace deleting the last one). Returns whether it went through.
 */
function press(field: HTMLInputElement, key: string, gapMs: number): boolean {
  time.advance(gapMs);
  const passed = fireEvent.keyDown(field, { key });
  if (passed && key === 'Backspace') fireEvent.change(field, { target: { value: field.value.slice(0, -1) } });
  else if (passed && [...key].length === 1) fireEvent.change(field, { target: { value: field.value + key } });
  return passed;
}

let services: TestServices;
beforeEach(async () => {
  time = manualTime();
  sessionStorage.clear();
  sessionStore.getState().operatorSignedOut();
  services = createTestServices();
  await seedPlant(services.db);
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  await services.db.delete();
});

describe('Keyboard-wedge scanner on the login screen', () => {
  it('signs in from a fast burst ending in Enter, and none of its keys reach the badge field', async () => {
    renderWithApp(
      <>
        <Wedge />
        <Screens />
      </>,
      { services },
    );
    const field = screen.getByLabelText<HTMLInputElement>('Badge');
    field.focus();
    const passed = [...'B0007', 'Enter'].map((k) => press(field, k, 4));
    expect(passed).toEqual([false, false, false, false, false, false]);
    expect(field.value).toBe('');
    await screen.findByRole('heading', { name: 'Work orders at this workstation' });
    expect(sessionStore.getState().operator).toMatchObject({ id: 'OP-0007', name: 'Ana López' });
    const events = await services.db.events.toArray();
    expect(events.map((e) => e.type)).toEqual(['shift.login']);
  });

  it('lets slow human typing (with a correction) arrive intact in the badge field', async () => {
    renderWithApp(
      <>
        <Wedge />
        <Screens />
      </>,
      { services },
    );
    const field = screen.getByLabelText<HTMLInputElement>('Badge');
    field.focus();
    for (const k of ['B', '0', 'X', 'Backspace', '0', '0', '8']) press(field, k, 180);
    time.idle();
    expect(field.value).toBe('B0008');
    expect(sessionStore.getState().operator).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Work orders at this workstation' });
    expect(sessionStore.getState().operator?.id).toBe('OP-0008');
  });

  it('hands back a few fast keys that are not a scan, replacing the selection as typing would', () => {
    renderWithApp(
      <>
        <Wedge />
        <Screens />
      </>,
      { services },
    );
    const field = screen.getByLabelText<HTMLInputElement>('Badge');
    fireEvent.change(field, { target: { value: 'OLD' } });
    field.focus();
    field.setSelectionRange(0, 3);
    // Two keys rolled over quickly, then Enter: too short for a scan.
    expect(press(field, 'B', 5)).toBe(false);
    expect(press(field, '1', 5)).toBe(false);
    expect(field.value).toBe('OLD');
    time.advance(5);
    expect(fireEvent.keyDown(field, { key: 'Enter' })).toBe(true);
    expect(field.value).toBe('B1');
  });
});

describe('attachKeyboardWedge', () => {
  it('delivers a scan as a wedge ScanEvent and stops listening when detached', () => {
    const t = manualTime();
    const scans: ScanEvent[] = [];
    const detach = attachKeyboardWedge(window, { clock: t.clock, timers: t.timers }, { onScan: (s) => scans.push(s) });
    for (const key of 'PO-1001/20') {
      t.advance(3);
      fireEvent.keyDown(document.body, { key });
    }
    t.idle();
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ text: 'PO-1001/20', source: 'wedge', portId: WEDGE_PORT_ID, symbology: null });
    detach();
    for (const key of 'PO-2') {
      t.advance(3);
      expect(fireEvent.keyDown(document.body, { key })).toBe(true);
    }
    t.idle();
    expect(scans).toHaveLength(1);
  });

  it('stays off, and says why, with unusable timing', () => {
    const errors: Error[] = [];
    const detach = attachKeyboardWedge(
      window,
      { maxInterKeyMs: -1 },
      { onScan: () => {}, onError: (e) => errors.push(e) },
    );
    expect(errors[0]?.message).toContain('maxInterKeyMs');
    expect(fireEvent.keyDown(document.body, { key: 'A' })).toBe(true);
    detach();
  });
});

describe('wedge settings', () => {
  it('keeps well-formed stored values and falls back to the detector defaults for the rest', () => {
    expect(parseWedgeSettings(null)).toEqual(defaultWedgeSettings);
    expect(parseWedgeSettings('not json')).toEqual(defaultWedgeSettings);
    expect(parseWedgeSettings('{"maxInterKeyMs":60,"minLength":2.5,"idleFlushMs":-3,"isEnabled":false}')).toEqual({
      isEnabled: false,
      maxInterKeyMs: 60,
      minLength: defaultWedgeSettings.minLength,
      idleFlushMs: null,
    });
  });
});
