/**
 * Properties of the decoders (fast-check): arbitrary, truncated and glued bytes never throw and
 * never come out as an 'ok' reading unless they fit the protocol's reference grammar (§4.10);
 * decode(encode(reading)) gives the reading back for every protocol.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DecodeOutcome,
  type EncodableReading,
  type ProtocolId,
  decodeFrame,
  encodeFrame,
  protocolIds,
} from './index';

/** The reference grammars of §4.10, applied to the frame without its terminator. */
const grammar: Record<ProtocolId, (body: string) => boolean> = {
  'mitutoyo-01A': (b) => /^0\d[A-Z][+-]\s*\d+(?:\.\d+)?$/.test(b),
  'mitutoyo-uwave': (b) => /^DT1\d{2}\d{2}[+-]\d+\.\d+[MI0]$/.test(b),
  'mitutoyo-idh': (b) => /^G[NXMW]\d{2},[+-]\d+\.\d+$/.test(b),
  'sylvac-optors': (b) => /^[+\- ]\d*\.?\d+[<=>]?$/.test(b),
  'mt-sics': (b) => {
    const t = b.trim().split(/\s+/);
    return t.length === 4 && /^[+-]?\d*\.?\d+$/.test(t[2] ?? '') && (t[1] === 'S' || t[1] === 'D');
  },
  'sartorius-sbi': (b) => {
    const re = /^\s*[+-]?\s*\d*\.?\d+\s*[A-Za-z%]*\s*$/;
    const s = b.replace(/[[\]]/g, '');
    return re.test(s) || re.test(s.slice(6));
  },
  'and-std': (b) => /^(ST|US|QT),(?:(LO|OK|HI|--),)?[+-][0-9. ]+?,?\s*[A-Za-z%]+$/.test(b.trim()),
  'and-csv': (b) => /^(ST|US|QT),(?:(LO|OK|HI|--),)?[+-][0-9. ]+?,?\s*[A-Za-z%]+$/.test(b.trim()),
  // The reference lists kg|g|t; the decoder accepts any unit letters (lb indicators exist).
  'and-indicator': (b) => /^(ST|US),(GS|NT|TR),[+-][0-9. ]+[A-Za-z]+$/.test(b.trim()),
  ohaus: (b) => /^\s*-?\d*\.?\d+\s+\S+(?:\s+\?)?(?:\s+(TOTAL|G|N|NET))?\s*$/.test(b),
  'kern-st': (b) => /^(ST|US),(GS|NT|TW),?\s*[+-]?\s*\d*\.?\d+\s*[A-Za-z%]+\s*$/.test(b.trim()),
  'kern-ew': (b) => {
    if (b.length !== 12 && b.length !== 13) return false;
    const v = b.length === 12 ? 8 : 9;
    return /^[+\- ] *\d*\.?\d+$/.test(b.slice(0, v)) && 'LGH '.includes(b.charAt(v + 2)) && 'US '.includes(b.charAt(v + 3));
  },
  'mahr-c1202': (b) => /^\s*\d\s+[+-]?\s*\d*\.?\d+\s*[A-Za-z]*\s*[<=>]?\s*[<=>]?\s*$/.test(b.split(';')[0] ?? ''),
  'mahr-optorsd': (b) => /^\s*[+-]?\s*\d*\.?\d+\s*[A-Za-z]*\s*[<=>]?\s*$/.test(b),
};

function bodyOf(frame: string): string {
  let s = [...frame].filter((ch) => ch !== '\0' && ch !== '\x11' && ch !== '\x13').join('');
  if (s.startsWith('\x02')) s = s.slice(1);
  s = s.replace(/^[\r\n]+|[\r\n]+$/g, '');
  if (s.endsWith('\x03')) s = s.slice(0, -1);
  return s.replace(/[\r\n]+$/, '');
}

function checkOutcome(protocol: ProtocolId, frame: string, r: DecodeOutcome): void {
  if (!r.ok) {
    expect(r.error.code).toMatch(/^[a-z_]+$/);
    expect(r.error.message.length).toBeGreaterThan(0);
    return;
  }
  expect(['ok', 'overload', 'underload', 'error', 'ack', 'info']).toContain(r.status);
  if (r.value !== null) {
    expect(r.value).toMatch(/^-?\d+(\.\d+)?$/);
    expect(r.number).toBe(Number(r.value));
  } else {
    expect(r.number).toBeNull();
  }
  if (r.status === 'ok') {
    expect(r.value, `${protocol} ok without value for ${JSON.stringify(frame)}`).not.toBeNull();
    expect(grammar[protocol](bodyOf(frame)), `${protocol} accepted ${JSON.stringify(frame)}`).toBe(true);
  }
}

const anyByte = fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c));
const bytes = fc.array(anyByte, { maxLength: 300 }).map((a) => a.join(''));
/** Characters the protocols are made of, so random input often looks almost right. */
const protocolChar = fc.constantFrom(...'0123456789+-. ,;[]?<=>\r\nSDTGNULHEIAOKQCPRMWXYgkmbtzi%\x06'.split(''));
const nearFrames = fc.array(protocolChar, { maxLength: 40 }).map((a) => a.join(''));
const protocol = fc.constantFrom(...protocolIds);

