/**
 * Lots with output (clause 4.8): good output recorded on a work order creates a lot, numbered by
 * the plant's rule (shared/trace/numbering.ts), whose parents are the material lots consumed on
 * that work order (its local material.consumed events), with serials for serialized products.
 * `lot.created` and `output.recorded` (carrying lotId and serials) commit in ONE Dexie
 * transaction: recordEvent's own transactions join this outer one.
 */
import { productionDay } from '../../../shared/production-day';
import type { EventPayload } from '../../../shared/sync/events';
import { nextLotNumber, serialNumbers } from '../../../shared/trace/numbering';
import type { OutboxEvent, TaktDb } from '../../data/db';
import { recordEvent, RecordError, toEnvelope, type AfterCommit, type RecordContext } from '../../data/record';

export interface OutputWithLot {
  output: OutboxEvent;
  lot: OutboxEvent | null;
}

/** Lot ids this terminal knows: its own lot.created events and every lot central sent. */
async function knownLotIds(db: TaktDb): Promise<Set<string>> {
  const created = await db.events.where('type').equals('lot.created').toArray();
  const ids = new Set(created.map((e) => String((e.payload as { lotId?: unknown }).lotId)));
  for (const key of await db.lots.toCollection().primaryKeys()) ids.add(String(key).replace(/^lot:/, ''));
  return ids;
}

export async function consumedLotIds(db: TaktDb, workOrderId: string): Promise<string[]> {
  const consumed = await db.events.where('payload.workOrderId').equals(workOrderId).toArray();
  return [...new Set(consumed.filter((e) => e.type === 'material.consumed').map((e) => String((e.payload as { lotId?: unknown }).lotId)))].sort();
}

export async function recordOutputWithLot(
  db: TaktDb,
  ctx: RecordContext,
  after: AfterCommit,
  payload: EventPayload<'output.recorded'>,
  now: () => Date = () => new Date(),
): Promise<OutputWithLot> {
  const result = await db.transaction('rw', [db.events, db.meta, db.workOrders, db.products, db.settings, db.lots], async () => {
    if (payload.goodQty === 0) return { output: await recordEvent(db, ctx, 'output.recorded', payload), lot: null };
    const wo = await db.workOrders.get(`work-order:${payload.workOrderId}`);
    if (!wo) throw new RecordError('invalid-payload', `unknown work order ${payload.workOrderId}`);
    const product = await db.products.get(`product:${wo.productId}`);
    const settings = await db.settings.toCollection().first();
    const day = productionDay(now(), settings?.timezone ?? 'Europe/Madrid', settings?.dayStartsAt ?? '06:00');
    const taken = await knownLotIds(db);
    const numbered = nextLotNumber({ template: settings?.lotNumbering, productId: wo.productId, day, workstationId: ctx.workstationId }, 1, (id) => taken.has(id));
    if (!numbered.ok) throw new RecordError('invalid-payload', `lot number rule: ${numbered.problem.code} (${numbered.problem.value})`, ['lotId']);
    const lotId = numbered.lotId;
    const serials = product?.serialized ? serialNumbers(lotId, payload.goodQty) : undefined;
    if (serials === null) throw new RecordError('invalid-payload', `serials of lot ${lotId} would not fit 20 characters`, ['serials']);
    const parentLotIds = await consumedLotIds(db, wo.id);
    const lot = await recordEvent(db, ctx, 'lot.created', {
      lotId,
      itemId: wo.productId,
      workOrderId: wo.id,
      qty: payload.goodQty,
      parentLotIds,
      ...(serials ? { serials } : {}),
    });
    const output = await recordEvent(db, ctx, 'output.recorded', { ...payload, lotId, ...(serials ? { serials } : {}) });
    return { output, lot };
  });
  const events = [result.lot, result.output].filter((e): e is OutboxEvent => !!e).map(toEnvelope);
  const log = after.log ?? ((m: string, e?: unknown) => console.warn(m, e));
  after.appendJournal(events).catch((e: unknown) => log('journal append failed', e));
  try {
    after.nudge();
  } catch (e) {
    log('sync nudge failed', e);
  }
  return result;
}
