/**
 * When an inspection is owed: the first article (4.3: a new work order, after a setup or tooling
 * change, after a stop longer than the plant's limit), patrols (every N pieces or M minutes) and
 * the final inspection's sample size for a lot (4.10).
 */

export interface SamplingRow {
  maxLotSize: number;
  sampleSize: number;
}

export type FinalSample = { ok: true; sampleSize: number } | { ok: false; reason: 'no-plan' | 'lot-too-large' | 'empty-lot' };

/** The first row whose maxLotSize ≥ the lot size applies; never more pieces than the lot has. */
export function finalSampleSize(sampling: readonly SamplingRow[] | undefined, lotSize: number): FinalSample {
  if (!sampling || sampling.length === 0) return { ok: false, reason: 'no-plan' };
  if (lotSize <= 0) return { ok: false, reason: 'empty-lot' };
  const row = [...sampling].sort((a, b) => a.maxLotSize - b.maxLotSize).find((r) => r.maxLotSize >= lotSize);
  if (!row) return { ok: false, reason: 'lot-too-large' };
  return { ok: true, sampleSize: Math.min(row.sampleSize, lotSize) };
}

export interface Stop {
  /** ISO instants; `to` null while the stop lasts. */
  from: string;
  to: string | null;
}

export interface FirstArticleInput {
  /** When the latest first article that passed (and was signed by an inspector) was recorded. */
  passedAt: string | null;
  /** Setup or tooling changes on the operation (ISO instants). */
  setupChanges: readonly string[];
  stops: readonly Stop[];
  stopLimitMinutes: number;
  now: string;
}

export type FirstArticleReason = 'new-work-order' | 'setup-change' | 'long-stop';
export type FirstArticleStatus = { required: false } | { required: true; reason: FirstArticleReason; since: string | null };

export function firstArticleStatus(input: FirstArticleInput): FirstArticleStatus {
  if (!input.passedAt) return { required: true, reason: 'new-work-order', since: null };
  const passed = Date.parse(input.passedAt);
  const setup = input.setupChanges.filter((t) => Date.parse(t) > passed).sort()[0];
  if (setup) return { required: true, reason: 'setup-change', since: setup };
  const limitMs = input.stopLimitMinutes * 60_000;
  const now = Date.parse(input.now);
  // A stop that ended (or is still going) after the pass and lasted longer than the limit.
  const long = input.stops.find((s) => {
    const end = s.to ? Date.parse(s.to) : now;
    return end > passed && end - Math.max(Date.parse(s.from), passed) > limitMs;
  });
  if (long) return { required: true, reason: 'long-stop', since: long.from };
  return { required: false };
}

export interface PatrolInput {
  everyPieces?: number | undefined;
  everyMinutes?: number | undefined;
  /** Last patrol (or first article) on the work order; null when none yet. */
  lastAt: string | null;
  piecesSinceLast: number;
  now: string;
}

export interface PatrolStatus {
  due: boolean;
  byCount: boolean;
  byTime: boolean;
  piecesLeft: number | null;
  minutesLeft: number | null;
}

export function patrolStatus(p: PatrolInput): PatrolStatus {
  const piecesLeft = p.everyPieces ? p.everyPieces - p.piecesSinceLast : null;
  const minutesLeft =
    p.everyMinutes && p.lastAt ? Math.ceil(p.everyMinutes - (Date.parse(p.now) - Date.parse(p.lastAt)) / 60_000) : null;
  const byCount = piecesLeft !== null && piecesLeft <= 0;
  const byTime = minutesLeft !== null && minutesLeft <= 0;
  return { due: byCount || byTime, byCount, byTime, piecesLeft, minutesLeft };
}
