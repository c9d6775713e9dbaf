/**
 * GS1 Barcode Syntax Tests ("linters", reference §2.6) and the character-set tables, written for
 * the hot path: they work on a [start, end) range of the value string and allocate only on failure.
 */
import type { LinterName } from './ai-table';
import { ISO3166_ALPHA2, ISO3166_NUMERIC, ISO4217_NUMERIC } from './iso-codes';

export type LintCode = 'check_digit' | 'invalid_date' | 'invalid_time' | 'invalid_value';

export interface LintFailure {
  code: LintCode;
  detail: string;
}

/** Linters every terminal must enforce (§2.6 "minimum set"); the rest may be downgraded to warnings. */
export const ESSENTIAL_LINTERS: ReadonlySet<LinterName> = new Set<LinterName>([
  'csum', 'csumalpha', 'yymmd0', 'yymmdd', 'yyyymmd0', 'yyyymmdd', 'hh', 'mi', 'ss', 'hhmi',
  'iso3166', 'iso3166999', 'iso3166alpha2', 'iso4217',
]);

function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** CSET 82 in weight order (used by csumalpha). */
export const CSET82_ORDERED = `!"%&'()*+,-./${DIGITS}:;<=>?${UPPER}_${LOWER}`;
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export const CSET82: Uint8Array = table(CSET82_ORDERED);
export const CSET39: Uint8Array = table(`#-/${DIGITS}${UPPER}`);
export const CSET64: Uint8Array = table(`${UPPER}${LOWER}${DIGITS}-_`);
const CSET82_WEIGHT: Int8Array = (() => {
  const w = new Int8Array(128).fill(-1);
  for (let i = 0; i < CSET82_ORDERED.length; i++) w[CSET82_ORDERED.charCodeAt(i)] = i;
  return w;
})();
const IMPORTER_IDX = table(`-${DIGITS}${UPPER}_${LOWER}`);

const CSUMALPHA_PRIMES: readonly number[] = (() => {
  const primes: number[] = [];
  for (let n = 2; primes.length < 97; n++) {
    let prime = true;
    for (const p of primes) {
      if (p * p > n) break;
      if (n % p === 0) {
        prime = false;
        break;
      }
    }
    if (prime) primes.push(n);
  }
  return primes;
})();

