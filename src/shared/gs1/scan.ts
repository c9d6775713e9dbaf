/**
 * From one scan as the scanner delivers it to a classified, validated result.
 *
 * 1. splitAim() takes off the AIM / ISO 15424 symbology identifier ("]C1", "]d2", …) if present.
 * 2. The identifier decides the path (§1.3): GS1 element string (]C1 ]e0 ]d2 ]Q3 ]J1), EAN/UPC
 *    primary (]E0 ]E4 ]E3, optional "|]e0" composite), ITF (]I0 ]I1), plain data that may hold a
 *    Digital Link URI (]Q1 ]d1 ]J0), other plain symbologies.
 * 3. Without an identifier, classifyScan() applies this heuristic, in this order (§1.3):
 *      a. "http://"/"https://" all lower- or all upper-case      -> Digital Link
 *      b. a leading GS (or the configured GS substitute)          -> GS1 element string
 *      c. digits only, length 8/12/13/14, valid check digit       -> GTIN
 *      d. starts with a known AI (first 2-4 digits)               -> GS1 element string; its
 *         errors are reported (a damaged GS1 label must not pass as plain text)
 *      e. anything else                                           -> plain
 *    c before d: "96385074" is a valid GTIN-8 and also parses as AI (96) (biip's known ambiguity).
 *    Sites with plain internal labels that start with digits should enable AIM ids on the scanner.
 */
import { AI_TABLE } from './ai-table';
import { makeContext, type ParseContext, type ResolvedLenience } from './element';
import { GS, aiAt, splitElementString, type SplitOutcome } from './element-string';
import { digitalLinkSchemeLength, splitDigitalLink, startsWithHttpScheme } from './digital-link';
import { isValidGtin } from './gtin';
import { checkDigitOfRange } from './linters';
import { finishMessage } from './message';
import type { Gs1DecodeResult, Gs1ErrorCode, Gs1Issue, Gs1Kind, Gs1Lenience, Gs1ParseOptions, Gs1Result } from './types';

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Splits "]C1…" into the AIM symbology identifier and the data; `symbology` is null when absent. */
export function splitAim(text: string): { symbology: string | null; data: string } {
  if (text.length >= 3 && text.charCodeAt(0) === 93 && isLetter(text.charCodeAt(1))) {
    const m = text.charCodeAt(2);
    if (isLetter(m) || (m >= 48 && m <= 57)) return { symbology: text.slice(0, 3), data: text.slice(3) };
  }
  return { symbology: null, data: text };
}

/** ISO/IEC 15424 code characters of symbologies the terminal may meet. */
const KNOWN_SYMBOLOGY_CHARS = new Set('ABCDEFGHIJKLMNOPQRSTUXYZdeghopsz'.split(''));

type Route = 'gs1' | 'ean13' | 'ean8' | 'ean-addon' | 'itf' | 'plain-dl' | 'plain' | 'unsupported';

