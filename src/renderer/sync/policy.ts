/**
 * The sync engine's policy, as constants and pure functions: timings, backoff with jitter, which
 * failures mean central was not reached, central's Retry-After, and the clock offset estimate.
 */
import type { AppError } from '../../shared/result';
import type { StreamName } from '../../shared/sync/streams';

export const PUSH_DEBOUNCE_MS = 100;
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_CAP_MS = 60_000;
export const PULL_INTERVAL_MS = 30_000;
export const WATCHDOG_AFTER_MS = 2 * BACKOFF_CAP_MS;
export const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;
/** Reconcile runs once a day (and whenever a person asks for "sync now"). */
export const RECONCILE_EVERY_MS = 24 * 60 * 60 * 1000;
export const SYNC_LOCK_NAME = 'takt-sync';
export const STREAMS_AFTER_PUSH: readonly StreamName[] = ['work-orders', 'notices', 'plans'];
/** Beyond this the device clock is treated as stepped: the new sample replaces the smoothed offset. */
export const CLOCK_STEP_MS = 60_000;
export const CLOCK_SMOOTHING = 0.2;
/**
 * While a drain runs, the queue counts are updated from each push result and counted exactly at
 * most this often: counting a state in IndexedDB reads every row of it (100,000 waiting records
 * after a week offline), which per batch would cost more than the push itself.
 */
export const RECOUNT_EVERY_MS = 5000;
/** Batches one cycle may push before it lets the next cycle continue (bounded loop). */
export const MAX_BATCHES_PER_CYCLE = 2000;

/** Full-jitter exponential backoff: uniform in [0, min(cap, base * 2^attempt)). `attempt` starts at 0. */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 30));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}

/** Error codes that mean central was not reached at all (as opposed to answering with a refusal). */
const unreachableCodes = new Set<AppError['code']>(['offline', 'timeout', 'not-configured', 'internal']);
export function isReachable(error: AppError): boolean {
  return !unreachableCodes.has(error.code);
}

export interface Failure {
  message: string;
  reachable: boolean;
  /** Central asked for this pause (Retry-After on 429/503): the next retry waits at least this long. */
  retryAfterMs?: number;
}

/** Longest Retry-After honoured: a wrong header must not park the outbox for hours. */
export const RETRY_AFTER_CAP_MS = 5 * 60_000;

/** The Retry-After central sent with a refusal, if any (the main process copies it onto the error). */
export function retryAfterOf(error: AppError): number | undefined {
  const value = (error as AppError & { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, RETRY_AFTER_CAP_MS) : undefined;
}

export function failureOf(error: AppError): Failure {
  const retryAfterMs = retryAfterOf(error);
  return { message: error.message, reachable: isReachable(error), ...(retryAfterMs ? { retryAfterMs } : {}) };
}

export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The next clock offset estimate from a sample (central's time minus the request's midpoint):
 * smoothed while the device clock drifts, replaced at once when the clock was stepped.
 */
export function nextClockOffset(previous: number | null, sample: number): number {
  return previous === null || Math.abs(sample - previous) > CLOCK_STEP_MS ? sample : previous + CLOCK_SMOOTHING * (sample - previous);
}
