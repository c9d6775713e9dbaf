/**
 * Check digits and identifier helpers (§2.3) for callers that build or verify GS1 keys:
 * label printing (SSCC), GTIN entry fields, round-trip tests.
 */
import { isPredefinedLengthAi } from './ai-table';
import { checkDigitOfRange } from './linters';

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The GS1 mod-10 check digit for `digits` (the data WITHOUT its check digit): weights 3,1,3,… from
 * the rightmost digit. Throws RangeError for empty or non-digit input (a programming error).
 */
export function gs1CheckDigit(digits: string): number {
  if (!isDigits(digits)) throw new RangeError(`gs1CheckDigit expects digits only, got "${digits}"`);
  return checkDigitOfRange(digits, 0, digits.length);
}

/** True for a GTIN-8, -12, -13 or -14 made of digits with a correct check digit. */
export function isValidGtin(s: string): boolean {
  const n = s.length;
  if ((n !== 8 && n !== 12 && n !== 13 && n !== 14) || !isDigits(s)) return false;
  return s.charCodeAt(n - 1) - 48 === checkDigitOfRange(s, 0, n - 1);
}

/** Left-pads a valid GTIN-8/12/13/14 to 14 digits; null when `s` is not a valid GTIN. */
export function toGtin14(s: string): string | null {
  return isValidGtin(s) ? s.padStart(14, '0') : null;
}

/**
 * Builds an 18-digit SSCC: extension digit + GS1 Company Prefix + serial reference (zero-padded to
 * fill 17 digits) + check digit. Throws RangeError when the parts do not fit (a configuration error).
 */
export function buildSscc(companyPrefix: string, extension: string, serialRef: string | number): string {
  if (!isDigits(companyPrefix) || companyPrefix.length < 4 || companyPrefix.length > 12) {
    throw new RangeError('The GS1 Company Prefix must be 4 to 12 digits');
  }
  if (extension.length !== 1 || !isDigits(extension)) throw new RangeError('The SSCC extension digit must be one digit 0-9');
  let serial: string;
  if (typeof serialRef === 'number') {
    if (!Number.isSafeInteger(serialRef) || serialRef < 0) throw new RangeError('The SSCC serial reference must be a non-negative integer');
    serial = String(serialRef);
  } else {
    if (!isDigits(serialRef)) throw new RangeError('The SSCC serial reference must be digits');
    serial = serialRef;
  }
  const width = 16 - companyPrefix.length;
  if (serial.length > width) {
    throw new RangeError(`The SSCC serial reference has at most ${width} digits with a ${companyPrefix.length}-digit company prefix`);
  }
  const body = extension + companyPrefix + serial.padStart(width, '0');
  return body + String(checkDigitOfRange(body, 0, 17));
}

/**
 * Encodes AIs as a GS1 element string (the data that follows ]C1 / FNC1), with a GS only after
 * variable-length AIs that are not last. The values are written as given; validate with parseGs1.
 */
export function encodeElementString(ais: readonly { ai: string; value: string }[]): string {
  let out = '';
  for (let i = 0; i < ais.length; i++) {
    const el = ais[i];
    if (el === undefined) continue;
    out += el.ai + el.value;
    if (i < ais.length - 1 && !isPredefinedLengthAi(el.ai)) out += '\u001d';
  }
  return out;
}
