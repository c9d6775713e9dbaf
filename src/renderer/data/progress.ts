/**
 * Work-order progress as the terminal shows it: central's totals (from the last pull) plus what
 * this terminal has recorded that those totals do not include yet: pending events, and acked
 * events until a 'work-orders' pull that started after their ack has been applied (see
 * sync/counted.ts). Dropping them at the ack would make the count fall until the next pull.
 */
import type { OutboxEvent } from './db';

export interface OutputDelta {
  good: number;
  scrap: number;
}

export interface Progress {
  /** Good pieces including this terminal's records not yet in central's pulled totals. */
  good: number;
  scrap: number;
  /** The part of `good`/`scrap` not yet in central's pulled totals (can be negative after a reversal). */
  pendingGood: number;
  pendingScrap: number;
  /** The work order's quantity. */
  qty: number;
}

export interface OutputFacts {
  workOrderId: string;
  goodQty: number;
  scrapQty: number;
  scrapReason?: string;
}

/** Reads an `output.recorded` payload defensively (stored payloads are plain records). */
export function readOutput(e: Pick<OutboxEvent, 'type' | 'payload'>): OutputFacts | null {
  if (e.type !== 'output.recorded') return null;
  const p = e.payload;
  if (typeof p.workOrderId !== 'string' || typeof p.goodQty !== 'number' || typeof p.scrapQty !== 'number') return null;
  return {
    workOrderId: p.workOrderId,
    goodQty: p.goodQty,
    scrapQty: p.scrapQty,
    ...(typeof p.scrapReason === 'string' ? { scrapReason: p.scrapReason } : {}),
  };
}

export function readReversedId(e: Pick<OutboxEvent, 'type' | 'payload'>): string | null {
  if (e.type !== 'output.reversed') return null;
  return typeof e.payload.reversesEventId === 'string' ? e.payload.reversesEventId : null;
}

/**
 * Local output per work order: `output.recorded` events of `pending` add; `output.reversed`
 * events of it subtract the event they reverse (whatever its state, unless central rejected it,
 * in which case it was never counted anywhere).
 * @param pending the terminal's events not yet in central's pulled totals: state `pending`, plus
 *   acked ones still awaiting a 'work-orders' pull (sync/counted.ts)
 * @param reversedOriginals the events referenced by those reversals (any state), by id
 * @param isCounted which output records count (e.g. those of one production day); a reversal
 *   subtracts only a record that counts, as central corrects only the day of the reversed record
 */
export function pendingOutputByWorkOrder(
  pending: readonly OutboxEvent[],
  reversedOriginals: ReadonlyMap<string, OutboxEvent>,
  isCounted: (record: OutboxEvent) => boolean = () => true,
): Map<string, OutputDelta> {
  const deltas = new Map<string, OutputDelta>();
  const add = (wo: string, good: number, scrap: number) => {
    const d = deltas.get(wo) ?? { good: 0, scrap: 0 };
    d.good += good;
    d.scrap += scrap;
    deltas.set(wo, d);
  };
  const reversed = new Set<string>();
  for (const e of pending) {
    const out = readOutput(e);
    if (out && isCounted(e)) add(out.workOrderId, out.goodQty, out.scrapQty);
    const rid = readReversedId(e);
    if (rid) reversed.add(rid);
  }
  for (const rid of reversed) {
    const original = reversedOriginals.get(rid);
    if (!original || original.state === 'rejected' || !isCounted(original)) continue;
    const out = readOutput(original);
    if (out) add(out.workOrderId, -out.goodQty, -out.scrapQty);
  }
  return deltas;
}

export function progressOf(
  wo: { goodQty: number; scrapQty: number; qty: number },
  delta: OutputDelta | undefined,
): Progress {
  const pendingGood = delta?.good ?? 0;
  const pendingScrap = delta?.scrap ?? 0;
  return {
    good: wo.goodQty + pendingGood,
    scrap: wo.scrapQty + pendingScrap,
    pendingGood,
    pendingScrap,
    qty: wo.qty,
  };
}

/** Share of `target` reached, 0..100, for progress bars (0 when there is no target). */
export function percentOf(value: number, target: number): number {
  if (target <= 0) return 0;
  return Math.max(0, Math.min(100, (value / target) * 100));
}
