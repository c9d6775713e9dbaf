/**
 * The outbox side of sync, over `db.events` and `db.meta` (IndexedDB, strict durability):
 * picks the next push batch (pending, seq order, one epoch, within the wire limits), writes push
 * results back (acked with ackedAt and countedInPull:false, see counted.ts / rejected with a reason;
 * never deletes), restores events the
 * main-process journal kept, repairs `meta.nextSeq` after a hello, and prunes old acked events.
 */
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { OutboxEvent, TaktDb } from '../data/db';
import { eventEnvelopeSchema, type EventEnvelope } from '../../shared/sync/events';
import { MAX_PUSH_BYTES, MAX_PUSH_EVENTS, type PushResponse } from '../../shared/sync/protocol';
import { ackChanges } from './counted';
import type { QueueCounts } from './status-store';
import { lastSeqOfEpoch, toEnvelope } from '../data/record';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Room for the request's own fields around the events array. */
const REQUEST_OVERHEAD_BYTES = 512;
/** How many pending rows one read looks at while filling a batch. */
const SCAN_PAGE = 500;

const encoder = new TextEncoder();
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Returns this database's epoch, creating it (uuid v7) once; the transaction re-checks so concurrent callers agree. */
export async function ensureEpoch(db: TaktDb): Promise<string> {
  const existing = await db.meta.get('epoch');
  if (typeof existing?.value === 'string' && existing.value.length > 0) return existing.value;
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('epoch');
    if (typeof row?.value === 'string' && row.value.length > 0) return row.value;
    const epoch = uuidv7();
    await db.meta.put({ key: 'epoch', value: epoch });
    return epoch;
  });
}

/** The envelope as it goes on the wire: one implementation, shared with recording. */
export { toEnvelope };

export interface Unsendable {
  id: string;
  reason: string;
}

export interface PushBatch {
  epoch: string;
  events: EventEnvelope[];
}

export interface BatchLimits {
  maxEvents: number;
  maxBytes: number;
}
export const pushLimits: BatchLimits = { maxEvents: MAX_PUSH_EVENTS, maxBytes: MAX_PUSH_BYTES };

/** Why an event can never be sent as it is, or null. Checked locally so one bad event cannot fail a whole batch. */
export function unsendableReason(event: EventEnvelope, limits: BatchLimits = pushLimits): string | null {
  const parsed = eventEnvelopeSchema.safeParse(event);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ');
    return `invalid-envelope: ${issues}`;
  }
  const bytes = jsonBytes(event);
  if (bytes + REQUEST_OVERHEAD_BYTES > limits.maxBytes)
    return `payload-too-large: ${bytes} bytes (limit ${limits.maxBytes})`;
  return null;
}

/**
 * Builds a batch from a list already in seq order (all of one epoch): at most maxEvents and maxBytes
 * of JSON. Unsendable events are returned apart, so the caller can mark them rejected.
 */
export function fillBatch(
  candidates: EventEnvelope[],
  limits: BatchLimits = pushLimits,
): { events: EventEnvelope[]; unsendable: Unsendable[]; full: boolean } {
  const events: EventEnvelope[] = [];
  const unsendable: Unsendable[] = [];
  let bytes = REQUEST_OVERHEAD_BYTES;
  for (const event of candidates) {
    const reason = unsendableReason(event, limits);
    if (reason) {
      unsendable.push({ id: event.id, reason });
      continue;
    }
    const size = jsonBytes(event) + 1;
    if (events.length >= limits.maxEvents || bytes + size > limits.maxBytes) return { events, unsendable, full: true };
    events.push(event);
    bytes += size;
  }
  return { events, unsendable, full: false };
}

/**
 * The next batch to push: pending events in seq order (index [state+seq]) of the epoch of the
 * lowest pending seq. Returns null when nothing is pending.
 */
export async function nextPushBatch(
  db: TaktDb,
  limits: BatchLimits = pushLimits,
): Promise<{ batch: PushBatch | null; unsendable: Unsendable[] }> {
  const first = await db.events
    .where('[state+seq]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
    .first();
  if (!first) return { batch: null, unsendable: [] };
  const epoch = first.epoch;
  const candidates: EventEnvelope[] = [];
  let afterSeq = first.seq - 1;
  // Reads a little more than a batch can hold; fillBatch stops at the limits.
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await db.events
      .where('[state+seq]')
      .between(['pending', afterSeq], ['pending', Dexie.maxKey], false, true)
      .limit(SCAN_PAGE)
      .toArray();
    if (page.length === 0) break;
    for (const e of page) if (e.epoch === epoch) candidates.push(toEnvelope(e));
    afterSeq = page[page.length - 1]!.seq;
    if (candidates.length > limits.maxEvents || page.length < SCAN_PAGE) break;
  }
  const { events, unsendable } = fillBatch(candidates, limits);
  return { batch: events.length > 0 ? { epoch, events } : null, unsendable };
}

