/**
 * The genealogy walk: a recursive CTE over `trace_edges` from one or more seed lots, backward
 * (to the lots that went into them) or forward (to the lots made from them). Returns one row per
 * path, so a lot used twice shows in both places of the tree; cycles (bad data) are cut by the
 * path check, and depth and size are capped so a pathological graph cannot take central down.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../db/connect';
import type { TraceDirection } from '../../shared/trace/types';

export const MAX_DEPTH = 40;
export const MAX_ROWS = 5000;

export interface WalkRow {
  /** Ids from the seed to this lot, seed first. */
  path: string[];
  lotId: string;
  depth: number;
}

const ids = (list: readonly string[]) => sql.join(list.map((id) => sql`${id}::text`), sql`, `);

export async function walkGenealogy(q: Queryable, seeds: readonly string[], direction: TraceDirection): Promise<WalkRow[]> {
  if (seeds.length === 0) return [];
  const step =
    direction === 'backward'
      ? sql`SELECT w.path || e.parent_lot_id, e.parent_lot_id, w.depth + 1
            FROM walk w JOIN trace_edges e ON e.child_lot_id = w.lot_id
            WHERE w.depth < ${MAX_DEPTH} AND NOT (e.parent_lot_id = ANY (w.path))`
      : sql`SELECT w.path || e.child_lot_id, e.child_lot_id, w.depth + 1
            FROM walk w JOIN trace_edges e ON e.parent_lot_id = w.lot_id
            WHERE w.depth < ${MAX_DEPTH} AND NOT (e.child_lot_id = ANY (w.path))`;
  const rows = rowsOf<{ path: string[] | string; lot_id: string; depth: number }>(
    await q.execute(sql`
      WITH RECURSIVE walk(path, lot_id, depth) AS (
        SELECT ARRAY[s], s, 0 FROM unnest(ARRAY[${ids(seeds)}]) AS s
        UNION ALL
        ${step}
      )
      SELECT path, lot_id, depth FROM walk ORDER BY depth LIMIT ${MAX_ROWS}`),
  );
  return rows.map((r) => ({ path: parseArray(r.path), lotId: r.lot_id, depth: Number(r.depth) }));
}

/** node-postgres gives text[] as an array; be lenient with the `{a,b}` literal too. */
function parseArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  return v
    .replace(/^\{|\}$/g, '')
    .split(',')
    .map((s) => s.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1'))
    .filter((s) => s.length > 0);
}
