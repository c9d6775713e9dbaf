/**
 * GS1 Digital Link URIs (§2.7): primary key + ordered qualifiers in the path, data attributes in
 * the query. The extracted AIs are then validated exactly like an element string.
 */
import { AI_TABLE, type AiDefinition, DL_PRIMARY_KEYS } from './ai-table';
import { type ParseContext, validateValue } from './element';
import type { RawPair } from './message';
import type { Gs1Issue } from './types';
import type { SplitOutcome } from './element-string';

/** Scheme accepted as Digital Link: http:// or https:// all lower-case or all upper-case (mixed case is plain text). */
export function digitalLinkSchemeLength(s: string): number {
  if (s.startsWith('https://') || s.startsWith('HTTPS://')) return 8;
  if (s.startsWith('http://') || s.startsWith('HTTP://')) return 7;
  return 0;
}

/** Any-case http(s):// prefix: used to spot a URI sent in GS1 element-string mode. */
export function startsWithHttpScheme(s: string): boolean {
  const head = s.slice(0, 8).toLowerCase();
  return head.startsWith('https://') || head.startsWith('http://');
}

// RFC 3986 characters (unreserved, reserved and '%').
const URI_CHARS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
})();

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Percent-decodes one URI component; null when an escape is malformed. */
export function percentDecode(s: string, plusIsSpace: boolean): string | null {
  if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      const hi = i + 2 < s.length ? hexValue(s.charCodeAt(i + 1)) : -1;
      const lo = hi >= 0 ? hexValue(s.charCodeAt(i + 2)) : -1;
      if (lo < 0) return null;
      out += String.fromCharCode(hi * 16 + lo);
      i += 2;
    } else if (c === 43 && plusIsSpace) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function err(code: Gs1Issue['code'], message: string, ai?: string): { ok: false; error: Gs1Issue } {
  return { ok: false, error: ai === undefined ? { code, message } : { code, message, ai } };
}

/** True when `qualifiers` follow one of the key's allowed orders (each optional, no mixing of alternatives). */
export function isValidQualifierSequence(key: AiDefinition, qualifiers: readonly string[]): boolean {
  if (qualifiers.length === 0) return true;
  return key.dlQualifierSequences.some((seq) => {
    let at = 0;
    for (const q of qualifiers) {
      while (at < seq.length && seq[at] !== q) at++;
      if (at === seq.length) return false;
      at++;
    }
    return true;
  });
}

const NO_KEYS = 'No GS1 DL keys found in path info';

type PathCheck = { ok: true } | { ok: false; error: Gs1Issue };

function checkPathFrom(segments: readonly string[], k: number): PathCheck {
  const key = AI_TABLE.get(segments[k] ?? '');
  if (key === undefined) return err('dl_no_primary_key', NO_KEYS);
  if ((segments.length - k) % 2 !== 0) {
    return err('dl_invalid_path', `The path after the primary key (${key.ai}) must be AI/value pairs`, key.ai);
  }
  const qualifiers: string[] = [];
  for (let i = k + 2; i < segments.length; i += 2) qualifiers.push(segments[i] ?? '');
  if (!isValidQualifierSequence(key, qualifiers)) {
    return err('dl_invalid_qualifier_sequence', 'The AIs in the path are not a valid key-qualifier sequence for the key', key.ai);
  }
  return { ok: true };
}

