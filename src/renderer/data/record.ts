/**
 * Recording: every fact the terminal records becomes one outbox event in the `events` table,
 * written in ONE read-write Dexie transaction over `events` + `meta` (the db is opened with strict
 * durability), so the operator sees "saved" only once the event survives a power cut.
 *
 * `meta.epoch` identifies this local database (a uuid v7 created once, the first time anything
 * needs it); `meta.nextSeq` is the next gapless sequence number within that epoch. Both are read
 * and advanced inside the same transaction as the event, so two concurrent records can never
 * share or skip a seq. The sync engine reads and may repair the same two keys (after a hello).
 */
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import {
  eventPayloadSchemas,
  eventVersions,
  type EventEnvelope,
  type EventPayload,
  type EventType,
} from '../../shared/sync/events';
import type { OutboxEvent, TaktDb } from './db';

/** Who and where: stamped on every event's envelope. */
export interface RecordContext {
  terminalId: string;
  workstationId: string;
  operatorId: string | null;
}

export type RecordErrorCode = 'invalid-payload' | 'unknown-type' | 'storage-failed';

/** A recording that did not happen. Nothing was written. `code` is what the UI translates. */
export class RecordError extends Error {
  readonly code: RecordErrorCode;
  /** Field paths that failed validation, e.g. ["scrapReason"]. */
  readonly fields: string[];
  constructor(code: RecordErrorCode, message: string, fields: string[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RecordError';
    this.code = code;
    this.fields = fields;
  }
}

const EPOCH_KEY = 'epoch';
const NEXT_SEQ_KEY = 'nextSeq';
const CLOCK_OFFSET_KEY = 'clockOffsetMs';

/** Reads this database's epoch, creating it if it does not exist yet. Must run inside a rw transaction over meta. */
async function epochIn(db: TaktDb): Promise<string> {
  const row = await db.meta.get(EPOCH_KEY);
  if (row && typeof row.value === 'string' && row.value.length > 0) return row.value;
  const epoch = uuidv7();
  await db.meta.put({ key: EPOCH_KEY, value: epoch });
  return epoch;
}

/** The next seq to use. Falls back to the highest seq stored in this epoch + 1 if the counter row is missing. */
async function nextSeqIn(db: TaktDb, epoch: string): Promise<number> {
  const row = await db.meta.get(NEXT_SEQ_KEY);
  if (row && typeof row.value === 'number' && Number.isInteger(row.value) && row.value > 0) return row.value;
  return (await lastSeqOfEpoch(db, epoch)) + 1;
}

/** The highest seq stored for `epoch` (0 if none), through the unique [epoch+seq] index. */
export async function lastSeqOfEpoch(db: TaktDb, epoch: string): Promise<number> {
  const last = await db.events
    .where('[epoch+seq]')
    .between([epoch, Dexie.minKey], [epoch, Dexie.maxKey])
    .last();
  return last?.seq ?? 0;
}

async function clockOffsetIn(db: TaktDb): Promise<number> {
  const row = await db.meta.get(CLOCK_OFFSET_KEY);
  return typeof row?.value === 'number' && Number.isFinite(row.value) ? Math.round(row.value) : 0;
}

/** Validates a payload against the event catalogue; throws RecordError('invalid-payload') with the failing fields. */
export function validatePayload<T extends EventType>(type: T, payload: unknown): EventPayload<T> {
  if (!(type in eventPayloadSchemas)) throw new RecordError('unknown-type', `Unknown event type ${String(type)}`);
  const parsed = eventPayloadSchemas[type].safeParse(payload);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || 'payload');
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
    throw new RecordError('invalid-payload', message, fields);
  }
  return parsed.data as EventPayload<T>;
}

/**
 * Records one event: validates the payload first (an invalid one throws and writes nothing), then
 * in one rw transaction over events + meta allocates the seq, stamps the envelope and stores it as
 * `pending`. Resolves with the stored event once the transaction has committed.
 */
export async function recordEvent<T extends EventType>(
  db: TaktDb,
  ctx: RecordContext,
  type: T,
  payload: EventPayload<T>,
): Promise<OutboxEvent> {
  const valid = validatePayload(type, payload);
  try {
    return await db.transaction('rw', db.events, db.meta, async () => {
      const epoch = await epochIn(db);
      const seq = await nextSeqIn(db, epoch);
      const clockOffsetMs = await clockOffsetIn(db);
      const event: OutboxEvent = {
        id: uuidv7(),
        terminalId: ctx.terminalId,
        epoch,
        seq,
        type,
        v: eventVersions[type],
        occurredAt: new Date().toISOString(),
        clockOffsetMs,
        operatorId: ctx.operatorId,
        workstationId: ctx.workstationId,
        payload: valid,
        state: 'pending',
      };
      await db.events.add(event);
      await db.meta.put({ key: NEXT_SEQ_KEY, value: seq + 1 });
      return event;
    });
  } catch (cause) {
    if (cause instanceof RecordError) throw cause;
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new RecordError('storage-failed', `Could not store the record: ${message}`, [], { cause });
  }
}

/**
 * The wire envelope of a stored event. It lists the envelope's fields rather than stripping the
 * outbox's bookkeeping ones, so a local field added later can never leak to central.
 */
export function toEnvelope(e: EventEnvelope): EventEnvelope {
  return {
    id: e.id,
    terminalId: e.terminalId,
    epoch: e.epoch,
    seq: e.seq,
    type: e.type,
    v: e.v,
    occurredAt: e.occurredAt,
    clockOffsetMs: e.clockOffsetMs,
    operatorId: e.operatorId,
    workstationId: e.workstationId,
    payload: e.payload,
  };
}

/** What happens after a record commits; both are best-effort and never undo the record. */
export interface AfterCommit {
  /** Appends to the main process's journal file (a second copy outside IndexedDB). */
  appendJournal: (events: EventEnvelope[]) => Promise<unknown>;
  /** Tells the sync engine there is something to push. */
  nudge: () => void;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Records an event and then, without making the caller wait, mirrors it to the journal and
 * nudges the sync engine. The returned promise resolves as soon as the Dexie transaction commits.
 */
export async function recordAndShip<T extends EventType>(
  db: TaktDb,
  ctx: RecordContext,
  after: AfterCommit,
  type: T,
  payload: EventPayload<T>,
): Promise<OutboxEvent> {
  const event = await recordEvent(db, ctx, type, payload);
  const log = after.log ?? ((m: string, e?: unknown) => console.warn(m, e));
  try {
    after
      .appendJournal([toEnvelope(event)])
      .then((r) => {
        if (r && typeof r === 'object' && 'ok' in r && r.ok === false) log('journal append refused', r);
      })
      .catch((e: unknown) => log('journal append failed', e));
  } catch (e) {
    log('journal append failed', e);
  }
  try {
    after.nudge();
  } catch (e) {
    log('sync nudge failed', e);
  }
  return event;
}