/** Marks events central will never accept as rejected, with the reason (only while they are still pending). */
export async function rejectLocally(db: TaktDb, items: Unsendable[]): Promise<number> {
  if (items.length === 0) return 0;
  return db.transaction('rw', db.events, async () => {
    let n = 0;
    for (const item of items) {
      n += await db.events
        .where('id')
        .equals(item.id)
        .and((e) => e.state === 'pending')
        .modify({ state: 'rejected', rejectReason: item.reason });
    }
    return n;
  });
}

/**
 * Writes a push response back: rejected ones become `rejected` with their reason; every other event
 * of the batch, and every pending event of that epoch at or below `ackedSeq`, becomes `acked`.
 */
export async function applyPushResult(
  db: TaktDb,
  epoch: string,
  sentIds: string[],
  response: Pick<PushResponse, 'ackedSeq' | 'rejected'>,
  ackedAt: string,
): Promise<{ acked: number; rejected: number }> {
  return db.transaction('rw', db.events, async () => {
    const rejectedIds = new Set<string>();
    let rejected = 0;
    for (const r of response.rejected) {
      rejectedIds.add(r.id);
      rejected += await db.events
        .where('id')
        .equals(r.id)
        .and((e) => e.state === 'pending')
        .modify({ state: 'rejected', rejectReason: r.details ? `${r.reason}: ${r.details}` : r.reason });
    }
    // bulkGet + bulkPut by primary key: a cursor walk over 500 ids (modify) costs several times more.
    const stored = sentIds.filter((id) => !rejectedIds.has(id));
    const changes = ackChanges(ackedAt);
    const updated = (await db.events.bulkGet(stored))
      .filter((e): e is OutboxEvent => e !== undefined && e.state === 'pending')
      .map((e) => ({ ...e, ...changes }));
    await db.events.bulkPut(updated);
    let acked = updated.length;
    if (response.ackedSeq > 0) acked += await markAckedUpTo(db, epoch, response.ackedSeq, ackedAt);
    return { acked, rejected };
  });
}

/** Marks pending events of `epoch` with seq <= `seq` as acked (central holds every one of them). */
export async function markAckedUpTo(db: TaktDb, epoch: string, seq: number, ackedAt: string): Promise<number> {
  if (seq <= 0) return 0;
  return db.events
    .where('[state+seq]')
    .between(['pending', Dexie.minKey], ['pending', seq], true, true)
    .and((e) => e.epoch === epoch)
    .modify(ackChanges(ackedAt));
}

/** Raises `meta.nextSeq` to at least `atLeast` (never lowers it), so a rolled-back counter cannot reuse a seq central has. */
export async function raiseNextSeq(db: TaktDb, atLeast: number): Promise<boolean> {
  return db.transaction('rw', db.meta, db.events, async () => {
    const row = await db.meta.get('nextSeq');
    let current = typeof row?.value === 'number' && Number.isInteger(row.value) && row.value > 0 ? row.value : 0;
    if (current === 0) {
      const epoch = await db.meta.get('epoch');
      current = (typeof epoch?.value === 'string' ? await lastSeqOfEpoch(db, epoch.value) : 0) + 1;
    }
    if (atLeast <= current) return false;
    await db.meta.put({ key: 'nextSeq', value: atLeast });
    return true;
  });
}

export interface RestoreResult {
  inserted: number;
  /** Set when the database had no epoch and no events, and took over the journal's epoch. */
  adoptedEpoch: string | null;
  /** Unsynced events that cannot be stored in db.events (their epoch+seq is taken by another event); pushed from memory. */
  journalOnly: EventEnvelope[];
  invalid: number;
}

/**
 * Puts back the unsynced events the main-process journal kept that are missing from db.events
 * (IndexedDB wiped or rolled back). db.events is unique on [epoch+seq], so events of an older
 * epoch go back next to the current ones; only an event whose epoch+seq another event holds (a
 * corrupted store) is returned to be pushed straight from memory (it stays in the journal until
 * central acknowledges it).
 * A database with no epoch and no events (wiped) takes over the journal's latest epoch, so its
 * numbering continues where it stopped instead of colliding with the restored seqs.
 */
