/**
 * The terminal's own records as the screens show them: output per work order not yet in
 * central's pulled totals (for progress) and a work order's recent output records with their sync state. Read-only here;
 * writes go through data/record.ts, state changes through the sync engine.
 */
import type { OutboxEvent, OutboxState, TaktDb } from '../db';
import { eventsAwaitingPulledTotals } from '../../sync/counted';
import { pendingOutputByWorkOrder, readOutput, readReversedId, type OutputDelta } from '../progress';

const OUTPUT_TYPES = ['output.recorded', 'output.reversed'] as const;

/**
 * Output per work order that central's pulled totals do not include yet, reversals included:
 * pending events plus acked ones no complete 'work-orders' pull has brought back yet (see
 * sync/counted.ts). Read in one transaction so an ack landing meanwhile is counted exactly once.
 */
export async function pendingOutput(db: TaktDb): Promise<Map<string, OutputDelta>> {
  return db.transaction('r', db.events, async () => {
    const pending = await db.events.where('state').equals('pending').toArray();
    const acked = await eventsAwaitingPulledTotals(db, OUTPUT_TYPES);
    const local = [...pending, ...acked];
    const ids = [...new Set(local.map(readReversedId).filter((id): id is string => id !== null))];
    const originals = new Map<string, OutboxEvent>();
    if (ids.length > 0) {
      for (const e of await db.events.bulkGet(ids)) if (e) originals.set(e.id, e);
    }
    return pendingOutputByWorkOrder(local, originals);
  });
}

export interface OutputRecord {
  id: string;
  seq: number;
  occurredAt: string;
  operatorId: string | null;
  goodQty: number;
  scrapQty: number;
  scrapReason: string | null;
  state: OutboxState;
  rejectReason: string | null;
  /** A reversal of this record exists on this terminal. */
  isReversed: boolean;
}

/** This terminal's most recent output records for a work order, newest first. */
export async function listRecentOutput(db: TaktDb, workOrderId: string, limit = 20): Promise<OutputRecord[]> {
  const events = await db.events.where('payload.workOrderId').equals(workOrderId).toArray();
  const outputs = events
    .filter((e) => e.type === 'output.recorded')
    .sort((a, b) => b.seq - a.seq)
    .slice(0, limit);
  if (outputs.length === 0) return [];
  const ids = new Set(outputs.map((e) => e.id));
  const reversals = await db.events.where('type').equals('output.reversed').toArray();
  const reversed = new Set(
    reversals
      .filter((r) => r.state !== 'rejected')
      .map(readReversedId)
      .filter((id): id is string => id !== null && ids.has(id)),
  );
  const records: OutputRecord[] = [];
  for (const e of outputs) {
    const out = readOutput(e);
    if (!out) continue;
    records.push({
      id: e.id,
      seq: e.seq,
      occurredAt: e.occurredAt,
      operatorId: e.operatorId,
      goodQty: out.goodQty,
      scrapQty: out.scrapQty,
      scrapReason: out.scrapReason ?? null,
      state: e.state,
      rejectReason: e.rejectReason ?? null,
      isReversed: reversed.has(e.id),
    });
  }
  return records;
}
