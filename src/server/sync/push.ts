/**
 * Applies one push batch in ONE transaction: locks the (terminal, epoch) cursor row, stores each
 * event once (`events`, unique id; re-sent ids count as duplicates), stores schema-invalid ones in
 * `rejected_events` so their seq still counts, applies effects of new events, and advances the
 * contiguous ack watermark kept in `terminal_cursors`.
 */
import { and, eq, sql } from 'drizzle-orm';
import { eventEnvelopeSchema, validateEventPayload, type EventEnvelope } from '../../shared/sync/events';
import type { PushResponse } from '../../shared/sync/protocol';
import { events, rejectedEvents, terminalCursors } from '../db/schema';
import { rowsOf, type Db, type Tx } from '../db/connect';
import { withWrite } from './changes';
import { applyEffects } from './effects';

export interface PushInput {
  terminalId: string;
  epoch: string;
  events: unknown[];
}

type Rejected = PushResponse['rejected'][number];

/** Upgrades older payload versions to the current one. Every type is still at v1. */
function upgrade(e: EventEnvelope): EventEnvelope {
  return e;
}

export async function applyPush(db: Db, input: PushInput, now: Date): Promise<PushResponse> {
  return withWrite(db, async (tx, changes) => {
    await tx
      .insert(terminalCursors)
      .values({ terminalId: input.terminalId, epoch: input.epoch, lastSeenAt: now })
      .onConflictDoUpdate({ target: [terminalCursors.terminalId, terminalCursors.epoch], set: { lastSeenAt: now } });
    let accepted = 0;
    let duplicates = 0;
    const rejected: Rejected[] = [];

    for (const raw of input.events) {
      const parsed = eventEnvelopeSchema.safeParse(raw);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ');
        rejected.push(await reject(tx, input, raw, 'invalid-envelope', details));
        continue;
      }
      const e = upgrade(parsed.data);
      if (e.terminalId !== input.terminalId || e.epoch !== input.epoch) {
        rejected.push(await reject(tx, input, raw, 'wrong-terminal', `event belongs to ${e.terminalId}/${e.epoch}, pushed by ${input.terminalId}/${input.epoch}`));
        continue;
      }
      const invalid = validateEventPayload(e);
      if (invalid) {
        rejected.push(await reject(tx, input, raw, 'invalid-payload', invalid));
        continue;
      }
      const corrected = new Date(new Date(e.occurredAt).getTime() + e.clockOffsetMs);
      const inserted = await tx
        .insert(events)
        .values({
          id: e.id,
          terminalId: e.terminalId,
          epoch: e.epoch,
          seq: e.seq,
          type: e.type,
          v: e.v,
          occurredAt: new Date(e.occurredAt),
          clockOffsetMs: e.clockOffsetMs,
          occurredAtCorrected: corrected,
          operatorId: e.operatorId,
          workstationId: e.workstationId,
          payload: e.payload,
          receivedAt: now,
        })
        .onConflictDoNothing({ target: events.id })
        .returning({ id: events.id });
      if (inserted.length === 0) {
        duplicates++;
        continue;
      }
      accepted++;
      // A previously rejected copy (e.g. before a server upgrade) is superseded.
      await tx.delete(rejectedEvents).where(eq(rejectedEvents.id, e.id));
      const issues: string[] = [];
      const [collision] = await tx
        .select({ id: events.id })
        .from(events)
        .where(and(eq(events.terminalId, e.terminalId), eq(events.epoch, e.epoch), eq(events.seq, e.seq), sql`${events.id} <> ${e.id}`))
        .limit(1);
      if (collision) issues.push(`seq ${e.seq} also used by event ${collision.id}`);
      const issue = await applyEffects(
        { tx, changes, now },
        { id: e.id, terminalId: e.terminalId, type: e.type, workstationId: e.workstationId, occurredAtCorrected: corrected, payload: e.payload },
      );
      if (issue) issues.push(issue);
      if (issues.length > 0) await tx.update(events).set({ issue: issues.join('; ') }).where(eq(events.id, e.id));
    }

    const ackedSeq = await advanceCursor(tx, input.terminalId, input.epoch);
    return { serverTime: now.toISOString(), accepted, duplicates, ackedSeq, rejected };
  });
}

async function reject(tx: Tx, input: PushInput, raw: unknown, reason: string, details: string): Promise<Rejected> {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const id = typeof r.id === 'string' && r.id.length > 0 && r.id.length <= 120 ? r.id : '';
  const seq = typeof r.seq === 'number' && Number.isSafeInteger(r.seq) && r.seq > 0 ? r.seq : null;
  // Without an id and a seq there is nothing to count for contiguity; it is still reported.
  if (id && seq !== null) {
    await tx
      .insert(rejectedEvents)
      .values({ id, terminalId: input.terminalId, epoch: input.epoch, seq, reason, details, raw: r })
      .onConflictDoNothing({ target: rejectedEvents.id });
  }
  return { id, reason, details };
}

/** Moves the contiguous watermark up over every seq stored (valid or rejected) for this epoch. */
async function advanceCursor(tx: Tx, terminalId: string, epoch: string): Promise<number> {
  const [cursor] = await tx
    .select()
    .from(terminalCursors)
    .where(and(eq(terminalCursors.terminalId, terminalId), eq(terminalCursors.epoch, epoch)));
  let contiguous = cursor?.contiguousSeq ?? 0;
  for (let guard = 0; guard < 1000; guard++) {
    const seqs = rowsOf<{ seq: string | number }>(
      await tx.execute(sql`
        SELECT seq FROM events WHERE terminal_id = ${terminalId} AND epoch = ${epoch} AND seq > ${contiguous}
        UNION
        SELECT seq FROM rejected_events WHERE terminal_id = ${terminalId} AND epoch = ${epoch} AND seq > ${contiguous}
        ORDER BY seq LIMIT 5000`),
    ).map((r) => Number(r.seq));
    let moved = false;
    for (const s of seqs) {
      if (s !== contiguous + 1) break;
      contiguous = s;
      moved = true;
    }
    if (!moved || seqs.length < 5000) break;
  }
  const [stats] = rowsOf<{ max_seq: string | number | null; n: string | number }>(
    await tx.execute(sql`
      SELECT max(seq) AS max_seq, count(DISTINCT seq) AS n FROM (
        SELECT seq FROM events WHERE terminal_id = ${terminalId} AND epoch = ${epoch}
        UNION ALL
        SELECT seq FROM rejected_events WHERE terminal_id = ${terminalId} AND epoch = ${epoch}) s`),
  );
  await tx
    .update(terminalCursors)
    .set({ contiguousSeq: contiguous, maxSeq: Number(stats?.max_seq ?? 0), eventCount: Number(stats?.n ?? 0) })
    .where(and(eq(terminalCursors.terminalId, terminalId), eq(terminalCursors.epoch, epoch)));
  return contiguous;
}
