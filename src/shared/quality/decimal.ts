/**
 * Exact decimal arithmetic on the decimal strings instruments send and plans hold ("12.000",
 * "-0.050"). Values become scaled bigints, so comparisons at a tolerance limit never meet binary
 * float rounding (11.982 stays 11982 thousandths).
 */
const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?$/;

export interface Decimal {
  /** The value times 10^scale. */
  units: bigint;
  scale: number;
}

export function isDecimal(s: string): boolean {
  return DECIMAL_RE.test(s.trim());
}

/** Parses "12.340", "-0.5", "+3"; throws on anything else (callers validate with zod first). */
export function parseDecimal(s: string): Decimal {
  const m = DECIMAL_RE.exec(s.trim());
  if (!m) throw new Error(`not a decimal number: ${JSON.stringify(s)}`);
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[2] ?? '0'}${fraction}`);
  return { units: m[1] === '-' ? -units : units, scale: fraction.length };
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

function common(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [rescale(a, scale), rescale(b, scale), scale];
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareDecimal(a: string | Decimal, b: string | Decimal): -1 | 0 | 1 {
  const [x, y] = common(typeof a === 'string' ? parseDecimal(a) : a, typeof b === 'string' ? parseDecimal(b) : b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function subtractDecimal(a: string | Decimal, b: string | Decimal): Decimal {
  const [x, y, scale] = common(typeof a === 'string' ? parseDecimal(a) : a, typeof b === 'string' ? parseDecimal(b) : b);
  return { units: x - y, scale };
}

/** a × k for a whole number k (e.g. resolution × 10 against a tolerance span). */
export function multiplyDecimal(a: string | Decimal, k: number): Decimal {
  const d = typeof a === 'string' ? parseDecimal(a) : a;
  return { units: d.units * BigInt(k), scale: d.scale };
}

export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const body = d.scale === 0 ? digits : `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
  return negative ? `-${body}` : body;
}

/** Number of fraction digits a decimal string carries ("12.340" → 3). */
export function decimalPlaces(s: string): number {
  return parseDecimal(s).scale;
}
