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

/** Rows per multi-row statement (the issue UPDATE binds 2 parameters per row). */
const INSERT_CHUNK = 500;

/**
 * Inserts the batch's events with ONE bound parameter (a JSON array expanded by
 * jsonb_to_recordset): 500 events x 13 bound values cost more in query building and parameter
 * encoding than PostgreSQL spends storing them. ON CONFLICT (id) DO NOTHING tells new from duplicate.
 */
async function insertEvents(tx: Tx, valid: Extract<Checked, { ok: true }>[], now: Date): Promise<Set<string>> {
  const inserted = new Set<string>();
  if (valid.length === 0) return inserted;
  const rows = valid.map(({ e, corrected }) => ({
    id: e.id,
    terminal_id: e.terminalId,
    epoch: e.epoch,
    seq: e.seq,
    type: e.type,
    v: e.v,
    occurred_at: e.occurredAt,
    clock_offset_ms: e.clockOffsetMs,
    occurred_at_corrected: corrected.toISOString(),
    operator_id: e.operatorId,
    workstation_id: e.workstationId,
    payload: e.payload,
  }));
  const result = await tx.execute(sql`
    INSERT INTO events (id, terminal_id, epoch, seq, type, v, occurred_at, clock_offset_ms,
                        occurred_at_corrected, operator_id, workstation_id, payload, received_at)
    SELECT r.id, r.terminal_id, r.epoch, r.seq, r.type, r.v, r.occurred_at, r.clock_offset_ms,
           r.occurred_at_corrected, r.operator_id, r.workstation_id, r.payload, ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      id text, terminal_id text, epoch text, seq bigint, type text, v integer, occurred_at timestamptz,
      clock_offset_ms integer, occurred_at_corrected timestamptz, operator_id text, workstation_id text, payload jsonb)
    ON CONFLICT (id) DO NOTHING
    RETURNING id`);
  for (const r of rowsOf<{ id: string }>(result)) inserted.add(r.id);
  return inserted;
}

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
    const inserted = await insertEvents(tx, valid, now);
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
  // Every seq 1..contiguous is held, so only what lies above it needs reading (an index range,
  // empty in the usual in-order case) instead of every event the terminal ever sent.
  const [stats] = rowsOf<{ max_seq: string | number | null; n: string | number }>(
    await tx.execute(sql`
      SELECT max(seq) AS max_seq, count(DISTINCT seq) AS n FROM (
        SELECT seq FROM events WHERE terminal_id = ${terminalId} AND epoch = ${epoch} AND seq > ${contiguous}
        UNION ALL
        SELECT seq FROM rejected_events WHERE terminal_id = ${terminalId} AND epoch = ${epoch} AND seq > ${contiguous}) s`),
  );
  await tx
    .update(terminalCursors)
    .set({
      contiguousSeq: contiguous,
      maxSeq: Math.max(contiguous, Number(stats?.max_seq ?? 0)),
      eventCount: contiguous + Number(stats?.n ?? 0),
    })
    .where(and(eq(terminalCursors.terminalId, terminalId), eq(terminalCursors.epoch, epoch)));
  return contiguous;
}
