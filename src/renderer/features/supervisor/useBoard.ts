/**
 * The supervisor board's data: separate live reads (plan, plant, work orders' output of today,
 * this terminal's output of today not yet in it, notices, acknowledgements) so a new output record re-runs only the small progress read,
 * then memoised pure steps (shared/supervision/board.ts): the plan index is built once per plan
 * read and the board once per set of inputs, both kept across visits, and unchanged lines keep
 * their objects so only the line that moved re-renders.
 * Each read's last result is kept per database (`lastReads`) and shown at once when the board is
 * opened again; the live queries refresh it after that first frame: navigating back waits
 * neither for IndexedDB nor for the model.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import {
  buildBoard,
  dayElapsedShare,
  indexPlan,
  reuseUnchanged,
  type BoardPlanLine,
  type BoardWorkshop,
  type PlanIndex,
} from '../../../shared/supervision/board';
import { useServices } from '../../app/services';
import type { TaktDb } from '../../data/db';
import { useNow, usePlanCalendar, useSettings } from '../../data/hooks';
import { defaultPlantTime } from '../../data/repositories/plant';
import { pendingOutput } from '../../data/repositories/outbox';
import type { ProductionDays } from '../../data/repositories/work-orders';
import { readAcks, readNotices, readOperatorNames, readPlanLines, readPlant, readSeenNotices, readTotals } from './supervision-repo';

export interface BoardData {
  /** T, T+1, T+2; the same array while the dates stay the same (memoised rows compare it). */
  days: ProductionDays;
  workshops: BoardWorkshop[];
  operatorNames: Map<string, string>;
  timezone: string;
}

const EMPTY_IDS: string[] = [];
const lastReads = new WeakMap<TaktDb, Map<string, unknown>>();

/** The plan index and today's work orders, once per plan read (not once per mount). */
interface IndexedPlan {
  index: PlanIndex;
  todayIds: string[];
}
const planIndexes = new WeakMap<readonly BoardPlanLine[], IndexedPlan>();
function indexedPlan(days: ProductionDays, planLines: readonly BoardPlanLine[]): IndexedPlan {
  const hit = planIndexes.get(planLines);
  if (hit && hit.index.days.every((d, i) => d === days[i])) return hit;
  const index = indexPlan(days, planLines);
  const todayIds = [...index.lines.values()].flatMap((l) => [...l.today.keys()]).sort();
  const entry = { index, todayIds };
  planIndexes.set(planLines, entry);
  return entry;
}

/**
 * The last board built per database with the inputs it was built from: opened again on the same
 * reads it is reused whole, and a rebuild keeps the objects of unchanged lines (see reuseUnchanged).
 */
interface BuiltBoard {
  inputs: readonly unknown[];
  workshops: BoardWorkshop[];
}
const lastBoard = new WeakMap<TaktDb, BuiltBoard>();

/** False until the first frame after mount has been painted. */
function usePainted(): boolean {
  const [isPainted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      timer = setTimeout(() => setPainted(true), 0);
    };
    // jsdom (tests) has no animation frames.
    let frame = 0;
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(done);
    else done();
    return () => {
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return isPainted;
}

/**
 * useLiveQuery that starts from the last result read under the same key (stale for one read at
 * most). With such a result the read itself waits until the board has been painted: reading and
 * deserialising thousands of plan rows and work orders would otherwise hold up the first frame
 * for a refresh that rarely changes anything.
 */
function useCachedLiveQuery<T>(db: TaktDb, key: string, query: () => Promise<T>, deps: unknown[], isPainted: boolean): T | undefined {
  let cache = lastReads.get(db);
  if (!cache) {
    cache = new Map();
    lastReads.set(db, cache);
  }
  const store = cache;
  const cached = store.get(key) as T | undefined;
  // Decided once per mount, so a first read that fills the cache does not re-subscribe.
  const [isDeferred] = useState(() => store.has(key));
  const isLive = isPainted || !isDeferred;
  const value = useLiveQuery(
    async () => {
      if (!isLive) return cached;
      const v = await query();
      store.set(key, v);
      return v;
    },
    [...deps, isLive],
    cached,
  );
  return value;
}

export function useBoard(): BoardData | undefined {
  const { db } = useServices();
  const cal = usePlanCalendar();
  const settings = useSettings();
  const now = useNow();
  const isPainted = usePainted();
  const timezone = settings?.timezone ?? defaultPlantTime.timezone;
  // The calendar object changes when the plant settings arrive (shifts), its dates do not: keep
  // one days array per dates so the reads are not re-subscribed and memoised rows do not re-render.
  const [d0, d1, d2] = cal.days;
  const days = useMemo((): ProductionDays => [d0, d1, d2], [d0, d1, d2]);
  const daysKey = days.join('|');
  const planLines = useCachedLiveQuery(db, `plan:${daysKey}`, () => readPlanLines(db, days), [db, days], isPainted);
  const plan = useMemo(() => (planLines ? indexedPlan(days, planLines) : undefined), [planLines, days]);
  const index = plan?.index;
  const todayIds = plan?.todayIds ?? EMPTY_IDS;
  const todayKey = todayIds.join('\n');
  // Keyed by content: a new array with the same ids must not re-read.
  const totals = useCachedLiveQuery(db, `totals:${daysKey}`, () => readTotals(db, todayIds), [db, todayKey], isPainted);
  // Today's output only: central's day figures (readTotals) plus this terminal's records of today
  // that they do not include yet.
  const dayStartsAt = cal.dayStartsAt;
  const pending = useCachedLiveQuery(
    db,
    `pending:${d0}|${timezone}|${dayStartsAt}`,
    () => pendingOutput(db, { date: d0, timezone, dayStartsAt }),
    [db, d0, timezone, dayStartsAt],
    isPainted,
  );
  const plant = useCachedLiveQuery(db, 'plant', () => readPlant(db), [db], isPainted);
  const notices = useCachedLiveQuery(db, 'notices', () => readNotices(db), [db], isPainted);
  const seen = useCachedLiveQuery(db, 'seen', () => readSeenNotices(db), [db], isPainted);
  const acks = useCachedLiveQuery(db, `acks:${daysKey}`, () => readAcks(db, days), [db, days], isPainted);
  const operatorNames = useCachedLiveQuery(db, 'operators', () => readOperatorNames(db), [db], isPainted);
  const dayElapsed = useMemo(() => dayElapsedShare(now, timezone, cal.dayStartsAt), [now, timezone, cal.dayStartsAt]);

  const built = useMemo((): BuiltBoard | undefined => {
    if (!index || !totals || !pending || !plant || !notices || !seen || !acks) return undefined;
    const inputs = [index, totals, pending, plant, notices, seen, acks, dayElapsed];
    const last = lastBoard.get(db);
    if (last && last.inputs.every((x, i) => x === inputs[i])) return last;
    const board = buildBoard({ index, ...plant, totals, pending, notices, acks, seenNoticeKeys: seen, dayElapsed });
    return { inputs, workshops: reuseUnchanged(last?.workshops, board) };
  }, [db, index, totals, pending, plant, notices, seen, acks, dayElapsed]);
  useEffect(() => {
    if (built) lastBoard.set(db, built);
  }, [db, built]);
  const workshops = built?.workshops;
  if (!workshops || !operatorNames) return undefined;
  return { days, workshops, operatorNames, timezone };
}
