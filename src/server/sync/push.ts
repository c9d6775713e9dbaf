/**
 * Applies one push batch in ONE transaction (behind the writer clock lock, so concurrent pushes,
 * also from several central processes, apply one after the other): stores each
 * event once (`events`, unique id; re-sent ids count as duplicates), stores schema-invalid ones in
 * `rejected_events` so their seq still counts, applies effects of new events, and advances the
 * contiguous ack watermark kept in `terminal_cursors`.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { eventEnvelopeSchema, validateEventPayload, type EventEnvelope } from '../../shared/sync/events';
import type { PushResponse } from '../../shared/sync/protocol';
import { events, rejectedEvents, terminalCursors } from '../db/schema';
import { rowsOf, type Db, type Tx } from '../db/connect';
import { withWrite } from './changes';
import { applyEffects, recordOutputs, type StoredEvent } from './effects';

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

type Checked =
  | { ok: false; raw: unknown; reason: string; details: string }
  | { ok: true; e: EventEnvelope; corrected: Date };

/** Validates one raw event against the envelope, the pushing terminal and the catalogue (no I/O). */
function check(input: PushInput, raw: unknown): Checked {
  const parsed = eventEnvelopeSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ');
    return { ok: false, raw, reason: 'invalid-envelope', details };
  }
  const e = upgrade(parsed.data);
  if (e.terminalId !== input.terminalId || e.epoch !== input.epoch) {
    return { ok: false, raw, reason: 'wrong-terminal', details: `event belongs to ${e.terminalId}/${e.epoch}, pushed by ${input.terminalId}/${input.epoch}` };
  }
  const invalid = validateEventPayload(e);
  if (invalid) return { ok: false, raw, reason: 'invalid-payload', details: invalid };
  return { ok: true, e, corrected: new Date(new Date(e.occurredAt).getTime() + e.clockOffsetMs) };
}

/** Rows per multi-row INSERT (14 parameters each, well under PostgreSQL's 65535). */
const INSERT_CHUNK = 500;

/**
 * Set-based apply: the batch's events are inserted with one statement (ON CONFLICT (id) DO NOTHING
 * tells new from duplicate), collisions are looked up once, consecutive outputs share one effect
 * step, and issues are written with one UPDATE. Other event types apply their effects one by one,
 * in seq order, exactly as before.
 */
export async function applyPush(db: Db, input: PushInput, now: Date): Promise<PushResponse> {
  const checked = input.events.map((raw) => check(input, raw));
  return withWrite(db, async (tx, changes) => {
    await tx
      .insert(terminalCursors)
      .values({ terminalId: input.terminalId, epoch: input.epoch, lastSeenAt: now })
      .onConflictDoUpdate({ target: [terminalCursors.terminalId, terminalCursors.epoch], set: { lastSeenAt: now } });

    const rejected: Rejected[] = [];
    for (const c of checked) if (!c.ok) rejected.push(await reject(tx, input, c.raw, c.reason, c.details));

    const valid = checked.filter((c): c is Extract<Checked, { ok: true }> => c.ok);
    const inserted = new Set<string>();
    for (let i = 0; i < valid.length; i += INSERT_CHUNK) {
      const chunk = valid.slice(i, i + INSERT_CHUNK);
      const rows = await tx
        .insert(events)
        .values(
          chunk.map(({ e, corrected }) => ({
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
          })),
        )
        .onConflictDoNothing({ target: events.id })
        .returning({ id: events.id });
      for (const r of rows) inserted.add(r.id);
    }
    // The first copy of an id inside the batch is the stored one; every other copy is a duplicate.
    const fresh: Extract<Checked, { ok: true }>[] = [];
    const taken = new Set<string>();
    for (const c of valid) {
      if (!inserted.has(c.e.id) || taken.has(c.e.id)) continue;
      taken.add(c.e.id);
      fresh.push(c);
    }
    const accepted = fresh.length;
    const duplicates = valid.length - accepted;

    const issues = new Map<string, string[]>();
    const addIssue = (id: string, text: string) => issues.set(id, [...(issues.get(id) ?? []), text]);
    if (fresh.length > 0) {
      const freshIds = fresh.map((c) => c.e.id);
      // A previously rejected copy (e.g. before a server upgrade) is superseded.
      await tx.delete(rejectedEvents).where(inArray(rejectedEvents.id, freshIds));
      const sameSeq = await tx
        .select({ id: events.id, seq: events.seq })
        .from(events)
        .where(and(eq(events.terminalId, input.terminalId), eq(events.epoch, input.epoch), inArray(events.seq, [...new Set(fresh.map((c) => c.e.seq))])));
      const idsBySeq = new Map<number, string[]>();
      for (const r of sameSeq) idsBySeq.set(Number(r.seq), [...(idsBySeq.get(Number(r.seq)) ?? []), r.id]);
      for (const { e } of fresh) {
        const other = (idsBySeq.get(e.seq) ?? []).filter((id) => id !== e.id).sort()[0];
        if (other) addIssue(e.id, `seq ${e.seq} also used by event ${other}`);
      }

      const stored = (c: Extract<Checked, { ok: true }>): StoredEvent => ({
        id: c.e.id,
        terminalId: c.e.terminalId,
        type: c.e.type,
        workstationId: c.e.workstationId,
        occurredAtCorrected: c.corrected,
        payload: c.e.payload,
      });
      const reversals: { id: string; reversesEventId: string }[] = [];
      for (let i = 0; i < fresh.length; ) {
        const c = fresh[i]!;
        if (c.e.type === 'output.recorded') {
          let j = i;
          while (j < fresh.length && fresh[j]!.e.type === 'output.recorded') j++;
          const run = fresh.slice(i, j).map(stored);
          const runIssues = await recordOutputs({ tx, changes, now }, run, issues, reversals);
          runIssues.forEach((issue, k) => {
            if (issue) addIssue(run[k]!.id, issue);
          });
          i = j;
          continue;
        }
        const issue = await applyEffects({ tx, changes, now }, stored(c));
        if (issue) addIssue(c.e.id, issue);
        if (c.e.type === 'output.reversed') {
          reversals.push({ id: c.e.id, reversesEventId: String((c.e.payload as { reversesEventId?: unknown }).reversesEventId) });
        }
        i++;
      }
      const withIssues = [...issues].filter(([, list]) => list.length > 0);
      for (let i = 0; i < withIssues.length; i += INSERT_CHUNK) {
        const rows = withIssues.slice(i, i + INSERT_CHUNK).map(([id, list]) => sql`(${id}, ${list.join('; ')})`);
        await tx.execute(sql`UPDATE events SET issue = v.issue FROM (VALUES ${sql.join(rows, sql`, `)}) AS v(id, issue) WHERE events.id = v.id`);
      }
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
