import { describe, expect, it } from 'vitest';
import { deviceConfigSchema } from '../../../shared/devices/types';
import { draftForProfile, draftFromConfig, draftToInput, escapeCommand, unescapeCommand, validateDrafts } from './device-draft';

describe('device draft', () => {
  it('prefills a profile with its protocol defaults (Sartorius SBI: 1200 7O1, RTS/CTS, ESC P)', () => {
    const d = draftForProfile('sartorius-sbi', { id: 'bal-1', path: '/dev/ttyUSB0' });
    expect(d).toMatchObject({ baudRate: '1200', dataBits: '7', parity: 'odd', stopBits: '1', flow: 'rtscts', terminator: 'CRLF', mode: 'poll', pollCommand: '\\x1bP\\r\\n' });
  });

  it('round-trips a saved config through the form unchanged', () => {
    const saved = deviceConfigSchema.parse({
      id: 'cal-1',
      kind: 'instrument',
      path: '/dev/ttyUSB1',
      protocol: 'mt-sics',
      mode: 'stream',
      pollCommand: 'S\r\n',
      stableCount: 4,
      gaugeId: 'G-BAL-001',
      framing: { gsSubstitute: '#' },
    });
    expect(deviceConfigSchema.parse(draftToInput(draftFromConfig(saved)))).toEqual({ ...saved, pollIntervalMs: 200, requestTimeoutMs: 1000 });
  });

  it('does not save the protocol’s own command as an override', () => {
    const d = draftForProfile('mt-sics', { id: 'b', path: '/dev/x' });
    expect(draftToInput(d).pollCommand).toBeUndefined();
    expect(draftToInput({ ...d, pollCommand: 'SIR\\r\\n' }).pollCommand).toBe('SIR\r\n');
  });

  it('escapes control characters both ways', () => {
    for (const text of ['SI\r\n', '\x1bP\r\n', 'GA01\r\n', 'a\\b\t']) expect(unescapeCommand(escapeCommand(text))).toBe(text);
    expect(unescapeCommand('<ESC>P')).toBe('\x1bP');
  });

  it('reports errors per device and field: empty number, duplicate id, poll without command', () => {
    const a = { ...draftForProfile('mt-sics', { id: 'x', path: '/dev/a' }), stableCount: '' };
    const b = draftForProfile('scanner', { id: 'x', path: '' });
    const c = { ...draftForProfile('mitutoyo-01A', { id: 'c', path: '/dev/c' }), mode: 'poll' as const };
    const r = validateDrafts([a, b, c]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({ 0: { stableCount: true }, 1: { id: true, path: true }, 2: { mode: true } });
  });

  it('accepts valid drafts and returns configs main will accept', () => {
    const r = validateDrafts([draftForProfile('scanner', { id: 's', path: '/dev/s' }), draftForProfile('kern-st', { id: 'k', path: '/dev/k' })]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.configs.map((c) => deviceConfigSchema.safeParse(c).success)).toEqual([true, true]);
  });
});
