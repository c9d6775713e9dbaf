/**
 * The last copy of each central report this terminal fetched (`reportCache` table), so a
 * supervisor still sees yesterday's report when central is out of reach, marked with when it was
 * fetched. Bounded: the oldest copies beyond MAX_CACHED_REPORTS are dropped on every write.
 */
import type { CachedReport, TaktDb } from '../db';

export const MAX_CACHED_REPORTS = 200;

export function getCachedReport(db: TaktDb, path: string): Promise<CachedReport | undefined> {
  return db.reportCache.get(path);
}

export async function putCachedReport(db: TaktDb, path: string, json: unknown, fetchedAt: string): Promise<void> {
  await db.transaction('rw', db.reportCache, async () => {
    await db.reportCache.put({ path, json, fetchedAt });
    const count = await db.reportCache.count();
    if (count > MAX_CACHED_REPORTS) {
      const oldest = await db.reportCache.orderBy('fetchedAt').limit(count - MAX_CACHED_REPORTS).primaryKeys();
      await db.reportCache.bulkDelete(oldest);
    }
  });
}
