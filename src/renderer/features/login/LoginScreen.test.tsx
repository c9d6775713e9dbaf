import '../../test-utils/dom';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Screens } from '../../app/Screens';
import { scanReceived } from '../../store/scan-router';
import { sessionStore } from '../../store/session-store';
import { seedPlant } from '../../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../../test-utils/render';

let services: TestServices;
beforeEach(async () => {
  sessionStorage.clear();
  sessionStore.getState().operatorSignedOut();
  services = createTestServices();
  await seedPlant(services.db);
});
afterEach(async () => {
  cleanup();
  await services.db.delete();
});

const typeBadge = (label: string, badge: string, button: string) => {
  fireEvent.change(screen.getByLabelText(label), { target: { value: badge } });
  fireEvent.click(screen.getByRole('button', { name: button }));
};

describe('Login', () => {
  it('signs in with a typed badge, records shift.login and shows the home screen', async () => {
    renderWithApp(<Screens />, { services });
    expect(screen.getByRole('heading', { name: 'Scan your badge' })).toBeTruthy();
    typeBadge('Badge', 'B0008', 'Sign in');
    await screen.findByRole('heading', { name: 'Work orders at this workstation' });
    expect(sessionStore.getState().operator).toMatchObject({ id: 'OP-0008', name: 'Luis Pérez' });
    const events = await services.db.events.toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'shift.login',
      operatorId: 'OP-0008',
      state: 'pending',
      workstationId: 'WS-M1-01',
    });
    expect(services.nudges).toBe(1);
    await waitFor(() => expect(services.fake.journal.map((e) => e.type)).toEqual(['shift.login']));
  });

  it('explains an unknown badge in Spanish and in English, and records nothing', async () => {
    renderWithApp(<Screens />, { services, language: 'es' });
    typeBadge('Tarjeta', 'X-123', 'Entrar');
    expect((await screen.findByRole('alert')).textContent).toContain('La tarjeta «X-123» no está registrada');
    cleanup();
    renderWithApp(<Screens />, { services, language: 'en' });
    typeBadge('Badge', 'X-123', 'Sign in');
    expect((await screen.findByRole('alert')).textContent).toContain('Badge “X-123” is not registered');
    expect(await services.db.events.count()).toBe(0);
    expect(sessionStore.getState().operator).toBeNull();
  });

  it('signs in from a badge scan', async () => {
    renderWithApp(<Screens />, { services });
    // What the shell does with every api.devices.onScan event.
    act(() =>
      scanReceived({
        portId: 'scanner-1',
        text: 'B0007',
        symbology: null,
        source: 'serial',
        receivedAt: new Date().toISOString(),
      }),
    );
    await screen.findByRole('heading', { name: 'Work orders at this workstation' });
    expect(sessionStore.getState().operator?.id).toBe('OP-0007');
  });

  it('asks for the PIN where the plant requires one and refuses a wrong one', async () => {
    await seedPlant(services.db, { requirePin: true });
    renderWithApp(<Screens />, { services });
    typeBadge('Badge', 'B0007', 'Sign in');
    const pin = await screen.findByLabelText('PIN');
    fireEvent.change(pin, { target: { value: '9999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong PIN');
    expect(sessionStore.getState().operator).toBeNull();
    fireEvent.change(screen.getByLabelText('PIN'), { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('heading', { name: 'Work orders at this workstation' });
    expect(sessionStore.getState().operator?.id).toBe('OP-0007');
  });

  it('refuses a badge without a PIN when PINs are required', async () => {
    await seedPlant(services.db, { requirePin: true });
    renderWithApp(<Screens />, { services });
    typeBadge('Badge', 'B0008', 'Sign in');
    expect((await screen.findByRole('alert')).textContent).toContain('none is set for this badge');
  });

  it('says the operator list has not arrived yet when there are no operators at all', async () => {
    await services.db.operators.clear();
    renderWithApp(<Screens />, { services });
    typeBadge('Badge', 'B0007', 'Sign in');
    expect((await screen.findByRole('alert')).textContent).toContain('has not received the operator list');
    expect(sessionStore.getState().operator).toBeNull();
    // The first pull lands: the badge that was waiting signs in without being scanned again.
    await seedPlant(services.db);
    await screen.findByRole('heading', { name: 'Work orders at this workstation' });
    expect(sessionStore.getState().operator?.id).toBe('OP-0007');
    expect((await services.db.events.toArray()).map((e) => e.type)).toEqual(['shift.login']);
  });
});
