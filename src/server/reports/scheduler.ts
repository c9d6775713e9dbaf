/**
 * Runs `generateDueReports` when central starts listening and again just after each production
 * day begins (plant time zone + dayStartsAt). A plain timer: the next boundary is recomputed on
 * every run (the plant's settings may change) and a wait never exceeds six hours, so a clock jump
 * or a suspended machine is caught up at the next wake-up. A failed run is retried in 5 minutes.
 */
import { addDays, productionDay } from '../../shared/production-day';
import type { Db } from '../db/connect';
import { getPlantSettings } from '../db/master';
import { generateDueReports } from './archive';
import { dayStart } from './period';

const MAX_WAIT_MS = 6 * 3_600_000;
const RETRY_MS = 5 * 60_000;
/** Run a little after the boundary, so the new day's first instant is certainly past. */
const AFTER_BOUNDARY_MS = 5_000;

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ReportScheduler {
  /** Cancels the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export async function msUntilNextRun(db: Db, now: Date): Promise<number> {
  const s = await getPlantSettings(db);
  const next = dayStart(addDays(productionDay(now, s.timezone, s.dayStartsAt), 1), s.timezone, s.dayStartsAt);
  return Math.min(MAX_WAIT_MS, Math.max(1_000, next.getTime() - now.getTime() + AFTER_BOUNDARY_MS));
}

export function startReportScheduler(db: Db, log: Log, now: () => Date = () => new Date()): ReportScheduler {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run();
    }, ms);
    timer.unref();
  };
  const run = async () => {
    let wait = RETRY_MS;
    try {
      const { generated } = await generateDueReports(db, now());
      if (generated.length > 0) log.info({ generated }, 'daily reports archived');
      wait = await msUntilNextRun(db, now());
    } catch (err) {
      if (stopped) return;
      log.error({ err }, 'report archive generation failed; retrying in 5 minutes');
    }
    schedule(wait);
  };

  running = run();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
