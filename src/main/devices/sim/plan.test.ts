import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, pollCommands, protocolIds, type ProtocolId } from '../../../shared/instruments';
import {
  checkSimOptions,
  createFramePlan,
  createRequestReader,
  DEFAULT_SCAN,
  defaultSimUnit,
  garbageLine,
  listSimProfiles,
  offsetDecimal,
  type SimOptions,
} from './plan';

const base: SimOptions = { port: '/dev/null' };
/** A small deterministic generator so a failing garbage case can be replayed from its seed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

describe('sim profiles and options', () => {
  it('lists one profile per instrument protocol plus the scanner', () => {
    expect(listSimProfiles()).toEqual([...protocolIds, 'scanner']);
  });

  it('rejects unknown profiles and options the device cannot play, saying what is possible', () => {
    expect(() => checkSimOptions('mettler', base)).toThrow(/Unknown simulator profile "mettler". Available: mt-sics/);
    expect(() => checkSimOptions('mitutoyo-idh', { ...base, overload: true })).toThrow(/no overload frame; it can send: ok, info/);
    expect(() => checkSimOptions('kern-ew', { ...base, errorFrames: true })).toThrow(/kern-ew has no error frame/);
    expect(() => checkSimOptions('mt-sics', { ...base, value: '12,5' })).toThrow(/decimal number/);
    expect(() => checkSimOptions('kern-ew', { ...base, value: '123456789.5' })).toThrow(/cannot send/);
    expect(() => checkSimOptions('scanner', { ...base, overload: true })).toThrow(/--overload/);
    expect(() => checkSimOptions('mt-sics', { ...base, count: 0 })).toThrow(/--count/);
    expect(() => checkSimOptions('mt-sics', { ...base, disconnectAfter: 1.5 })).toThrow(/--disconnect-after/);
    expect(() => checkSimOptions('mt-sics', { port: '' })).toThrow(/--port/);
    expect(() => checkSimOptions('sartorius-sbi', { ...base, value: '-0.50', unit: 'kg', overload: true, errorFrames: true, unstable: true, garbage: true })).not.toThrow();
  });
});

describe('offsetDecimal', () => {
  it('moves a decimal by units of its last digit, keeping the scale', () => {
    expect(offsetDecimal('12.345', 83)).toBe('12.428');
    expect(offsetDecimal('12.345', -41)).toBe('12.304');
    expect(offsetDecimal('0.010', -41)).toBe('-0.031');
    expect(offsetDecimal('-1.5', 17)).toBe('0.2');
    expect(offsetDecimal('7', -8)).toBe('-1');
  });
});

describe('frame plans', () => {
  it('sends readings every decoder reads back as the value and unit asked for, in every protocol', () => {
    for (const p of protocolIds) {
      const plan = createFramePlan(p, { ...base, value: '-3.250' });
      const out = decodeFrame(p, plan.next().frame, { unit: defaultSimUnit(p) });
      expect(out, p).toMatchObject({ ok: true, value: '-3.250', unit: defaultSimUnit(p), status: 'ok' });
    }
  });

  it('settles: a few moving unstable readings, then the value, stable', () => {
    const plan = createFramePlan('mt-sics', { ...base, unstable: true });
    const seen = Array.from({ length: 5 }, () => decodeFrame('mt-sics', plan.next().frame));
    expect(seen.map((r) => (r.ok ? [r.value, r.stable] : r.error.code))).toEqual([
      ['12.428', false],
      ['12.304', false],
      ['12.362', false],
      ['12.345', true],
      ['12.345', true],
    ]);
  });

  it('sends overload and error frames, alternating when both are asked for', () => {
    const plan = createFramePlan('sartorius-sbi', { ...base, overload: true, errorFrames: true });
    const statuses = Array.from({ length: 4 }, () => {
      const r = decodeFrame('sartorius-sbi', plan.next().frame);
      return r.ok ? r.status : r.error.code;
    });
    expect(statuses).toEqual(['overload', 'error', 'overload', 'error']);
  });

  it('scanner frames carry the AIM prefix, GS and a CR suffix', () => {
    expect(createFramePlan('scanner', base).next().frame).toBe(`${DEFAULT_SCAN}\r`);
    expect(createFramePlan('scanner', { ...base, value: ']d2010950110153000310A<GS>21B' }).next().frame).toBe(']d2010950110153000310A\u001d21B\r');
  });
});

describe('garbage', () => {
  it('is one terminated line that the protocol decoder rejects, for any protocol and seed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...protocolIds), fc.integer(), (p, seed) => {
        const line = garbageLine(p, seeded(seed));
        const body = line.replace(/[\r\n]+$/, '');
        expect(body.length).toBeGreaterThanOrEqual(4);
        for (const banned of ['\r', '\n', '\x02', '\x03', '\x11', '\x13']) expect(body).not.toContain(banned);
        expect(decodeFrame(p, line).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('request reader', () => {
  it('finds poll commands split across chunks, in order, and answers unknown commands like the device', () => {
    const read = createRequestReader('mt-sics');
    expect(read('S')).toEqual([]);
    expect(read('I\r')).toEqual([{ command: 'SI', reply: 'reading' }]);
    expect(read('\nS\r\nXYZ\r\n')).toEqual([
      { command: 'S', reply: 'reading' },
      { command: 'XYZ', reply: { frame: encodeFrame('mt-sics', { value: null, status: 'error', detail: { error_code: 'ES' } }) } },
    ]);
  });

  it('takes every W of a KERN platform (commands without terminator)', () => {
    const read = createRequestReader('kern-st');
    expect(read('WW').map((r) => r.command)).toEqual(['W', 'W']);
    expect(read('xW')).toHaveLength(1);
  });

  it('stays silent on unknown commands where the device does, and has nothing to read for streaming devices', () => {
    expect(createRequestReader('mitutoyo-idh')('HELLO\r\n')).toEqual([{ command: 'HELLO', reply: null }]);
    const streaming = protocolIds.filter((p: ProtocolId) => pollCommands[p] === null);
    expect(streaming.length).toBeGreaterThan(0);
    for (const p of streaming) expect(createRequestReader(p)('?\r\n')).toEqual([]);
  });
});