/** Parses a Digital Link URI into validated AI pairs (primary key, qualifiers, then query attributes). */
export function splitDigitalLink(uri: string, ctx: ParseContext): SplitOutcome {
  const schemeLength = digitalLinkSchemeLength(uri);
  if (schemeLength === 0) return err('dl_invalid_path', 'Not an http:// or https:// URI');
  for (let i = 0; i < uri.length; i++) {
    const c = uri.charCodeAt(i);
    if (c >= 128 || URI_CHARS[c] !== 1) {
      return { ok: false, error: { code: 'illegal_character', message: 'The URI contains a character that is not allowed in a URI', position: i } };
    }
  }
  const hash = uri.indexOf('#', schemeLength);
  const body = hash < 0 ? uri.slice(schemeLength) : uri.slice(schemeLength, hash); // the fragment is ignored
  const q = body.indexOf('?');
  const beforeQuery = q < 0 ? body : body.slice(0, q);
  const query = q < 0 ? '' : body.slice(q + 1);
  const slash = beforeQuery.indexOf('/');
  const authority = slash < 0 ? beforeQuery : beforeQuery.slice(0, slash);
  if (authority === '') return err('dl_invalid_path', 'The URI has no domain');
  if (authority.includes('[') && authority.includes('%')) return err('dl_invalid_path', 'IPv6 zone identifiers are not allowed in a Digital Link URI');
  if (slash < 0) return err('dl_no_primary_key', NO_KEYS);
  const path = beforeQuery.slice(slash + 1);
  if (path === '' || path.endsWith('/')) return err('dl_no_primary_key', NO_KEYS);
  const segments = path.split('/');

  let chosen = -1;
  let firstError: Gs1Issue | null = null;
  // The rightmost primary key wins; when its structure is broken, an earlier key is tried so that a
  // value that happens to look like a key (".../10/8003/21/...") does not hide the real one.
  for (let k = segments.length - 2; k >= 0; k--) {
    if (!DL_PRIMARY_KEYS.has(segments[k] ?? '')) continue;
    const check = checkPathFrom(segments, k);
    if (check.ok) {
      chosen = k;
      break;
    }
    firstError ??= check.error;
  }
  if (chosen < 0) return { ok: false, error: firstError ?? { code: 'dl_no_primary_key', message: NO_KEYS } };
  for (let i = chosen; i < segments.length; i++) {
    if (segments[i] === '') return err('dl_invalid_path', 'The Digital Link path contains an empty segment');
  }

  const keyDef = AI_TABLE.get(segments[chosen] ?? '');
  if (keyDef === undefined) return err('dl_no_primary_key', NO_KEYS);
  const pairs: RawPair[] = [];
  for (let i = chosen; i < segments.length; i += 2) {
    const ai = segments[i] ?? '';
    const def = AI_TABLE.get(ai);
    if (def === undefined) return err('unknown_ai', `Unknown AI (${ai}) in the path`, ai);
    let value = percentDecode(segments[i + 1] ?? '', false);
    if (value === null) return err('dl_invalid_path', `AI (${ai}) value has an invalid percent-encoding`, ai);
    if (value === '') return err('dl_empty_value', `AI (${ai}) value path element is empty`, ai);
    if (ai === '01' && value.length < 14 && ctx.lenience.zeroSuppressedGtinInDigitalLink && isAllDigits(value) && (value.length === 8 || value.length === 12 || value.length === 13)) {
      value = value.padStart(14, '0');
    }
    pairs.push({ def, value, position: 0 });
  }

  if (query !== '') {
    for (const param of query.split('&')) {
      if (param === '') continue;
      const eq = param.indexOf('=');
      const name = eq < 0 ? param : param.slice(0, eq);
      if (!isAllDigits(name)) continue; // non-numeric parameters are not GS1 data
      const def = AI_TABLE.get(name);
      if (def === undefined) return err('unknown_ai', `Unknown AI (${name}) in the query parameters`, name);
      if (keyDef.dlQualifierSequences.some((seq) => seq.includes(name))) {
        return err('dl_qualifier_in_query', `AI (${name}) from query params should be in the path info`, name);
      }
      const raw = eq < 0 ? '' : param.slice(eq + 1);
      if (raw === '') return err('dl_empty_value', `AI (${name}) value query element is empty`, name);
      if (!def.dlDataAttribute) return err('dl_ai_not_permitted', `AI (${name}) is not permitted as a Digital Link data attribute`, name);
      const value = percentDecode(raw, true);
      if (value === null) return err('invalid_character', `AI (${name}) value has an invalid percent-encoding`, name);
      if (pairs.some((p) => p.def.ai === name)) return err('duplicate_ai', `AI (${name}) appears more than once in the URI`, name);
      pairs.push({ def, value, position: 0 });
    }
  }

  for (const p of pairs) {
    const error = validateValue(p.def, p.value, 0, p.value.length, ctx);
    if (error !== null) {
      delete error.position;
      return { ok: false, error };
    }
  }
  return { ok: true, pairs };
}
