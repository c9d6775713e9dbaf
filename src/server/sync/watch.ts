/**
 * Change notices for terminals (GET /sync/v1/wait): a long poll that answers as soon as a
 * server-owned stream has rows newer than the change clock the terminal last saw, so a revision,
 * a disruption from another terminal or a central that came back reaches the terminal in well
 * under a second instead of at the next 30 s pull.
 *
 * One timer per central process reads the committed clock while anyone waits (one tiny query per
 * tick however many terminals wait). It keeps nothing a second process would need: the clock is
 * in the database, so any central process behind the same PostgreSQL can answer any terminal.
 */
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { WaitResponse } from '../../shared/sync/protocol';
import { streamNames, type StreamName } from '../../shared/sync/streams';
import type { Db } from '../db/connect';
import { changeLog, syncClock } from '../db/schema';

export const WATCH_TICK_MS = 250;

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

export interface ChangeWatcher {
  /** Resolves when a stream changed after `after`, or after `waitMs` with no streams. */
  wait(after: number, waitMs: number, signal?: AbortSignal): Promise<WaitResponse>;
  /** Answers every open wait at once (central is shutting down). */
  close(): void;
  /** Open waits (for tests and logs). */
  readonly waiting: number;
}

interface Waiter {
  after: number;
  resolve(r: WaitResponse): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export function createChangeWatcher(db: Db, now: () => Date, tickMs = WATCH_TICK_MS): ChangeWatcher {
  const waiters = new Set<Waiter>();
  let tickTimer: ReturnType<typeof setTimeout> | undefined;
  let lastClock = 0;
  let closed = false;

  async function readClock(): Promise<number> {
    const [row] = await db.select({ v: syncClock.v }).from(syncClock).where(eq(syncClock.id, 1));
    return Number(row?.v ?? 0);
  }

  async function changedStreams(after: number): Promise<StreamName[]> {
    const rows = await db
      .selectDistinct({ stream: changeLog.stream })
      .from(changeLog)
      .where(and(inArray(changeLog.stream, [...streamNames]), gt(changeLog.version, after)));
    const found = new Set(rows.map((r) => r.stream));
    return streamNames.filter((s) => found.has(s));
  }

  function answer(w: Waiter, streams: StreamName[]): void {
    if (!waiters.has(w)) return;
    if (w.timer !== undefined) clearTimeout(w.timer);
    waiters.delete(w);
    w.resolve({ serverTime: now().toISOString(), clock: String(lastClock), streams });
  }

  /** Answers those of the given waiters whose streams changed, against the committed clock. */
  async function check(list: Waiter[]): Promise<void> {
    const clock = await readClock();
    lastClock = clock;
    const byAfter = new Map<number, StreamName[]>();
    for (const w of list) {
      if (!waiters.has(w)) continue;
      // A clock below what the terminal saw: central was restored from a backup. Pull everything.
      if (w.after > clock) {
        answer(w, [...streamNames]);
        continue;
      }
      if (clock === w.after) continue;
      let streams = byAfter.get(w.after);
      if (!streams) {
        streams = await changedStreams(w.after);
        byAfter.set(w.after, streams);
      }
      if (!waiters.has(w)) continue;
      // The clock also moves for writes that change no stream (events only): keep waiting from there.
      if (streams.length === 0) w.after = clock;
      else answer(w, streams);
    }
  }

  function schedule(): void {
    if (tickTimer !== undefined || closed || waiters.size === 0) return;
    tickTimer = setTimeout(() => {
      tickTimer = undefined;
      check([...waiters])
        .catch((e: unknown) => {
          for (const w of [...waiters]) {
            if (w.timer !== undefined) clearTimeout(w.timer);
            waiters.delete(w);
            w.reject(asError(e));
          }
        })
        .finally(schedule);
    }, tickMs);
  }

  function wait(after: number, waitMs: number, signal?: AbortSignal): Promise<WaitResponse> {
    return new Promise<WaitResponse>((resolve, reject) => {
      const w: Waiter = { after, resolve, reject, timer: undefined };
      waiters.add(w);
      signal?.addEventListener('abort', () => answer(w, []), { once: true });
      // The first look is immediate: a terminal that is behind hears it at once, and a first call
      // (or waitMs 0) learns the clock before it is answered.
      check([w]).then(
        () => {
          if (!waiters.has(w)) return;
          if (closed || waitMs === 0 || signal?.aborted) return answer(w, []);
          w.timer = setTimeout(() => answer(w, []), waitMs);
          schedule();
        },
        (e: unknown) => {
          waiters.delete(w);
          reject(asError(e));
        },
      );
    });
  }

  function close(): void {
    closed = true;
    if (tickTimer !== undefined) clearTimeout(tickTimer);
    tickTimer = undefined;
    for (const w of [...waiters]) answer(w, []);
  }

  return {
    wait,
    close,
    get waiting() {
      return waiters.size;
    },
  };
}
