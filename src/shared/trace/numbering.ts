/**
 * The plant's lot and serial numbering rule (clause 4.8). A lot number is made from a template in
 * plant settings (`lotNumbering`), with these tokens:
 *   {product}  the product id          {yymmdd} / {yyyymmdd}  the production day
 *   {ws}       the workstation code (its id without a leading "WS" and without separators, last 6)
 *   {seq}      the workstation's sequence for that day, 3 digits (grows past 999)
 * The default `{yymmdd}-{ws}-{seq}` (e.g. "261126-M101-001") is unique per plant because the
 * workstation is in it, and short enough for GS1 AI (10) and a serial suffix. A number must fit
 * GS1 AI (10): at most 20 characters of the GS1 character set; we also refuse the characters that
 * ZPL and barcode-text syntax reserve ( ( ) ^ ~ > _ \ ), so every lot can be printed.
 * Serials (AI 21) are `<lot>-<n>`, n = 1..qty, under the same limits.
 */
export const DEFAULT_LOT_NUMBERING = '{yymmdd}-{ws}-{seq}';
export const GS1_LOT_MAX = 20;

const SAFE = /^[A-Za-z0-9!"%&'*+,\-./:;<=?]+$/;
const TOKEN = /\{(product|yymmdd|yyyymmdd|ws|seq)\}/g;

export type NumberingProblem = { code: 'too-long' | 'bad-characters' | 'unknown-token'; value: string };

export function workstationCode(workstationId: string): string {
  const bare = workstationId.replace(/^WS[-_ ]?/i, '').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return bare.slice(-6) || 'X';
}

export interface LotNumberInput {
  template?: string | undefined;
  productId: string;
  /** Production day, YYYY-MM-DD. */
  day: string;
  workstationId: string;
  seq: number;
}

/** True when `value` can be carried by GS1 AI (10) or (21) and printed as ZPL field data. */
export function isPrintableIdentifier(value: string): boolean {
  return value.length > 0 && value.length <= GS1_LOT_MAX && SAFE.test(value);
}

export function formatLotNumber(input: LotNumberInput): { ok: true; lotId: string } | { ok: false; problem: NumberingProblem } {
  const template = input.template?.trim() || DEFAULT_LOT_NUMBERING;
  const leftover = template.replace(TOKEN, '');
  if (/[{}]/.test(leftover)) return { ok: false, problem: { code: 'unknown-token', value: template } };
  const ymd = input.day.replace(/-/g, '');
  const lotId = template.replace(TOKEN, (_m, token: string) => {
    switch (token) {
      case 'product':
        return input.productId;
      case 'yymmdd':
        return ymd.slice(2);
      case 'yyyymmdd':
        return ymd;
      case 'ws':
        return workstationCode(input.workstationId);
      default:
        return String(input.seq).padStart(3, '0');
    }
  });
  if (lotId.length > GS1_LOT_MAX) return { ok: false, problem: { code: 'too-long', value: lotId } };
  if (!SAFE.test(lotId)) return { ok: false, problem: { code: 'bad-characters', value: lotId } };
  return { ok: true, lotId };
}

/**
 * The next free lot number: starts at `firstSeq` (the count of lots this workstation already made
 * that day, + 1) and skips any number already known (another epoch of this terminal, or central).
 */
export function nextLotNumber(
  input: Omit<LotNumberInput, 'seq'>,
  firstSeq: number,
  isTaken: (lotId: string) => boolean,
): ReturnType<typeof formatLotNumber> {
  for (let seq = Math.max(1, firstSeq); seq < firstSeq + 10_000; seq++) {
    const r = formatLotNumber({ ...input, seq });
    if (!r.ok || !isTaken(r.lotId)) return r;
  }
  return { ok: false, problem: { code: 'too-long', value: input.day } };
}

/** Serial numbers `<lot>-1` .. `<lot>-<qty>`; null when they would not fit AI (21). */
export function serialNumbers(lotId: string, qty: number): string[] | null {
  const last = `${lotId}-${qty}`;
  if (!isPrintableIdentifier(last)) return null;
  return Array.from({ length: qty }, (_, i) => `${lotId}-${i + 1}`);
}
