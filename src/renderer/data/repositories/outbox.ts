/**
 * The terminal's own records as the screens show them: output per work order not yet in
 * central's pulled totals (for progress) and a work order's recent output records with their sync state. Read-only here;
 * writes go through data/record.ts, state changes through the sync engine.
 */
import type { OutboxEvent, OutboxState, TaktDb } from '../db';
import { eventProductionDay } from '../../../shared/supervision/day-output';
import { eventsAwaitingPulledTotals } from '../../sync/counted';
import { pendingOutputByWorkOrder, readOutput, readReversedId, type OutputDelta } from '../progress';

const OUTPUT_TYPES = ['output.recorded', 'output.reversed'] as const;

/** One production day in the plant's calendar (to count only that day's output). */
export interface PlantDay {
  date: string;
  timezone: string;
  dayStartsAt: string;
}

/**
 * Output per work order that central's pulled totals do not include yet, reversals included:
 * pending events plus acked ones no complete 'work-orders' pull has brought back yet (see
 * sync/counted.ts). Read in one transaction so an ack landing meanwhile is counted exactly once.
 * With `day`, only output records of that production day count (filed as central files them,
 * shared/supervision/day-output.ts), and a reversal subtracts only a record of that day.
 */
export async function pendingOutput(db: TaktDb, day?: PlantDay): Promise<Map<string, OutputDelta>> {
  return db.transaction('r', db.events, async () => {
    const pending = await db.events.where('state').equals('pending').toArray();
    const acked = await eventsAwaitingPulledTotals(db, OUTPUT_TYPES);
    const local = [...pending, ...acked];
    const ids = [...new Set(local.map(readReversedId).filter((id): id is string => id !== null))];
    const originals = new Map<string, OutboxEvent>();
    if (ids.length > 0) {
      for (const e of await db.events.bulkGet(ids)) if (e) originals.set(e.id, e);
    }
    if (!day) return pendingOutputByWorkOrder(local, originals);
    const ofDay = (e: OutboxEvent) => eventProductionDay(e.occurredAt, e.clockOffsetMs, day.timezone, day.dayStartsAt) === day.date;
    return pendingOutputByWorkOrder(local, originals, ofDay);
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

/** A record central (or the local pre-check) refused: what it was and why, for the "needs attention" list. */
export interface AttentionItem {
  id: string;
  seq: number;
  epoch: string;
  type: string;
  occurredAt: string;
  operatorId: string | null;
  workOrderId: string | null;
  /** The refusal's code (e.g. `invalid-payload`), translated on screen. */
  reason: string;
  /** Central's or the check's own words (technical, shown as given). */
  details: string;
}

/** Splits a stored `rejectReason` ("code: details") into its code and details. */
export function splitRejectReason(text: string | undefined): { reason: string; details: string } {
  if (!text) return { reason: 'unknown', details: '' };
  const at = text.indexOf(':');
  const code = (at < 0 ? text : text.slice(0, at)).trim();
  const valid = /^[a-z][a-z0-9-]*$/.test(code);
  return valid
    ? { reason: code, details: at < 0 ? '' : text.slice(at + 1).trim() }
    : { reason: 'unknown', details: text };
}

/** Records needing attention, newest first (through the `state` index; they are few). */
export async function listNeedingAttention(db: TaktDb, limit = 200): Promise<AttentionItem[]> {
  const rows = await db.events.where('state').equals('rejected').toArray();
  return rows
    .sort((a, b) => (a.occurredAt === b.occurredAt ? b.seq - a.seq : a.occurredAt < b.occurredAt ? 1 : -1))
    .slice(0, limit)
    .map((e) => {
      const workOrderId = (e.payload as { workOrderId?: unknown }).workOrderId;
      return {
        id: e.id,
        seq: e.seq,
        epoch: e.epoch,
        type: e.type,
        occurredAt: e.occurredAt,
        operatorId: e.operatorId,
        workOrderId: typeof workOrderId === 'string' ? workOrderId : null,
        ...splitRejectReason(e.rejectReason),
      };
    });
}
