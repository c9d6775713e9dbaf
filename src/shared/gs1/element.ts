/**
 * Validation of one AI value against its component spec (§2.1 step 4) and decoding of the extras
 * (implied decimals, currency, dates). Shared by element strings and Digital Link URIs.
 */
import { type AiDefinition, type LinterName } from './ai-table';
import { ISO4217_NUMERIC } from './iso-codes';
import { CSET39, CSET64, CSET82, ESSENTIAL_LINTERS, daysInMonth, fullYear, runLinter } from './linters';
import type { Gs1Element, Gs1Issue } from './types';

export interface ResolvedLenience {
  variableLengthWithoutSeparator: boolean;
  zeroSuppressedGtinInDigitalLink: boolean;
  nonEssentialLintersAsWarnings: boolean;
}

export interface ParseContext {
  lenience: ResolvedLenience;
  strict: boolean;
  warnings: Gs1Issue[];
  /** Current year for the century window; computed on first use. */
  year: () => number;
}

export function makeContext(lenience: ResolvedLenience, strict: boolean, now: Date | undefined): ParseContext {
  let year = -1;
  return {
    lenience,
    strict,
    warnings: [],
    year: () => {
      if (year < 0) year = (now ?? new Date()).getUTCFullYear();
      return year;
    },
  };
}

const CSET_NAME = { N: 'digit', X: 'CSET 82', Y: 'CSET 39', Z: 'CSET 64' } as const;

function charsetError(def: AiDefinition, cset: 'N' | 'X' | 'Y' | 'Z', position: number): Gs1Issue {
  const message =
    cset === 'N'
      ? `AI (${def.ai}): A non-digit character was found where a digit is expected.`
      : `AI (${def.ai}): A non-${CSET_NAME[cset]} character was found where a ${CSET_NAME[cset]} character is expected.`;
  return { code: 'invalid_character', message, ai: def.ai, position };
}

/** Returns the first offending index in s[a, b) for the character set, or -1. */
function charsetViolation(s: string, a: number, b: number, cset: 'N' | 'X' | 'Y' | 'Z'): number {
  if (cset === 'N') {
    for (let i = a; i < b; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return i;
    }
    return -1;
  }
  if (cset === 'Z') {
    // base64url with optional '=' padding: at most two, and only to complete a group of 3... per lint_cset64.
    let end = b;
    let pads = 0;
    while (end > a && s.charCodeAt(end - 1) === 61) {
      end--;
      pads++;
    }
    if (pads > 2 || (pads > 0 && (b - a) % 3 !== 0)) return end;
    for (let i = a; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128 || CSET64[c] !== 1) return i;
    }
    return -1;
  }
  const t = cset === 'X' ? CSET82 : CSET39;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || t[c] !== 1) return i;
  }
  return -1;
}

/**
 * Validates s[a, b) as the value of `def`. Returns the error, or null. Failures of non-essential
 * linters become warnings when that leniency is on. `offset` maps positions into the scanned data.
 */
export function validateValue(def: AiDefinition, s: string, a: number, b: number, ctx: ParseContext, offset = 0): Gs1Issue | null {
  const len = b - a;
  const ai = def.ai;
  if (len > def.maxLength) return { code: 'value_too_long', message: `AI (${ai}) data is too long`, ai, position: a + offset };
  if (len === 0) return { code: 'value_too_short', message: `AI (${ai}) data is empty`, ai, position: a + offset };
  if (len < def.minLength) {
    return def.minLength === def.maxLength
      ? { code: 'wrong_length', message: `AI (${ai}) data has incorrect length`, ai, position: a + offset }
      : { code: 'value_too_short', message: `AI (${ai}) data is too short`, ai, position: a + offset };
  }
  let pos = a;
  const comps = def.components;
  for (let ci = 0; ci < comps.length; ci++) {
    const comp = comps[ci];
    if (comp === undefined) break;
    if (pos === b && comp.optional) break;
    const remaining = b - pos;
    let end: number;
    if (comp.min === comp.max) {
      if (remaining < comp.max) return { code: 'wrong_length', message: `AI (${ai}) data has incorrect length`, ai, position: a + offset };
      end = pos + comp.max;
    } else {
      if (remaining < comp.min) return { code: 'value_too_short', message: `AI (${ai}) data is too short`, ai, position: a + offset };
      end = remaining > comp.max ? pos + comp.max : b;
    }
    const bad = charsetViolation(s, pos, end, comp.cset);
    if (bad >= 0) return charsetError(def, comp.cset, bad + offset);
    for (const linter of comp.linters) {
      const failure = runLinter(linter, s, pos, end, ctx.year);
      if (failure === null) continue;
      const issue: Gs1Issue = { code: failure.code, message: `AI (${ai}): ${failure.detail}`, ai, position: pos + offset };
      if (ctx.lenience.nonEssentialLintersAsWarnings && !ESSENTIAL_LINTERS.has(linter)) {
        ctx.warnings.push(issue);
        continue;
      }
      return issue;
    }
    pos = end;
  }
  if (pos !== b) return { code: 'wrong_length', message: `AI (${ai}) data has incorrect length`, ai, position: a + offset };
  return null;
}

