import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeFrame, encodeFrame, type ProtocolId } from '../../shared/instruments';
import { createInstrumentSession, sessionErrorMessage, type InstrumentSessionOptions, type SessionError, type SessionReading } from './instrument-session';

let writes: string[];
let readings: SessionReading[];
let errors: SessionError[];

function session(overrides: Partial<InstrumentSessionOptions> & { protocol: ProtocolId; mode: 'stream' | 'poll' }) {
  return createInstrumentSession({
    pollIntervalMs: 500,
    requestTimeoutMs: 1000,
    write: (bytes) => writes.push(bytes),
    decode: decodeFrame,
    onReading: (r) => readings.push(r),
    onError: (e) => errors.push(e),
    ...overrides,
  });
}

const sics = (value: string, stable = true) => encodeFrame('mt-sics', { value, unit: 'g', stable });

beforeEach(() => {
  vi.useFakeTimers();
  writes = [];
  readings = [];
  errors = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('instrument session: poll mode', () => {
  it('sends the protocol poll command, one request at a time, and the next one an interval after the answer', () => {
    const s = session({ protocol: 'mt-sics', mode: 'poll' });
    s.start();
    expect(writes).toEqual(['SI\r\n']);
    vi.advanceTimersByTime(900);
    expect(writes).toHaveLength(1);
    expect(s.requestNow()).toBe('in_flight');
    expect(writes).toHaveLength(1);

    s.frame(sics('12.345'));
    expect(readings).toMatchObject([{ value: '12.345', unit: 'g', stable: true, status: 'ok', source: 'poll' }]);
    vi.advanceTimersByTime(499);
    expect(writes).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual(['SI\r\n', 'SI\r\n']);
    s.stop();
  });

  it('reports a timeout, carries on polling, and discards an answer that comes after the timeout', () => {
    const s = session({ protocol: 'mt-sics', mode: 'poll' });
    s.start();
    vi.advanceTimersByTime(999);
    expect(errors).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(errors).toMatchObject([{ code: 'timeout' }]);
    expect(errors[0]?.message).toMatch(/1000 ms/);

    // The late answer to the first request: an old value, never a reading.
    s.frame(sics('11.111'));
    expect(readings).toEqual([]);
    expect(errors.at(-1)).toMatchObject({ code: 'unsolicited', raw: sics('11.111') });

    vi.advanceTimersByTime(500);
    expect(writes).toHaveLength(2);
    s.frame(sics('12.000'));
    expect(readings.map((r) => r.value)).toEqual(['12.000']);
    s.stop();
  });

  it('accepts a value after stableCount equal stable answers, once per run', () => {
    const s = session({ protocol: 'mt-sics', mode: 'poll', stableCount: 3 });
    s.start();
    const answer = (frame: string) => {
      s.frame(frame);
      vi.advanceTimersByTime(500);
    };
    answer(sics('5.000', false));
    answer(sics('5.010'));
    answer(sics('5.010'));
    answer(sics('5.010'));
    answer(sics('5.010'));
    answer(sics('7.5'));
    expect(readings.map((r) => [r.value, r.stable, r.stableRun, r.accepted])).toEqual([
      ['5.000', false, 0, false],
      ['5.010', true, 1, false],
      ['5.010', true, 2, false],
      ['5.010', true, 3, true],
      ['5.010', true, 4, false],
      ['7.5', true, 1, false],
    ]);
    expect(writes).toHaveLength(7);
    s.stop();
  });

  it('passes overload and error answers through with their status, never accepted, and they break a run', () => {
    const s = session({ protocol: 'mt-sics', mode: 'poll', stableCount: 2 });
    s.start();
    for (const frame of [sics('1.0'), encodeFrame('mt-sics', { value: null, status: 'overload' }), sics('1.0'), 'S I\r\n', sics('1.0'), sics('1.0')]) {
      s.frame(frame);
      vi.advanceTimersByTime(500);
    }
    expect(readings.map((r) => [r.status, r.accepted])).toEqual([
      ['ok', false],
      ['overload', false],
      ['ok', false],
      ['error', false],
      ['ok', false],
      ['ok', true],
    ]);
    expect(readings[3]?.detail).toMatchObject({ error_code: 'I' });
  });

  it('reports an unreadable frame and keeps waiting for the real answer', () => {
    const s = session({ protocol: 'sartorius-sbi', mode: 'poll' });
    s.start();
    expect(writes).toEqual(['\x1bP\r\n']);
    s.frame('#\x01garbage');
    expect(errors).toMatchObject([{ code: 'not_a_frame', raw: '#\x01garbage' }]);
    s.frame(encodeFrame('sartorius-sbi', { value: '100.25', unit: 'g', stable: true }));
    expect(readings).toMatchObject([{ value: '100.25', unit: 'g', source: 'poll' }]);
    expect(errors).toHaveLength(1);
    s.stop();
  });

  it('reports a failed write and polls again after the interval', () => {
    let fail = true;
    const s = session({
      protocol: 'sylvac-optors',
      mode: 'poll',
      write: (bytes) => {
        if (fail) throw new Error('Port is not open');
        writes.push(bytes);
      },
    });
    s.start();
    expect(errors).toMatchObject([{ code: 'write_failed' }]);
    expect(errors[0]?.message).toMatch(/Port is not open/);
    fail = false;
    vi.advanceTimersByTime(500);
    expect(writes).toEqual(['?\r']);
    s.stop();
  });

  it('sends a test request at once between polls, or queued when the device needs a pause', () => {
    const s = session({ protocol: 'mitutoyo-idh', mode: 'poll', pollIntervalMs: 5000 });
    expect(s.requestNow()).toBe('stopped');
    s.start();
    s.frame(encodeFrame('mitutoyo-idh', { value: '0.123' }));
    expect(s.requestNow()).toBe('queued');
    expect(s.requestNow()).toBe('queued');
    expect(writes).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(writes).toEqual(['GA01\r\n', 'GA01\r\n']);
    s.frame(encodeFrame('mitutoyo-idh', { value: '0.124' }));
    expect(readings.map((r) => r.source)).toEqual(['poll', 'request']);
    vi.advanceTimersByTime(1000);
    expect(s.requestNow()).toBe('sent');
    expect(writes).toHaveLength(3);
    s.stop();
  });

  it('stops cleanly: no more requests, no timers, frames ignored', () => {
    const s = session({ protocol: 'mt-sics', mode: 'poll' });
    s.start();
    s.stop();
    expect(vi.getTimerCount()).toBe(0);
    s.frame(sics('1.0'));
    vi.advanceTimersByTime(10_000);
    expect(writes).toHaveLength(1);
    expect(readings).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('refuses poll mode for a protocol that only streams, and nonsense settings', () => {
    expect(() => session({ protocol: 'mitutoyo-01A', mode: 'poll' })).toThrow(/no poll command/);
    expect(() => session({ protocol: 'mt-sics', mode: 'poll', stableCount: 0 })).toThrow(/stableCount/);
    expect(() => session({ protocol: 'mt-sics', mode: 'poll', pollIntervalMs: 1.5 })).toThrow(/pollIntervalMs/);
  });

  it('keeps polling when a listener throws', () => {
    const s = session({
      protocol: 'mt-sics',
      mode: 'poll',
      onReading: () => {
        throw new Error('screen broke');
      },
    });
    s.start();
    s.frame(sics('1.0'));
    vi.advanceTimersByTime(500);
    expect(writes).toHaveLength(2);
    s.stop();
  });
});

describe('instrument session: stream mode', () => {
  it('shows unstable readings but accepts only after N consecutive stable equal ones, once', () => {
    const s = session({ protocol: 'sartorius-sbi', mode: 'stream' });
    s.start();
    const sbi = (value: string, stable: boolean) => encodeFrame('sartorius-sbi', { value, unit: 'g', stable });
    for (const f of [sbi('9.8', false), sbi('10.02', true), sbi('10.02', true), sbi('10.03', false), sbi('10.02', true), sbi('10.02', true), sbi('10.02', true), sbi('10.02', true)]) {
      s.frame(f);
    }
    expect(readings.map((r) => [r.value, r.stable, r.accepted])).toEqual([
      ['9.8', false, false],
      ['10.02', true, false],
      ['10.02', true, false],
      ['10.03', false, false],
      ['10.02', true, false],
      ['10.02', true, false],
      ['10.02', true, true],
      ['10.02', true, false],
    ]);
    expect(readings.every((r) => r.source === 'stream')).toBe(true);
    expect(writes).toEqual([]);
    s.stop();
  });

  it('needs the same value and unit: a changing stable value is never accepted', () => {
    const s = session({ protocol: 'kern-ew', mode: 'stream', stableCount: 2 });
    s.start();
    for (const v of ['1.0', '1.1', '1.2', '1.3']) s.frame(encodeFrame('kern-ew', { value: v, unit: 'g', stable: true }));
    s.frame(encodeFrame('kern-ew', { value: '1.3', unit: 'ct', stable: true }));
    expect(readings.some((r) => r.accepted)).toBe(false);
    s.frame(encodeFrame('kern-ew', { value: '1.3', unit: 'ct', stable: true }));
    expect(readings.at(-1)).toMatchObject({ value: '1.3', unit: 'ct', accepted: true });
  });

  it('passes overload, underload and error frames through, and an unreadable frame breaks the run', () => {
    const s = session({ protocol: 'and-indicator', mode: 'stream', stableCount: 2 });
    s.start();
    const ok = encodeFrame('and-indicator', { value: '2.50', unit: 'kg', stable: true });
    s.frame(ok);
    s.frame(encodeFrame('and-indicator', { value: null, unit: 'kg', status: 'overload' }));
    s.frame(ok);
    s.frame('ST,GS,??');
    s.frame(ok);
    s.frame(encodeFrame('and-indicator', { value: null, status: 'error' }));
    s.frame(ok);
    s.frame(ok);
    expect(readings.map((r) => [r.status, r.accepted])).toEqual([
      ['ok', false],
      ['overload', false],
      ['ok', false],
      ['ok', false],
      ['error', false],
      ['ok', false],
      ['ok', true],
    ]);
    expect(errors).toHaveLength(1);
  });

  it('accepts every held reading of an instrument without a stability notion (data key presses)', () => {
    const s = session({ protocol: 'mitutoyo-01A', mode: 'stream' });
    s.start();
    s.frame('01A+00012.345\r');
    s.frame('01A+00012.345\r');
    expect(readings.map((r) => [r.value, r.stable, r.accepted])).toEqual([
      ['12.345', null, true],
      ['12.345', null, true],
    ]);
    expect(s.requestNow()).toBe('no_command');
  });

  it('with stableCount 1 (print key) accepts every stable frame, never an unstable one', () => {
    const s = session({ protocol: 'ohaus', mode: 'stream', stableCount: 1 });
    s.start();
    s.frame(encodeFrame('ohaus', { value: '3.2', unit: 'g', stable: true }));
    s.frame(encodeFrame('ohaus', { value: '3.2', unit: 'g', stable: true }));
    s.frame(encodeFrame('ohaus', { value: '3.2', unit: 'g', stable: false }));
    expect(readings.map((r) => r.accepted)).toEqual([true, true, false]);
  });

  it('answers a test request with the next frame, or reports a timeout', () => {
    const s = session({ protocol: 'mt-sics', mode: 'stream' });
    s.start();
    expect(s.requestNow()).toBe('sent');
    expect(writes).toEqual(['SI\r\n']);
    s.frame(sics('4.4'));
    expect(readings.at(-1)?.source).toBe('request');
    vi.advanceTimersByTime(100);
    expect(s.requestNow()).toBe('sent');
    vi.advanceTimersByTime(1000);
    expect(errors).toMatchObject([{ code: 'timeout' }]);
    s.frame(sics('4.4'));
    expect(readings.at(-1)?.source).toBe('stream');
    s.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('session error texts', () => {
  it('exist in Spanish and English', () => {
    expect(sessionErrorMessage('timeout', 'es')).toMatch(/no respondió/);
    expect(sessionErrorMessage('unsolicited')).toMatch(/discarded/);
  });
});
