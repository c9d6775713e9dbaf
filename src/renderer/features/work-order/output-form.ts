/**
 * The "record output" form's rules, kept out of the component: at least one piece, whole
 * non-negative numbers, and a scrap reason whenever there is scrap (the same rules the event
 * catalogue enforces, checked first so the operator gets a precise message).
 */
import type { EventPayload } from '../../../shared/sync/events';

export type QtyValue = number | '';

export interface OutputDraft {
  good: QtyValue;
  scrap: QtyValue;
  scrapReason: string;
}

export const emptyDraft: OutputDraft = { good: 0, scrap: 0, scrapReason: '' };

export type OutputProblem = 'nothing-to-save' | 'reason-required';

/** Largest quantity one record may carry (guards against a stuck key or a scanned barcode in the field). */
export const MAX_QTY_PER_RECORD = 99_999;

export function qtyOf(v: QtyValue): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.min(MAX_QTY_PER_RECORD, Math.trunc(v))) : 0;
}

export function checkOutput(d: OutputDraft): OutputProblem[] {
  const problems: OutputProblem[] = [];
  if (qtyOf(d.good) + qtyOf(d.scrap) === 0) problems.push('nothing-to-save');
  if (qtyOf(d.scrap) > 0 && !d.scrapReason) problems.push('reason-required');
  return problems;
}

export function toOutputPayload(workOrderId: string, d: OutputDraft): EventPayload<'output.recorded'> {
  const scrapQty = qtyOf(d.scrap);
  return {
    workOrderId,
    goodQty: qtyOf(d.good),
    scrapQty,
    ...(scrapQty > 0 && d.scrapReason ? { scrapReason: d.scrapReason } : {}),
  };
}

/** Steps a quantity by `delta`, clamped to 0..MAX. */
export function stepQty(v: QtyValue, delta: number): number {
  return Math.max(0, Math.min(MAX_QTY_PER_RECORD, qtyOf(v) + delta));
}
