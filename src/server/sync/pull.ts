/**
 * Pull and reconcile. Pull reads the `change_log` of one stream after a cursor (the version of
 * the last row the terminal applied). Reconcile compares a terminal's seq ranges with what
 * `events` and `rejected_events` hold for its epoch.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { PullResponse, ReconcileRequest, ReconcileResponse } from '../../shared/sync/protocol';
import type { StreamName } from '../../shared/sync/streams';
import { changeLog, syncClock } from '../db/schema';
import { rowsOf, type Db } from '../db/connect';

export async function pullStream(db: Db, stream: StreamName, cursor: string, limit: number, now: Date): Promise<PullResponse> {
  const serverTime = now.toISOString();
  if (!/^\d{1,15}$/.test(cursor)) return { reset: true, serverTime };
  const after = Number(cursor);
  const [clock] = await db.select({ v: syncClock.v }).from(syncClock).where(eq(syncClock.id, 1));
  if (after > (clock?.v ?? 0)) return { reset: true, serverTime };
  // Versions are assigned under the writer clock lock, so every row above `after` that commits
  // later has a version above anything this read can return: the cursor cannot skip it.
  const found = await db
    .select({ key: changeLog.key, op: changeLog.op, row: changeLog.row, version: changeLog.version })
    .from(changeLog)
    .where(and(eq(changeLog.stream, stream), gt(changeLog.version, after)))
    .orderBy(asc(changeLog.version))
    .limit(limit + 1);
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({ op: r.op, key: r.key, row: r.op === 'put' ? r.row : null })),
    cursor: last ? String(last.version) : String(after),
    hasMore: found.length > limit,
    serverTime,
  };
}

export function rangeHash(ids: string[]): string {
  return createHash('sha256').update([...ids].sort().join('\n')).digest('hex');
}

export async function reconcile(db: Db, terminalId: string, req: ReconcileRequest, now: Date): Promise<ReconcileResponse> {
  const missing: ReconcileResponse['missing'] = [];
  for (const range of req.ranges) {
    const ids = rowsOf<{ id: string }>(
      await db.execute(sql`
        SELECT id FROM events WHERE terminal_id = ${terminalId} AND epoch = ${req.epoch} AND seq BETWEEN ${range.fromSeq} AND ${range.toSeq}
        UNION
        SELECT id FROM rejected_events WHERE terminal_id = ${terminalId} AND epoch = ${req.epoch} AND seq BETWEEN ${range.fromSeq} AND ${range.toSeq}`),
    ).map((r) => r.id);
    if (ids.length !== range.count || rangeHash(ids) !== range.hash.toLowerCase()) {
      missing.push({ fromSeq: range.fromSeq, toSeq: range.toSeq });
    }
  }
  return { serverTime: now.toISOString(), missing };
}