const massUnits = ['g', 'kg', 'mg', 'ct', 'lb', 'oz'];
interface Shape {
  units: (string | null)[];
  hasStability: boolean;
  needsFraction?: boolean;
  maxAbsLength?: number;
}
const shapes: Record<ProtocolId, Shape> = {
  'mt-sics': { units: massUnits, hasStability: true },
  'sartorius-sbi': { units: [...massUnits, 'pcs'], hasStability: true },
  'and-std': { units: [...massUnits, 'PC', '%'], hasStability: true },
  'and-csv': { units: massUnits, hasStability: true },
  'and-indicator': { units: ['kg', 'g', 't', 'lb'], hasStability: true },
  ohaus: { units: massUnits, hasStability: true },
  'kern-st': { units: ['kg', 'g', 'lb'], hasStability: true },
  'kern-ew': { units: ['g', 'ct', 'oz', 'lb', 'PC', '%'], hasStability: true, maxAbsLength: 8 },
  'sylvac-optors': { units: [null], hasStability: false },
  'mahr-c1202': { units: ['mm', 'um', 'in'], hasStability: false },
  'mahr-optorsd': { units: ['mm', 'um', 'in'], hasStability: false },
  'mitutoyo-01A': { units: ['mm', 'in'], hasStability: false, needsFraction: true },
  'mitutoyo-uwave': { units: ['mm', 'in', null], hasStability: false, needsFraction: true },
  'mitutoyo-idh': { units: [null], hasStability: false, needsFraction: true },
};

function validReading(p: ProtocolId): fc.Arbitrary<EncodableReading> {
  const shape = shapes[p];
  return fc
    .record({
      negative: fc.boolean(),
      int: fc.integer({ min: 0, max: 9999 }),
      frac: fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: shape.needsFraction ? 1 : 0, maxLength: 3 }),
      unit: fc.constantFrom(...shape.units),
      stable: shape.hasStability ? fc.boolean() : fc.constant(null),
    })
    .map(({ negative, int, frac, unit, stable }) => {
      let abs = frac ? `${int}.${frac}` : String(int);
      if (shape.maxAbsLength && abs.length > shape.maxAbsLength) abs = abs.slice(0, shape.maxAbsLength).replace(/\.$/, '');
      // 01A: the unit is read from the resolution, so inch readings carry four or five decimals.
      if (p === 'mitutoyo-01A' && unit === 'in') abs = `${int % 100}.${frac.padEnd(4, '7')}`;
      const zero = !/[1-9]/.test(abs);
      return { value: negative && !zero ? `-${abs}` : abs, unit, stable, status: 'ok' as const };
    });
}

describe('decoder properties', () => {
  it('arbitrary bytes never throw and never pass as an ok reading outside the grammar', () => {
    fc.assert(
      fc.property(protocol, bytes, (p, frame) => {
        const r = decodeFrame(p, frame);
        checkOutcome(p, frame, r);
        if ([...frame].some((ch) => ch.charCodeAt(0) >= 0x80)) expect(r).toMatchObject({ ok: false, error: { code: 'parity' } });
      }),
      { numRuns: 3000 },
    );
  });

  it('near-frames built from protocol characters obey the grammar', () => {
    fc.assert(
      fc.property(protocol, nearFrames, (p, frame) => checkOutcome(p, frame, decodeFrame(p, frame))),
      { numRuns: 5000 },
    );
  });

  it('truncated frames never throw and never pass outside the grammar', () => {
    fc.assert(
      fc.property(
        protocol.chain((p) => fc.tuple(fc.constant(p), validReading(p), fc.nat())),
        ([p, reading, cut]) => {
          const frame = encodeFrame(p, reading);
          const truncated = frame.slice(0, cut % (frame.length + 1));
          checkOutcome(p, truncated, decodeFrame(p, truncated));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('two frames glued together are never one reading', () => {
    fc.assert(
      fc.property(
        protocol.chain((p) => fc.tuple(fc.constant(p), validReading(p), validReading(p))),
        ([p, a, b]) => {
          const r = decodeFrame(p, encodeFrame(p, a) + encodeFrame(p, b));
          expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('long runs of spaces, digits and signs finish (no catastrophic backtracking)', () => {
    for (const p of protocolIds) {
      for (const filler of [' ', '0', '1.', '+ ', 'E+', ';1 ']) {
        const frame = `${filler.repeat(Math.floor(250 / filler.length))}x\r\n`;
        checkOutcome(p, frame, decodeFrame(p, frame));
      }
    }
  });

  it.each(protocolIds.map((p) => [p]))('decode(encode(reading)) round-trips for %s', (p) => {
    const shape = shapes[p];
    fc.assert(
      fc.property(validReading(p), (reading) => {
        const frame = encodeFrame(p, reading);
        const r = decodeFrame(p, frame);
        if (!r.ok) throw new Error(`${p}: ${JSON.stringify(frame)} -> ${r.error.message}`);
        expect(r.status).toBe('ok');
        expect(r.value).toBe(reading.value);
        // SBI says "unstable" by leaving the unit out.
        const unitLost = p === 'sartorius-sbi' && reading.stable === false;
        expect(r.unit).toBe(unitLost ? null : (reading.unit ?? null));
        expect(r.stable).toBe(shape.hasStability ? reading.stable : null);
      }),
      { numRuns: 500 },
    );
  });
});
