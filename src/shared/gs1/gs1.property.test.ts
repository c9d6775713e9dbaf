/**
 * Properties: no input makes the parser throw or run away, and every element string built from
 * valid AI values round-trips through encodeElementString -> parseGs1 to the same AIs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GS1_ERROR_CODES, decodeGs1, encodeElementString, gs1CheckDigit, parseGs1 } from './index';

const now = new Date('2026-06-01T00:00:00Z');
const codes = new Set<string>(GS1_ERROR_CODES);

// Fragments that steer random input into the deep paths (AIM ids, AIs, GS, URIs, escapes).
const fragment = fc.oneof(
  fc.constantFrom(']C1', ']d2', ']Q1', ']Q3', ']E0', ']E4', ']e0', ']I1', ']d1', '\u001d', '|]e0', '^', '%2F', '%', '?', '&', '=', '/', '#'),
  fc.constantFrom('01', '00', '10', '17', '21', '3103', '3922', '3932', '421', '7007', '8003', '8006', '8013', '8030', '98', '254', '414', '235'),
  fc.constantFrom('https://id.gs1.org/01/', 'HTTP://A/00/', 'http://x/414/9520123456788/254/', 'HtTp://y/'),
  fc.stringMatching(/^\d{1,20}$/),
  fc.string({ maxLength: 12 }),
);
const scanLike = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(''));

describe('robustness', () => {
  it('never throws on arbitrary strings and always answers with a known code', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), scanLike), fc.boolean(), fc.boolean(), (input, strict, lenient) => {
        const r = parseGs1(input, { now, strict, lenient });
        if (!r.ok) expect(codes.has(r.error.code)).toBe(true);
        else for (const w of r.warnings) expect(codes.has(w.code)).toBe(true);
        const d = decodeGs1(input, { now });
        expect(JSON.parse(JSON.stringify(d))).toEqual(d);
      }),
      { numRuns: 3000 },
    );
  });

  it('handles very long scans in one pass', () => {
    const long = `]C1${'91'}${'A'.repeat(100_000)}`;
    expect(parseGs1(long)).toMatchObject({ ok: false, error: { code: 'value_too_long' } });
    const manySeparators = `]C110A${'\u001d'.repeat(100_000)}`;
    expect(parseGs1(manySeparators).ok).toBe(true);
    const longUri = `]Q1https://a/${'x/'.repeat(50_000)}01/09520123456788`;
    expect(parseGs1(longUri)).toMatchObject({ ok: true, kind: 'dl' });
  });
});

const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
const x = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...CSET82.split('')), minLength: min, maxLength: max });
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: min, maxLength: max });
const withCheck = (n: number) => digits(n - 1, n - 1).map((d) => d + String(gs1CheckDigit(d)));
const yymmd0 = fc
  .record({ yy: fc.integer({ min: 0, max: 99 }), mm: fc.integer({ min: 1, max: 12 }), dd: fc.integer({ min: 0, max: 28 }) })
  .map(({ yy, mm, dd }) => [yy, mm, dd].map((n) => String(n).padStart(2, '0')).join(''));

/** Generators of valid (ai, value) for a set of AIs that can share one message. */
const aiValue: fc.Arbitrary<{ ai: string; value: string }>[] = [
  withCheck(14).map((value) => ({ ai: '01', value })),
  x(1, 20).map((value) => ({ ai: '10', value })),
  x(1, 20).map((value) => ({ ai: '21', value })),
  yymmd0.map((value) => ({ ai: '11', value })),
  yymmd0.map((value) => ({ ai: '17', value })),
  digits(2, 2).map((value) => ({ ai: '20', value })),
  digits(1, 8).map((value) => ({ ai: '30', value })),
  fc.tuple(fc.integer({ min: 0, max: 5 }), digits(6, 6)).map(([n, value]) => ({ ai: `310${n}`, value })),
  fc.tuple(fc.integer({ min: 0, max: 9 }), digits(1, 15)).map(([n, value]) => ({ ai: `392${n}`, value })),
  x(1, 30).map((value) => ({ ai: '400', value })),
  x(1, 30).map((value) => ({ ai: '241', value })),
  withCheck(13).map((value) => ({ ai: '410', value })),
  x(1, 9).map((value) => ({ ai: '421', value: `276${value}` })),
  digits(4, 4).map((value) => ({ ai: '8111', value })),
  x(1, 30).map((value) => ({ ai: '90', value })),
  x(1, 90).map((value) => ({ ai: '91', value })),
  x(1, 90).map((value) => ({ ai: '99', value })),
];

describe('round trip', () => {
  it('encodeElementString -> parseGs1 returns the same AIs in the same order', () => {
    const message = fc.uniqueArray(fc.oneof(...aiValue), { selector: (e) => e.ai.slice(0, 3) === '310' || e.ai.slice(0, 3) === '392' ? e.ai.slice(0, 3) : e.ai, minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(message, (ais) => {
        const data = encodeElementString(ais);
        const r = parseGs1(data, { symbology: ']C1', now });
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} for ${JSON.stringify(data)}`);
        expect(r.elements.map((e) => ({ ai: e.ai, value: e.value }))).toEqual(ais);
        const d = decodeGs1(`]d2${data}`, { now });
        expect(d.ok && d.ais).toEqual(ais);
      }),
      { numRuns: 2000 },
    );
  });
});
