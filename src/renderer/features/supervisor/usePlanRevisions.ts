/** Unseen plan revisions of one line for today onwards (the home screen's banner). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { BoardNotice } from '../../../shared/supervision/board';
import { useServices } from '../../app/services';
import type { TaktDb } from '../../data/db';

export async function unseenRevisions(db: TaktDb, lineId: string, today: string): Promise<BoardNotice[]> {
  const [notices, seen] = await Promise.all([db.notices.toArray(), db.seenNotices.toCollection().primaryKeys()]);
  const seenKeys = new Set(seen);
  return notices
    .filter((n) => n.kind === 'plan-revised' && n.lineId === lineId && n.revision && n.revision.date >= today && !seenKeys.has(n.key))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .map((n) => ({ key: n.key, kind: n.kind, lineId: n.lineId, workshopId: n.workshopId, title: n.title, body: n.body, createdAt: n.createdAt, revision: n.revision }));
}

export function usePlanRevisions(lineId: string | null, today: string): BoardNotice[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (lineId ? unseenRevisions(db, lineId, today) : []), [db, lineId, today]);
}