/** Mod-10 GS1 check digit of a digit range (weights 3,1,3,… from the rightmost digit). */
export function checkDigitOfRange(s: string, start: number, end: number): number {
  let sum = 0;
  let weight = 3;
  for (let i = end - 1; i >= start; i--) {
    sum += (s.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

function two(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
}

/** GS1 GenSpecs §7.12 sliding century window: 49 years back, 50 years ahead of `currentYear`. */
export function fullYear(yy: number, currentYear: number): number {
  const century = currentYear - (currentYear % 100);
  const d = yy - (currentYear % 100);
  if (d >= 51) return century - 100 + yy;
  if (d <= -50) return century + 100 + yy;
  return century + yy;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function fail(code: LintCode, detail: string): LintFailure {
  return { code, detail };
}

function checkMonthDay(year: number, month: number, day: number, zeroDay: boolean): LintFailure | null {
  if (month < 1 || month > 12) return fail('invalid_date', 'The date contains an illegal month of the year.');
  if (day === 0 && zeroDay) return null;
  if (day < 1 || day > daysInMonth(year, month)) return fail('invalid_date', 'The date contains an illegal day of the month.');
  return null;
}

function allChars(s: string, a: number, b: number, c: number): boolean {
  for (let i = a; i < b; i++) if (s.charCodeAt(i) !== c) return false;
  return true;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function ibanValid(s: string, a: number, b: number): LintFailure | null {
  const len = b - a;
  const bad = fail('invalid_value', 'The IBAN is invalid.');
  if (len < 5 || len > 34) return bad;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const upper = c >= 65 && c <= 90;
    if (i < a + 2 ? !upper : i < a + 4 ? !digit : !(digit || upper)) return bad;
  }
  if (!ISO3166_ALPHA2.has(s.slice(a, a + 2))) return bad;
  // Move the first four characters to the end, letters become 10..35, the number mod 97 must be 1.
  let rem = 0;
  for (let k = 0; k < len; k++) {
    const c = s.charCodeAt(a + ((k + 4) % len));
    if (c >= 65) rem = (rem * 100 + (c - 55)) % 97;
    else rem = (rem * 10 + (c - 48)) % 97;
  }
  return rem === 1 ? null : fail('invalid_value', 'The IBAN check digits are incorrect.');
}

function csumAlpha(s: string, a: number, b: number): LintFailure | null {
  const len = b - a;
  if (len < 2) return fail('check_digit', 'The data is too short for an alphanumeric check character pair.');
  if (len - 2 > CSUMALPHA_PRIMES.length) return fail('check_digit', 'The data is too long for the check character pair.');
  let sum = 0;
  for (let i = a, p = len - 3; i < b - 2; i++, p--) {
    const c = s.charCodeAt(i);
    const w = c < 128 ? (CSET82_WEIGHT[c] ?? -1) : -1;
    if (w < 0) return fail('check_digit', 'A non-CSET 82 character was found where a CSET 82 character is expected.');
    sum += w * (CSUMALPHA_PRIMES[p] ?? 0);
  }
  sum %= 1021;
  if (s[b - 2] !== CSET32[sum >> 5] || s[b - 1] !== CSET32[sum & 31]) {
    return fail('check_digit', 'The alphanumeric check-character pair are incorrect.');
  }
  return null;
}

function gcp(s: string, a: number, b: number): LintFailure | null {
  if (b - a < 4) return fail('invalid_value', 'The data is too short to start with a GS1 Company Prefix.');
  for (let i = a; i < a + 4; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return fail('invalid_value', 'The GS1 Company Prefix is invalid.');
  }
  return null;
}

/**
 * Runs one linter over s[a, b). Character sets and lengths have already been checked by the
 * caller. `currentYear` feeds the century window of two-digit years.
 */
export function runLinter(name: LinterName, s: string, a: number, b: number, currentYear: () => number): LintFailure | null {
  switch (name) {
    case 'csum':
      if (b - a < 2 || s.charCodeAt(b - 1) - 48 !== checkDigitOfRange(s, a, b - 1)) return fail('check_digit', 'The numeric check digit is incorrect.');
      return null;
    case 'csumalpha':
      return csumAlpha(s, a, b);
    case 'gcppos1':
      return gcp(s, a, b);
    case 'gcppos2':
      return gcp(s, a + 1, b);
    case 'yymmd0':
    case 'yymmdd':
      if (b - a !== 6) return fail('invalid_date', 'The date has an incorrect length.');
      return checkMonthDay(fullYear(two(s, a), currentYear()), two(s, a + 2), two(s, a + 4), name === 'yymmd0');
    case 'yyyymmd0':
    case 'yyyymmdd':
      if (b - a !== 8) return fail('invalid_date', 'The date has an incorrect length.');
      return checkMonthDay(two(s, a) * 100 + two(s, a + 2), two(s, a + 4), two(s, a + 6), name === 'yyyymmd0');
    case 'hh':
      return b - a === 2 && two(s, a) <= 23 ? null : fail('invalid_time', 'The time contains an illegal hour.');
    case 'mi':
      return b - a === 2 && two(s, a) <= 59 ? null : fail('invalid_time', 'The time contains an illegal minute.');
    case 'ss':
      return b - a === 2 && two(s, a) <= 59 ? null : fail('invalid_time', 'The time contains an illegal second.');
    case 'hhmi':
      if (b - a !== 4 || two(s, a) > 23) return fail('invalid_time', 'The time contains an illegal hour.');
      return two(s, a + 2) <= 59 ? null : fail('invalid_time', 'The time contains an illegal minute.');
    case 'iso3166':
      return ISO3166_NUMERIC.has(s.slice(a, b)) ? null : fail('invalid_value', 'The value is not a valid ISO 3166 country code.');
    case 'iso3166999': {
      const v = s.slice(a, b);
      return v === '999' || ISO3166_NUMERIC.has(v) ? null : fail('invalid_value', 'The value is not a valid ISO 3166 country code or 999.');
    }
    case 'iso3166alpha2':
      return ISO3166_ALPHA2.has(s.slice(a, b)) ? null : fail('invalid_value', 'The value is not a valid ISO 3166 alpha-2 country code.');
    case 'iso4217':
      return ISO4217_NUMERIC.has(s.slice(a, b)) ? null : fail('invalid_value', 'The value is not a valid ISO 4217 currency code.');
    case 'iso5218': {
      const c = s.charCodeAt(a);
      return b - a === 1 && (c === 48 || c === 49 || c === 50 || c === 57) ? null : fail('invalid_value', 'The value is not a valid ISO/IEC 5218 biological sex code.');
    }
    case 'iban':
      return ibanValid(s, a, b);
    case 'zero':
      return allChars(s, a, b, 48) ? null : fail('invalid_value', 'A zero is required.');
    case 'nonzero':
      return allChars(s, a, b, 48) ? fail('invalid_value', 'A non-zero value is required.') : null;
    case 'nozeroprefix':
      return b - a > 1 && s.charCodeAt(a) === 48 ? fail('invalid_value', 'The value must not start with a zero.') : null;
    case 'pieceoftotal': {
      const half = (b - a) >> 1;
      const piece = Number(s.slice(a, a + half));
      const total = Number(s.slice(a + half, b));
      if (piece === 0) return fail('invalid_value', 'The piece number must not be zero.');
      if (total === 0) return fail('invalid_value', 'The total number of pieces must not be zero.');
      return piece > total ? fail('invalid_value', 'The piece number exceeds the total number of pieces.') : null;
    }
    case 'winding': {
      const c = s.charCodeAt(a);
      return b - a === 1 && (c === 48 || c === 49 || c === 57) ? null : fail('invalid_value', 'The winding direction must be 0, 1 or 9.');
    }
    case 'yesno': {
      const c = s.charCodeAt(a);
      return b - a === 1 && (c === 48 || c === 49) ? null : fail('invalid_value', 'The value must be 0 or 1.');
    }
    case 'latitude':
      return s.slice(a, b) <= '1800000000' ? null : fail('invalid_value', 'The latitude is out of range.');
    case 'longitude':
      return s.slice(a, b) <= '3600000000' ? null : fail('invalid_value', 'The longitude is out of range.');
    case 'pcenc':
      for (let i = a; i < b; i++) {
        if (s.charCodeAt(i) === 37 && (i + 2 >= b || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2)))) {
          return fail('invalid_value', 'The value contains an invalid percent-encoded sequence.');
        }
      }
      return null;
    case 'hyphen':
      return allChars(s, a, b, 45) ? null : fail('invalid_value', 'Only a hyphen is allowed here.');
    case 'posinseqslash': {
      const p = s.charCodeAt(a) - 48;
      const t = s.charCodeAt(a + 2) - 48;
      const ok = b - a === 3 && s.charCodeAt(a + 1) === 47 && p >= 1 && p <= 9 && t >= 1 && t <= 9 && p <= t;
      return ok ? null : fail('invalid_value', 'The value must be a position in a sequence like "1/2".');
    }
    case 'mediatype': {
      const v = b - a === 2 ? two(s, a) : -1;
      return (v >= 1 && v <= 10) || (v >= 80 && v <= 99) ? null : fail('invalid_value', 'The value is not a valid AIDC media type.');
    }
    case 'importeridx': {
      const c = s.charCodeAt(a);
      return b - a === 1 && c < 128 && IMPORTER_IDX[c] === 1 ? null : fail('invalid_value', 'The importer index is invalid.');
    }
    case 'hasnondigit':
      for (let i = a; i < b; i++) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) return null;
      }
      return fail('invalid_value', 'The value must contain a non-digit character.');
    case 'packagetype':
    case 'couponcode':
    case 'couponposoffer':
      // Structure not checked (UN/ECE Rec 21 list; North American coupon layouts): the component's
      // character set and length are still enforced by the caller. Listed as a gap in README.md.
      return null;
  }
}