/** Digits with `scale` implied decimals as a plain decimal string ("000189", 3 -> "0.189"). */
export function impliedDecimal(digits: string, scale: number): string {
  let intPart = scale >= digits.length ? '0' : digits.slice(0, digits.length - scale);
  const frac = scale === 0 ? '' : digits.slice(-scale).padStart(scale, '0');
  let i = 0;
  while (i < intPart.length - 1 && intPart.charCodeAt(i) === 48) i++;
  intPart = intPart.slice(i);
  return frac === '' ? intPart : `${intPart}.${frac}`;
}

function isoDate(year: number, month: number, day: number): string {
  const d = day === 0 ? daysInMonth(year, month) : day;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function num2(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
}

function decodeDateTime(def: AiDefinition, v: string, el: Gs1Element, year: number): void {
  let pos = 0;
  let date: string | undefined;
  let time = '';
  for (const comp of def.components) {
    if (pos >= v.length) break;
    const size = comp.min === comp.max ? comp.max : v.length - pos;
    const linter: LinterName | undefined = comp.linters[0];
    if (linter === 'yymmd0' || linter === 'yymmdd') {
      const iso = isoDate(fullYear(num2(v, pos), year), num2(v, pos + 2), num2(v, pos + 4));
      if (date === undefined) date = iso;
      else el.dateEnd = iso;
    } else if (linter === 'yyyymmd0' || linter === 'yyyymmdd') {
      date = isoDate(num2(v, pos) * 100 + num2(v, pos + 2), num2(v, pos + 4), num2(v, pos + 6));
    } else if (linter === 'hhmi') {
      time = `${v.slice(pos, pos + 2)}:${v.slice(pos + 2, pos + 4)}`;
    } else if (linter === 'hh') {
      time = `${v.slice(pos, pos + 2)}:00`;
    } else if (linter === 'mi') {
      time = `${time.slice(0, 2)}:${v.slice(pos, pos + 2)}`;
    } else if (linter === 'ss') {
      time = `${time}:${v.slice(pos, pos + 2)}`;
    }
    pos += size;
  }
  if (date !== undefined) el.date = time === '' ? date : `${date}T${time}`;
}

/** Builds the public element for an already validated value. */
export function buildElement(def: AiDefinition, value: string, ctx: ParseContext): Gs1Element {
  const el: Gs1Element = { ai: def.ai, value, title: def.title };
  if (def.decimals !== null) {
    if (def.hasCurrency) {
      el.currency = value.slice(0, 3);
      const alpha = ISO4217_NUMERIC.get(el.currency);
      if (alpha !== undefined) el.currencyAlpha = alpha;
      el.decimal = impliedDecimal(value.slice(3), def.decimals);
    } else {
      el.decimal = impliedDecimal(value, def.decimals);
    }
  } else if (def.ai === '30' || def.ai === '37') {
    el.decimal = impliedDecimal(value, 0);
  } else if (def.hasDateTime) {
    decodeDateTime(def, value, el, ctx.year());
  }
  return el;
}
