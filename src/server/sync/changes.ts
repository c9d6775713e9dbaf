/**
 * The downstream change log (table `change_log`): one row per (stream, key) holding the latest
 * version, op and row. Every writing transaction goes through `withWrite`, which first locks the
 * single `sync_clock` row; versions are handed out under that lock, so they become visible in
 * the order they were numbered and a pull cursor never skips a row that commits late.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowKey, rowSchemas, type StreamName, type StreamRow } from '../../shared/sync/streams';
import { changeLog } from '../db/schema';
import { rowsOf, type Db, type Queryable, type Tx } from '../db/connect';

interface Pending {
  stream: StreamName;
  key: string;
  op: 'put' | 'del';
  row: unknown;
}

export class ChangeSet {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly tx: Tx,
    private clock: number,
  ) {}

  /** Validates the row against the stream's contract (a bad row is a bug: it throws). */
  put<S extends StreamName>(stream: S, row: StreamRow<S>): void {
    const parsed = rowSchemas[stream].parse(row) as { type: string; id: string };
    const key = rowKey(parsed);
    this.pending.set(`${stream}\u0000${key}`, { stream, key, op: 'put', row: parsed });
  }

  del(stream: StreamName, key: string): void {
    this.pending.set(`${stream}\u0000${key}`, { stream, key, op: 'del', row: null });
  }

  /** The row as this transaction will leave it (pending first, then stored). */
  async get<S extends StreamName>(stream: S, key: string): Promise<StreamRow<S> | null> {
    const p = this.pending.get(`${stream}\u0000${key}`);
    if (p) return p.op === 'put' ? (p.row as StreamRow<S>) : null;
    return getStreamRow(this.tx, stream, key);
  }

  /** Writes the changed rows with fresh versions; unchanged rows keep their version. */
  async flush(): Promise<number> {
    const byStream = new Map<StreamName, Pending[]>();
    for (const p of this.pending.values()) byStream.set(p.stream, [...(byStream.get(p.stream) ?? []), p]);
    this.pending.clear();
    let written = 0;
    for (const [stream, items] of byStream) {
      for (let i = 0; i < items.length; i += 500) {
        const chunk = items.slice(i, i + 500);
        const existing = await this.tx
          .select({ key: changeLog.key, op: changeLog.op, row: changeLog.row })
          .from(changeLog)
          .where(and(eq(changeLog.stream, stream), inArray(changeLog.key, chunk.map((c) => c.key))));
        const current = new Map(existing.map((e) => [e.key, e]));
        const changed = chunk.filter((c) => {
          const old = current.get(c.key);
          if (!old) return c.op === 'put';
          return old.op !== c.op || (c.op === 'put' && canonical(old.row) !== canonical(c.row));
        });
        if (changed.length === 0) continue;
        await this.tx
          .insert(changeLog)
          .values(changed.map((c) => ({ stream, key: c.key, op: c.op, row: c.row, version: ++this.clock })))
          .onConflictDoUpdate({
            target: [changeLog.stream, changeLog.key],
            set: { version: sql`excluded.version`, op: sql`excluded.op`, row: sql`excluded.row` },
          });
        written += changed.length;
      }
    }
    if (written > 0) await this.tx.execute(sql`UPDATE sync_clock SET v = ${this.clock} WHERE id = 1`);
    return written;
  }
}

/** Runs `fn` in one transaction holding the writer clock; stream changes commit with it. */
export async function withWrite<T>(db: Db, fn: (tx: Tx, changes: ChangeSet) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const [clock] = rowsOf<{ v: string | number }>(await tx.execute(sql`SELECT v FROM sync_clock WHERE id = 1 FOR UPDATE`));
    if (!clock) throw new Error('sync_clock row missing: migrations did not run');
    const changes = new ChangeSet(tx, Number(clock.v));
    const result = await fn(tx, changes);
    await changes.flush();
    return result;
  });
}

export async function getStreamRow<S extends StreamName>(q: Queryable, stream: S, key: string): Promise<StreamRow<S> | null> {
  const [found] = await q
    .select({ op: changeLog.op, row: changeLog.row })
    .from(changeLog)
    .where(and(eq(changeLog.stream, stream), eq(changeLog.key, key)));
  return found && found.op === 'put' ? (found.row as StreamRow<S>) : null;
}

/** Every live row of one type in a stream (master-data lookups; streams are small). */
export async function listStreamRows<S extends StreamName>(q: Queryable, stream: S, type: string): Promise<StreamRow<S>[]> {
  const found = await q
    .select({ row: changeLog.row })
    .from(changeLog)
    .where(and(eq(changeLog.stream, stream), eq(changeLog.op, 'put'), sql`${changeLog.row}->>'type' = ${type}`));
  return found.map((f) => f.row as StreamRow<S>);
}

/** JSON with sorted keys and without undefined members, to compare a row with its stored copy. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