export async function restoreFromJournal(db: TaktDb, journal: EventEnvelope[]): Promise<RestoreResult> {
  const valid: EventEnvelope[] = [];
  let invalid = 0;
  for (const e of journal) {
    if (eventEnvelopeSchema.safeParse(e).success) valid.push(e);
    else invalid++;
  }
  if (valid.length === 0) return { inserted: 0, adoptedEpoch: null, journalOnly: [], invalid };
  return db.transaction('rw', db.events, db.meta, async () => {
    let adoptedEpoch: string | null = null;
    const epochRow = await db.meta.get('epoch');
    let epoch = typeof epochRow?.value === 'string' && epochRow.value.length > 0 ? epochRow.value : null;
    if (epoch === null && (await db.events.count()) === 0) {
      epoch = valid[valid.length - 1]!.epoch;
      adoptedEpoch = epoch;
      await db.meta.put({ key: 'epoch', value: epoch });
    }
    const sorted = [...valid].sort((a, b) => (a.epoch === b.epoch ? a.seq - b.seq : a.epoch < b.epoch ? -1 : 1));
    const journalOnly: EventEnvelope[] = [];
    const seen = new Set<string>();
    let inserted = 0;
    let maxInserted = 0;
    for (const e of sorted) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      if (await db.events.get(e.id)) continue;
      if ((await db.events.where('[epoch+seq]').equals([e.epoch, e.seq]).count()) > 0) {
        journalOnly.push(e);
        continue;
      }
      await db.events.add({ ...toEnvelope(e), state: 'pending' });
      inserted++;
      if (e.epoch === epoch) maxInserted = Math.max(maxInserted, e.seq);
    }
    if (maxInserted > 0) {
      const row = await db.meta.get('nextSeq');
      const current = typeof row?.value === 'number' ? row.value : 0;
      if (maxInserted + 1 > current) await db.meta.put({ key: 'nextSeq', value: maxInserted + 1 });
    }
    return { inserted, adoptedEpoch, journalOnly, invalid };
  });
}

/** The newest pending event (highest seq), or null: one index lookup, cheap enough to watch live. */
export async function latestPending(db: TaktDb): Promise<{ id: string; seq: number } | null> {
  const last = await db.events
    .where('[state+seq]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
    .last();
  return last ? { id: last.id, seq: last.seq } : null;
}

/** `occurredAt` of the lowest pending seq (one index lookup; seq follows recording order). */
export async function oldestPendingAt(db: TaktDb): Promise<string | null> {
  const first = await db.events
    .where('[state+seq]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
    .first();
  return first?.occurredAt ?? null;
}

/** Pending/rejected counts and the oldest pending record, read in one transaction. */
export async function readQueueCounts(db: TaktDb): Promise<QueueCounts> {
  return db.transaction('r', db.events, async () => {
    const pending = await db.events.where('state').equals('pending').count();
    const rejected = await db.events.where('state').equals('rejected').count();
    // Lowest pending seq: the first one recorded (cheap through the index; seq follows recording order).
    const oldest = await db.events
      .where('[state+seq]')
      .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
      .first();
    return { pending, rejected, oldestPendingAt: oldest?.occurredAt ?? null };
  });
}

/** Rows one retention transaction deletes: short transactions never hold the outbox against recording. */
export const PRUNE_BATCH = 2000;

/**
 * Retention: deletes acked events acknowledged more than `days` ago, oldest first, through the
 * [state+ackedAt] index (it reads only what it deletes) in short transactions of PRUNE_BATCH.
 * Pending and rejected events are never deleted. Returns how many were removed.
 */
export async function pruneAcked(db: TaktDb, now: number, days = 14): Promise<number> {
  const cutoff = new Date(now - days * DAY_MS).toISOString();
  let removed = 0;
  for (;;) {
    const n = await db.transaction('rw', db.events, async () => {
      const keys = await db.events
        .where('[state+ackedAt]')
        .between(['acked', Dexie.minKey], ['acked', cutoff], true, false)
        .limit(PRUNE_BATCH)
        .primaryKeys();
      await db.events.bulkDelete(keys);
      return keys.length;
    });
    removed += n;
    if (n < PRUNE_BATCH) return removed;
  }
}
