/**
 * Reconcile (ARCHITECTURE 4, POST /sync/v1/reconcile): the audit that central still holds every
 * event this terminal has had acknowledged. It reads the retained `acked` events of db.events,
 * cuts them into ranges of at most RECONCILE_RANGE_SEQS consecutive seqs (never across a seq it
 * does not hold as acked: pruned, pending or rejected), sends each range's count and hash, and
 * re-pushes the ranges central reports missing (central restored from a backup, or PGlite lost a
 * write in a power cut). Re-pushing is harmless: central counts what it already has as duplicates.
 * It changes nothing locally: events stay `acked`.
 */
import Dexie from 'dexie';
import type { TerminalApi } from '../../shared/api';
import { err, ok, type Result } from '../../shared/result';
import type { EventEnvelope } from '../../shared/sync/events';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { TaktDb } from '../data/db';
import { ensureEpoch, fillBatch, toEnvelope } from './outbox';

export const RECONCILE_RANGE_SEQS = 1000;
/** Ranges per request (the wire schema allows 1000). */
const RANGES_PER_REQUEST = 200;
/** Acked events read per page while building ranges. */
const READ_PAGE = 5000;

export interface SeqRange {
  fromSeq: number;
  toSeq: number;
  count: number;
  hash: string;
}

export interface ReconcileOutcome {
  /** Ranges compared. */
  ranges: number;
  /** Ranges central reported missing or different. */
  missing: { fromSeq: number; toSeq: number }[];
  /** Events pushed again, and how central counted them. */
  repushed: number;
  accepted: number;
  duplicates: number;
}

const encoder = new TextEncoder();

/** Hex SHA-256 of the ids sorted and joined by '\n' (the same hash central computes). */
export async function rangeHash(ids: string[]): Promise<string> {
  const text = [...ids].sort().join('\n');
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Acked events of `epoch`, in seq order, read page by page (bounded). */
async function ackedOfEpoch(db: TaktDb, epoch: string): Promise<EventEnvelope[]> {
  const out: EventEnvelope[] = [];
  let after = 0;
  for (let guard = 0; guard < 100_000; guard++) {
    const page = await db.events
      .where('[state+seq]')
      .between(['acked', after], ['acked', Dexie.maxKey], false, true)
      .limit(READ_PAGE)
      .toArray();
    for (const e of page) if (e.epoch === epoch) out.push(toEnvelope(e));
    if (page.length < READ_PAGE) break;
    after = page[page.length - 1]!.seq;
  }
  return out;
}

/** Cuts events (seq order) into runs of consecutive seqs, each at most `size` seqs long. */
export function cutRanges(events: EventEnvelope[], size = RECONCILE_RANGE_SEQS): EventEnvelope[][] {
  const runs: EventEnvelope[][] = [];
  let run: EventEnvelope[] = [];
  for (const e of events) {
    const last = run[run.length - 1];
    if (last && (e.seq !== last.seq + 1 || e.seq - run[0]!.seq >= size)) {
      runs.push(run);
      run = [];
    }
    run.push(e);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export async function buildRanges(runs: EventEnvelope[][]): Promise<SeqRange[]> {
  const ranges: SeqRange[] = [];
  for (const run of runs) {
    ranges.push({
      fromSeq: run[0]!.seq,
      toSeq: run[run.length - 1]!.seq,
      count: run.length,
      hash: await rangeHash(run.map((e) => e.id)),
    });
  }
  return ranges;
}

/**
 * Compares this database's acked events of its current epoch with central and re-pushes what
 * central is missing. Fails (without changing anything) when central cannot be reached.
 */
export async function reconcile(api: Pick<TerminalApi, 'central'>, db: TaktDb): Promise<Result<ReconcileOutcome>> {
  const epoch = await ensureEpoch(db);
  const runs = cutRanges(await ackedOfEpoch(db, epoch));
  const ranges = await buildRanges(runs);
  const outcome: ReconcileOutcome = { ranges: ranges.length, missing: [], repushed: 0, accepted: 0, duplicates: 0 };
  const byFrom = new Map(runs.map((run) => [run[0]!.seq, run]));

  for (let i = 0; i < ranges.length; i += RANGES_PER_REQUEST) {
    const chunk = ranges.slice(i, i + RANGES_PER_REQUEST);
    const answer = await api.central.reconcile({ epoch, ranges: chunk });
    if (!answer.ok) return answer;
    for (const m of answer.value.missing) {
      const run = byFrom.get(m.fromSeq);
      // Central may only name ranges it was asked about.
      if (!run || run[run.length - 1]!.seq !== m.toSeq) {
        return err('server-error', `Central named a range this terminal did not send (${m.fromSeq}-${m.toSeq}).`);
      }
      outcome.missing.push({ fromSeq: m.fromSeq, toSeq: m.toSeq });
      let rest = run;
      for (let guard = 0; guard < 10_000 && rest.length > 0; guard++) {
        const { events, unsendable } = fillBatch(rest);
        if (events.length === 0) {
          return err('internal', `Events ${m.fromSeq}-${m.toSeq} cannot be re-sent: ${unsendable[0]?.reason ?? 'unknown reason'}`);
        }
        const pushed = await api.central.push({ protocol: PROTOCOL_VERSION, epoch, events });
        if (!pushed.ok) return pushed;
        outcome.repushed += events.length;
        outcome.accepted += pushed.value.accepted;
        outcome.duplicates += pushed.value.duplicates;
        const sent = new Set([...events.map((e) => e.id), ...unsendable.map((u) => u.id)]);
        rest = rest.filter((e) => !sent.has(e.id));
      }
    }
  }
  return ok(outcome);
}
