/**
 * Splitting a GS1 element string (the data after ]C1, ]d2, ]Q3, ]e0, ]J1, or a bare scan that
 * classifies as GS1) into AIs, exactly as §2.1 describes. GS (0x1D) stands for FNC1.
 */
import { AI_LENGTH_BY_PREFIX, AI_TABLE, PREDEFINED_VALUE_LENGTH_BY_PREFIX } from './ai-table';
import { type ParseContext, validateValue } from './element';
import { MAX_AIS, type RawPair } from './message';
import type { Gs1Issue } from './types';

export const GS = '\u001d';
const GS_CODE = 0x1d;

function unknownAi(data: string, pos: number): Gs1Issue {
  return { code: 'unknown_ai', message: `No known AI is a prefix of: ${data.slice(pos, pos + 4)}...`, position: pos };
}

/** Returns the known AI starting at `pos`, or null. Used by the scan classifier too. */
export function aiAt(data: string, pos: number): string | null {
  if (pos + 2 > data.length) return null;
  const d1 = data.charCodeAt(pos) - 48;
  const d2 = data.charCodeAt(pos + 1) - 48;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
  const len = AI_LENGTH_BY_PREFIX[d1 * 10 + d2] ?? 0;
  if (len === 0 || pos + len > data.length) return null;
  for (let i = pos + 2; i < pos + len; i++) {
    const c = data.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const ai = data.slice(pos, pos + len);
  return AI_TABLE.has(ai) ? ai : null;
}

export type SplitOutcome = { ok: true; pairs: RawPair[] } | { ok: false; error: Gs1Issue };

/** Splits and validates every element; message-level rules are applied by finishMessage(). */
export function splitElementString(data: string, ctx: ParseContext): SplitOutcome {
  const n = data.length;
  let pos = n > 0 && data.charCodeAt(0) === GS_CODE ? 1 : 0; // FNC1 in first position sent as GS
  if (pos >= n) return { ok: false, error: { code: 'empty_gs1_data', message: 'The AI data is empty' } };
  const pairs: RawPair[] = [];
  let warnedEmpty = false;
  while (pos < n) {
    if (data.charCodeAt(pos) === GS_CODE) {
      // A separator where an AI should start: an empty element between two separators.
      const issue: Gs1Issue = { code: 'empty_element_between_separators', message: `No known AI is a prefix of: ^${data.slice(pos + 1, pos + 4)}...`, position: pos };
      if (ctx.strict) return { ok: false, error: issue };
      if (!warnedEmpty) ctx.warnings.push(issue);
      warnedEmpty = true;
      pos++;
      continue;
    }
    const ai = aiAt(data, pos);
    if (ai === null) return { ok: false, error: unknownAi(data, pos) };
    const def = AI_TABLE.get(ai);
    if (def === undefined) return { ok: false, error: unknownAi(data, pos) };
    const aiPos = pos;
    pos += ai.length;
    const fixed = PREDEFINED_VALUE_LENGTH_BY_PREFIX[(data.charCodeAt(aiPos) - 48) * 10 + (data.charCodeAt(aiPos + 1) - 48)] ?? 0;
    const start = pos;
    let end: number;
    if (fixed > 0) {
      end = pos + fixed;
      if (end > n) return { ok: false, error: { code: 'wrong_length', message: `AI (${ai}) data has incorrect length`, ai, position: start } };
      pos = end;
      if (pos < n && data.charCodeAt(pos) === GS_CODE) pos++; // superfluous GS after a predefined-length AI is tolerated
    } else {
      const sep = data.indexOf(GS, pos);
      end = sep < 0 ? n : sep;
      if (end - start > def.maxLength && ctx.lenience.variableLengthWithoutSeparator) {
        end = start + def.maxLength;
        ctx.warnings.push({
          code: 'value_too_long',
          message: `AI (${ai}) ran past its maximum length without a GS separator; split after ${def.maxLength} characters (lenient mode)`,
          ai,
          position: end,
        });
        pos = end;
      } else {
        pos = sep < 0 ? n : sep + 1;
      }
    }
    const error = validateValue(def, data, start, end, ctx);
    if (error !== null) return { ok: false, error };
    pairs.push({ def, value: data.slice(start, end), position: aiPos });
    if (pairs.length > MAX_AIS) {
      return { ok: false, error: { code: 'too_many_ais', message: `Too many AIs in one message (more than ${MAX_AIS})` } };
    }
  }
  return { ok: true, pairs };
}
