/**
 * Message-level rules applied after all values are valid (§2.1 "After the loop"): repeated AIs,
 * mutually exclusive AIs (always errors) and required associations (warnings unless strict).
 */
import { type AiDefinition, matchesPattern } from './ai-table';
import { buildElement, type ParseContext } from './element';
import type { Gs1Element, Gs1Issue } from './types';

export interface RawPair {
  def: AiDefinition;
  value: string;
  position: number;
}

export const MAX_AIS = 64;

export type MessageOutcome = { ok: true; elements: Gs1Element[] } | { ok: false; error: Gs1Issue };

export function finishMessage(pairs: readonly RawPair[], ctx: ParseContext): MessageOutcome {
  // Repeats: the same value is allowed (kept once), a different value is an error (validateAIrepeats).
  const unique: RawPair[] = [];
  for (const p of pairs) {
    const prev = unique.find((u) => u.def.ai === p.def.ai);
    if (prev === undefined) unique.push(p);
    else if (prev.value !== p.value) {
      return {
        ok: false,
        error: { code: 'duplicate_ai', message: `Multiple instances of AI (${p.def.ai}) have different values`, ai: p.def.ai, position: p.position },
      };
    }
  }
  if (unique.length > MAX_AIS) {
    return { ok: false, error: { code: 'too_many_ais', message: `Too many AIs in one message (more than ${MAX_AIS})` } };
  }
  for (const p of unique) {
    for (const pattern of p.def.ex) {
      for (const q of unique) {
        if (q.def.ai !== p.def.ai && matchesPattern(pattern, q.def.ai)) {
          return {
            ok: false,
            error: { code: 'invalid_ai_pair', message: `It is invalid to pair AI (${p.def.ai}) with AI (${q.def.ai})`, ai: p.def.ai, position: p.position },
          };
        }
      }
    }
  }
  for (const p of unique) {
    for (const req of p.def.req) {
      const satisfied = req.some((alternative) => alternative.every((pattern) => unique.some((q) => matchesPattern(pattern, q.def.ai))));
      if (satisfied) continue;
      const list = req.map((alt) => alt.map((pt) => pt.text).join('+')).join(',');
      const issue: Gs1Issue = { code: 'missing_required_ai', message: `Required AIs for AI (${p.def.ai}) are not satisfied: ${list}`, ai: p.def.ai };
      if (ctx.strict) return { ok: false, error: issue };
      ctx.warnings.push(issue);
    }
  }
  return { ok: true, elements: unique.map((p) => buildElement(p.def, p.value, ctx)) };
}
