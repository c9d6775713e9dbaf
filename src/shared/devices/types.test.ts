import { describe, expect, it } from 'vitest';
import { deviceConfigSchema, instrumentProfile, toHex } from './types';

const parse = (input: Record<string, unknown>) => deviceConfigSchema.safeParse({ id: 'dev-1', path: '/dev/ttyUSB0', ...input });

describe('device config: instrument defaults per protocol', () => {
  it('fills a Sylvac cable with its own 4800 7E2, DTR on, RTS off, CR terminator, poll with "?"', () => {
    const r = parse({ kind: 'instrument', protocol: 'sylvac-optors' });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.settings).toMatchObject({ baudRate: 4800, dataBits: 7, parity: 'even', stopBits: 2, dtr: true, rts: false });
    expect(r.data.framing.terminator).toBe('CR');
    expect(instrumentProfile(r.data)).toEqual({
      protocol: 'sylvac-optors',
      mode: 'poll',
      command: '?\r',
      pollIntervalMs: 200,
      requestTimeoutMs: 1000,
      stableCount: 3,
    });
  });

  it('keeps what the admin typed over the protocol defaults', () => {
    const r = parse({
      kind: 'instrument',
      protocol: 'mt-sics',
      settings: { baudRate: 19200 },
      framing: { terminator: 'CR' },
      mode: 'stream',
      pollCommand: 'S\r\n',
      pollIntervalMs: 1000,
      stableCount: 5,
      gaugeId: 'G-BAL-001',
    });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.settings).toMatchObject({ baudRate: 19200, dataBits: 8, xon: true });
    expect(r.data.framing.terminator).toBe('CR');
    expect(instrumentProfile(r.data)).toMatchObject({ mode: 'stream', command: 'S\r\n', pollIntervalMs: 1000, stableCount: 5 });
    expect(r.data.gaugeId).toBe('G-BAL-001');
  });

  it('a streaming Mitutoyo has no command; scanners keep the scanner defaults and have no profile', () => {
    const m = parse({ kind: 'instrument', protocol: 'mitutoyo-01A' });
    expect(m.success && instrumentProfile(m.data)).toMatchObject({ mode: 'stream', command: null });
    const s = parse({ kind: 'scanner' });
    expect(s.success && s.data.settings.baudRate).toBe(9600);
    expect(s.success && instrumentProfile(s.data)).toBeNull();
  });
});

describe('device config: validation', () => {
  const issueAt = (input: Record<string, unknown>) => {
    const r = parse(input);
    return r.success ? null : r.error.issues.map((i) => i.path.join('.'));
  };

  it('needs a known protocol for an instrument', () => {
    expect(issueAt({ kind: 'instrument' })).toEqual(['protocol']);
    expect(issueAt({ kind: 'instrument', protocol: 'acme-9000' })).toEqual(['protocol']);
  });

  it('refuses poll mode for a protocol without a command unless one is typed', () => {
    expect(issueAt({ kind: 'instrument', protocol: 'mitutoyo-01A', mode: 'poll' })).toEqual(['mode']);
    expect(issueAt({ kind: 'instrument', protocol: 'mitutoyo-01A', mode: 'poll', pollCommand: '1\r' })).toBeNull();
  });

  it('refuses nonsense numbers and names the field', () => {
    expect(issueAt({ kind: 'instrument', protocol: 'mt-sics', stableCount: 0 })).toEqual(['stableCount']);
    expect(issueAt({ kind: 'instrument', protocol: 'mt-sics', pollIntervalMs: 10 })).toEqual(['pollIntervalMs']);
    expect(issueAt({ kind: 'instrument', protocol: 'mt-sics', settings: { baudRate: -1 } })).toEqual(['settings.baudRate']);
    expect(issueAt({ kind: 'instrument', protocol: 'mt-sics', gaugeId: '' })).toEqual(['gaugeId']);
  });
});

describe('toHex', () => {
  it('shows latin1 bytes, control characters and GS included', () => {
    expect(toHex('SI\r\n')).toBe('53 49 0d 0a');
    expect(toHex('A\u001dB\u00e9')).toBe('41 1d 42 e9');
    expect(toHex('')).toBe('');
  });
});