function routeOf(symbology: string): Route {
  switch (symbology) {
    case ']C1':
    case ']e0':
    case ']d2':
    case ']Q3':
    case ']J1':
      return 'gs1';
    case ']E0':
      return 'ean13';
    case ']E4':
      return 'ean8';
    case ']E3':
      return 'ean-addon';
    case ']I0':
    case ']I1':
      return 'itf';
    case ']Q1':
    case ']d1':
    case ']J0':
      return 'plain-dl';
    case ']e1':
    case ']e2':
      return 'unsupported'; // composite packets with escape sequences: not produced by configured scanners
    default:
      return KNOWN_SYMBOLOGY_CHARS.has(symbology[1] ?? '') ? 'plain' : 'unsupported';
  }
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The no-AIM heuristic documented at the top of this file. */
export function classifyScan(data: string, symbology: string | null, gsSubstitute?: string): Gs1Kind {
  if (symbology !== null) {
    const route = routeOf(symbology);
    if (route === 'gs1') return 'gs1';
    if (route === 'ean13' || route === 'ean8' || route === 'ean-addon') return data.includes('|') ? 'gs1' : 'gtin';
    if (route === 'itf') return isValidGtin(data) && data.length === 14 ? 'gtin' : 'plain';
    if (route === 'plain-dl') return digitalLinkSchemeLength(data) > 0 ? 'dl' : 'plain';
    return 'plain';
  }
  if (digitalLinkSchemeLength(data) > 0) return 'dl';
  if (data.charCodeAt(0) === 0x1d || (gsSubstitute !== undefined && gsSubstitute !== '' && data.startsWith(gsSubstitute))) return 'gs1';
  if (isValidGtin(data)) return 'gtin';
  if (aiAt(data, 0) !== null) return 'gs1';
  return 'plain';
}

function resolveLenience(l: Gs1Lenience | undefined): ResolvedLenience {
  if (l === true) return { variableLengthWithoutSeparator: true, zeroSuppressedGtinInDigitalLink: true, nonEssentialLintersAsWarnings: true };
  if (l === undefined || l === false) return { variableLengthWithoutSeparator: false, zeroSuppressedGtinInDigitalLink: false, nonEssentialLintersAsWarnings: false };
  return {
    variableLengthWithoutSeparator: l.variableLengthWithoutSeparator === true,
    zeroSuppressedGtinInDigitalLink: l.zeroSuppressedGtinInDigitalLink === true,
    nonEssentialLintersAsWarnings: l.nonEssentialLintersAsWarnings === true,
  };
}

function failure(symbology: string | null, code: Gs1ErrorCode, message: string, extra?: Partial<Gs1Issue>): Gs1Result {
  return { ok: false, symbology, error: { code, message, ...extra } };
}

function finish(symbology: string | null, kind: Gs1Kind, split: SplitOutcome, ctx: ParseContext, prefix?: { ai: string; value: string }): Gs1Result {
  if (!split.ok) return { ok: false, symbology, error: split.error };
  const pairs = split.pairs;
  if (prefix !== undefined) {
    const def = AI_TABLE.get(prefix.ai);
    if (def !== undefined) pairs.unshift({ def, value: prefix.value, position: 0 });
  }
  const msg = finishMessage(pairs, ctx);
  if (!msg.ok) return { ok: false, symbology, error: msg.error };
  return { ok: true, symbology, kind, elements: msg.elements, warnings: ctx.warnings };
}

function parseElementData(symbology: string | null, data: string, ctx: ParseContext, options: Gs1ParseOptions, prefix?: { ai: string; value: string }): Gs1Result {
  if (data === '' || (data === GS && prefix === undefined)) return failure(symbology, 'empty_gs1_data', 'The AI data is empty');
  if (startsWithHttpScheme(data)) {
    return failure(symbology, 'uri_in_gs1_element_string_mode', `No known AI is a prefix of: ${data.slice(0, 4)}... (a Digital Link URI must be encoded as plain data, not in GS1 mode)`);
  }
  const sub = options.gsSubstitute;
  const normalized = sub !== undefined && sub !== '' ? data.split(sub).join(GS) : data;
  const caret = normalized.indexOf('^');
  if (caret >= 0) return failure(symbology, 'illegal_character', 'Scan data contains illegal ^ character', { position: caret });
  return finish(symbology, 'gs1', splitElementString(normalized, ctx), ctx, prefix);
}

function parsePrimary(symbology: string, data: string, length: 8 | 13, ctx: ParseContext, options: Gs1ParseOptions): Gs1Result {
  const bar = data.indexOf('|');
  const primary = bar < 0 ? data : data.slice(0, bar);
  if (primary.length < length) return failure(symbology, 'primary_wrong_length', 'Primary scan data is too short');
  if (primary.length > length) return failure(symbology, 'primary_wrong_length', 'Primary scan data is too long');
  if (!isDigits(primary)) return failure(symbology, 'non_digit', 'Primary message may only contain digits');
  if (primary.charCodeAt(length - 1) - 48 !== checkDigitOfRange(primary, 0, length - 1)) {
    return failure(symbology, 'check_digit', 'Primary message check digit is incorrect');
  }
  const gtin14 = primary.padStart(14, '0');
  if (bar < 0) return { ok: true, symbology, kind: 'gtin', elements: [], warnings: [], plain: primary, gtin14 };
  const cc = data.slice(bar + 1);
  if (!cc.startsWith(']e0')) return failure(symbology, 'unsupported_symbology_identifier', 'The composite component after "|" must start with ]e0');
  return parseElementData(symbology, cc.slice(3), ctx, options, { ai: '01', value: gtin14 });
}

function parseEanAddOn(symbology: string, data: string): Gs1Result {
  // EAN-8 + 2/5 digits (10/13) or EAN-13 + 2/5 digits (15/18).
  const primaryLength = data.length === 10 || data.length === 13 ? 8 : data.length === 15 || data.length === 18 ? 13 : 0;
  if (primaryLength === 0) return failure(symbology, 'primary_wrong_length', 'EAN/UPC with add-on has an invalid length');
  if (!isDigits(data)) return failure(symbology, 'non_digit', 'Primary message may only contain digits');
  if (data.charCodeAt(primaryLength - 1) - 48 !== checkDigitOfRange(data, 0, primaryLength - 1)) {
    return failure(symbology, 'check_digit', 'Primary message check digit is incorrect');
  }
  return { ok: true, symbology, kind: 'gtin', elements: [], warnings: [], plain: data, gtin14: data.slice(0, primaryLength).padStart(14, '0') };
}

function stripTerminators(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 13 || s.charCodeAt(end - 1) === 10)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * Parses one scan. With `options.symbology` undefined, `input` is the scan as delivered (AIM
 * identifier included, trailing CR/LF ignored); otherwise `input` is the data after the identifier.
 * Never throws for any input string.
 */
export function parseGs1(input: string, options: Gs1ParseOptions = {}): Gs1Result {
  let symbology: string | null;
  let data: string;
  if (options.symbology === undefined) {
    ({ symbology, data } = splitAim(stripTerminators(input)));
  } else {
    symbology = options.symbology;
    data = input;
  }
  if (symbology === null && data === '') return failure(null, 'empty_input', 'The scan is empty');
  if (symbology === null && options.requireSymbologyId === true) {
    return failure(null, 'missing_symbology_identifier', 'The scan has no AIM symbology identifier; configure the scanner to send AIM ids');
  }
  const ctx = makeContext(resolveLenience(options.lenient), options.strict === true, options.now);
  const plainResult = (kind: Gs1Kind, gtin14?: string): Gs1Result =>
    gtin14 === undefined
      ? { ok: true, symbology, kind, elements: [], warnings: [], plain: data }
      : { ok: true, symbology, kind, elements: [], warnings: [], plain: data, gtin14 };

  if (symbology !== null) {
    switch (routeOf(symbology)) {
      case 'gs1':
        return parseElementData(symbology, data, ctx, options);
      case 'ean13':
        return parsePrimary(symbology, data, 13, ctx, options);
      case 'ean8':
        return parsePrimary(symbology, data, 8, ctx, options);
      case 'ean-addon':
        return parseEanAddOn(symbology, data);
      case 'itf':
        if (data === '') return failure(symbology, 'empty_input', 'The scan is empty');
        return data.length === 14 && isValidGtin(data) ? plainResult('gtin', data) : plainResult('plain');
      case 'plain-dl':
        if (data === '') return failure(symbology, 'empty_input', 'The scan is empty');
        if (digitalLinkSchemeLength(data) > 0) return finish(symbology, 'dl', splitDigitalLink(data, ctx), ctx);
        return plainResult('plain');
      case 'plain':
        if (data === '') return failure(symbology, 'empty_input', 'The scan is empty');
        return plainResult('plain');
      case 'unsupported':
        return failure(symbology, 'unsupported_symbology_identifier', `Unsupported symbology identifier ${symbology}`);
    }
  }
  switch (classifyScan(data, null, options.gsSubstitute)) {
    case 'dl':
      return finish(null, 'dl', splitDigitalLink(data, ctx), ctx);
    case 'gs1':
      return parseElementData(null, data, ctx, options);
    case 'gtin':
      return plainResult('gtin', data.padStart(14, '0'));
    case 'plain':
      return plainResult('plain');
  }
}

/** The `takt decode gs1` JSON shape (ARCHITECTURE §5) for one scan as the scanner delivers it. */
export function decodeGs1(scan: string, options: Omit<Gs1ParseOptions, 'symbology'> = {}): Gs1DecodeResult {
  const r = parseGs1(scan, { ...options, symbology: undefined });
  if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
  const out: Gs1DecodeResult = { ok: true, symbology: r.symbology, kind: r.kind, ais: r.elements.map((e) => ({ ai: e.ai, value: e.value })) };
  if (r.plain !== undefined) out.plain = r.plain;
  if (r.gtin14 !== undefined) out.gtin14 = r.gtin14;
  if (r.warnings.length > 0) out.warnings = r.warnings.map((w) => ({ code: w.code, message: w.message }));
  return out;
}
