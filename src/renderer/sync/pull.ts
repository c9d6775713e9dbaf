/**
 * Pull side of sync: brings central's streams down into the server-owned tables of `db`
 * (tableForRowType) and keeps one cursor per stream in `db.cursors`. Each page is applied in ONE
 * Dexie transaction together with its cursor, so rows and cursor never diverge; one invalid row
 * aborts (rolls back) its whole page and the cursor stays where it was. `{reset:true}` clears
 * exactly that stream's tables and cursor, then the stream is pulled again from '0'.
 * A complete 'work-orders' pull also marks the output acked before it started as included in
 * central's totals, atomically with its last page (see counted.ts).
 */
import type { z } from 'zod';
import { tableForRowType, tablesForStream, type TaktDb } from '../data/db';
import type { TerminalApi } from '../../shared/api';
import type { AppError } from '../../shared/result';
import { DEFAULT_PULL_LIMIT, pullResponseSchema, type PullChange } from '../../shared/sync/protocol';
import { rowSchemas, type StreamName } from '../../shared/sync/streams';
import { eventsAwaitingPulledTotals, markCountedInPull, TOTALS_STREAM } from './counted';

/** Safety bound on pages per pull (5M rows at the default page size), so a broken server cannot loop us forever. */
const MAX_PAGES = 5000;
const MAX_RESETS_PER_PULL = 2;

export class PullPageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PullPageError';
  }
}

export type PullOutcome =
  | { ok: true; pages: number; rows: number; resets: number }
  /** `network`: the request failed (see `error`); `invalid`: central answered something we could not apply. */
  | { ok: false; kind: 'network'; error: AppError; message: string }
  | { ok: false; kind: 'invalid'; message: string };

type RowTable = (typeof tablesForStream)[StreamName][number];

function tableNames(stream: StreamName): RowTable[] {
  return [...tablesForStream[stream]];
}

/**
 * Applies one page and its cursor atomically. Throws PullPageError (and writes nothing) if any row is bad.
 * `countedIds`: on a stream's last page, the acked events its totals now include (marked in the same transaction).
 */
export async function applyPullPage(
  db: TaktDb,
  stream: StreamName,
  changes: PullChange[],
  cursor: string,
  updatedAt: string,
  countedIds?: readonly string[],
): Promise<void> {
  const tables = tableNames(stream);
  const schema = rowSchemas[stream] as z.ZodType<{ type: string }>;
  const scope = countedIds && countedIds.length > 0 ? [...tables, 'cursors', 'events'] : [...tables, 'cursors'];
  await db.transaction('rw', scope, async () => {
    for (const [index, change] of changes.entries()) {
      const where = `${stream}: row ${index + 1} of the page (key ${change.key})`;
      if (change.op === 'del') {
        // Keys are `<type>:<id>`, unique across the stream's tables: delete wherever it lives.
        for (const t of tables) await db.table(t).delete(change.key);
        continue;
      }
      const parsed = schema.safeParse(change.row);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
        throw new PullPageError(`${where} is invalid: ${issues}`);
      }
      const table = (tableForRowType as Record<string, RowTable | undefined>)[parsed.data.type];
      if (!table || !tables.includes(table))
        throw new PullPageError(`${where} has type ${parsed.data.type}, which this stream does not carry`);
      await db.table(table).put({ ...parsed.data, key: change.key });
    }
    await db.cursors.put({ stream, cursor, updatedAt });
    if (countedIds && countedIds.length > 0) await markCountedInPull(db, countedIds);
  });
}

/** Clears exactly this stream's tables and its cursor, in one transaction. */
export async function resetStream(db: TaktDb, stream: StreamName): Promise<void> {
  const tables = tableNames(stream);
  await db.transaction('rw', [...tables, 'cursors'], async () => {
    for (const t of tables) await db.table(t).clear();
    await db.cursors.delete(stream);
  });
}

export interface PullOptions {
  now: () => number;
  limit?: number;
  /** Called with each response's serverTime and the request's send/receive times (clock offset). */
  onServerTime?: (serverTime: string, sentAt: number, receivedAt: number) => void;
}

/** Pulls one stream until central says there is no more (or something fails). */
export async function pullStream(
  api: Pick<TerminalApi, 'central'>,
  db: TaktDb,
  stream: StreamName,
  opts: PullOptions,
): Promise<PullOutcome> {
  // Acked before the first request of this pull, so central's rows it brings include them.
  const countedIds = stream === TOTALS_STREAM ? (await eventsAwaitingPulledTotals(db)).map((e) => e.id) : [];
  let cursor = (await db.cursors.get(stream))?.cursor ?? '0';
  let pages = 0;
  let rows = 0;
  let resets = 0;
  for (let guard = 0; guard < MAX_PAGES; guard++) {
    const sentAt = opts.now();
    const result = await api.central.pull({ stream, cursor, limit: opts.limit ?? DEFAULT_PULL_LIMIT });
    const receivedAt = opts.now();
    if (!result.ok)
      return { ok: false, kind: 'network', error: result.error, message: `${stream}: ${result.error.message}` };
    const parsed = pullResponseSchema.safeParse(result.value);
    if (!parsed.success) return { ok: false, kind: 'invalid', message: `${stream}: central sent a malformed page` };
    const page = parsed.data;
    if (page.serverTime) opts.onServerTime?.(page.serverTime, sentAt, receivedAt);
    if ('reset' in page) {
      if (++resets > MAX_RESETS_PER_PULL)
        return { ok: false, kind: 'invalid', message: `${stream}: central keeps asking for a reset` };
      await resetStream(db, stream);
      cursor = '0';
      continue;
    }
    try {
      await applyPullPage(
        db,
        stream,
        page.rows,
        page.cursor,
        new Date(receivedAt).toISOString(),
        page.hasMore ? undefined : countedIds,
      );
    } catch (e) {
      const message =
        e instanceof PullPageError
          ? e.message
          : `${stream}: could not store a page: ${e instanceof Error ? e.message : String(e)}`;
      return { ok: false, kind: 'invalid', message };
    }
    pages++;
    rows += page.rows.length;
    if (!page.hasMore) return { ok: true, pages, rows, resets };
    if (page.cursor === cursor && page.rows.length === 0) {
      return {
        ok: false,
        kind: 'invalid',
        message: `${stream}: central says there is more but the cursor does not move`,
      };
    }
    cursor = page.cursor;
  }
  return { ok: false, kind: 'invalid', message: `${stream}: more than ${MAX_PAGES} pages in one pull` };
}
