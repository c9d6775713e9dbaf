/**
 * Under-production analysis (clause 4.11, ARCHITECTURE 6): every missing unit gets one cause, so
 * the causes add up EXACTLY to the shortfall. Read-only over output_ledger (through the daily
 * report), the T+2 plan, the `events` table (disruptions, downtime) and the plant master data.
 *
 * Per production day, per daily-report row (line, work order), with planned > good:
 *   remaining = shortfall = max(0, planned - good)                    (integers throughout)
 *   1. quality:     min(remaining, scrap of that row that day).
 *   2. disruptions: each `disruption.reported` of that day on the row's line (and, when it names
 *      one, that work order), in arrival order (server_seq). Its pool is estimatedLossQty; without
 *      one, estimatedMinutes converted to units like downtime (step 3). The pool is spent on the
 *      line's rows in report order, each row taking at most its remaining. Causes map one to one,
 *      except 'labor' which is reported as 'labour'.
 *   3. equipment:   downtime on the equipment of the row's line (downtime.started .. ended, clipped
 *      to the production day and to `now`; overlapping intervals of one line count once; a
 *      `started` is looked for up to 31 days before the period). The line's downtime milliseconds
 *      are a pool spent on its rows in report order: with the routing step's
 *      standardMinutesPerPiece known, units = floor(ms / msPerPiece) (msPerPiece rounded to a whole
 *      ms, at least 1) and the row consumes units * msPerPiece; otherwise, proportionally,
 *      units = floor(planned * ms / dayMs) and the row consumes ceil(units * dayMs / planned).
 *   4. unexplained: whatever remains.
 * Flooring only ever moves units towards 'unexplained', never past the shortfall.
 * `events` counts the source events that explained at least one unit: output records with scrap
 * (all of a row's scrap records once quality took something from it), disruption reports, and
 * downtime intervals (by downtimeId). 'unexplained' has no source events: 0.
 */
import { and, gte, inArray, lt } from 'drizzle-orm';
import { addDays, productionDay } from '../../shared/production-day';
import type { EventPayload } from '../../shared/sync/events';
import { events } from '../db/schema';
import type { Db } from '../db/connect';
import { getPlantSettings, type ProductRow } from '../db/master';
import { listStreamRows } from '../sync/changes';
import { dailyDetail, type DailyDetail, type DailyDetailRow } from './daily';
import { datesBetween, dayBounds } from './period';

export const shortfallCauses = ['supply', 'labour', 'equipment', 'quality', 'other', 'unexplained'] as const;
export type ShortfallCause = (typeof shortfallCauses)[number];
export interface CauseTotal {
  cause: ShortfallCause;
  lostQty: number;
  events: number;
}
export interface ShortfallReport {
  from: string;
  to: string;
  shortfall: number;
  causes: CauseTotal[];
}

export const MAX_REPORT_DAYS = 366;
const DOWNTIME_LOOKBACK_DAYS = 31;
const disruptionCause: Record<EventPayload<'disruption.reported'>['cause'], ShortfallCause> = {
  supply: 'supply',
  labor: 'labour',
  equipment: 'equipment',
  quality: 'quality',
  other: 'other',
};

interface Interval {
  id: string;
  lineId: string;
  start: number;
  end: number | null;
}
interface Disruption {
  id: string;
  day: string;
  seq: number;
  p: EventPayload<'disruption.reported'>;
}

/** Converts a time pool (ms) into units of one row, and back. */
type Rate = { kind: 'step'; msPerPiece: number } | { kind: 'proportional'; planned: number; dayMs: number };
const unitsIn = (rate: Rate, ms: number) =>
  rate.kind === 'step' ? Math.floor(ms / rate.msPerPiece) : rate.planned > 0 ? Math.floor((rate.planned * ms) / rate.dayMs) : 0;
const msFor = (rate: Rate, units: number) =>
  rate.kind === 'step' ? units * rate.msPerPiece : Math.ceil((units * rate.dayMs) / rate.planned);

/** Length of the union of [start, end) intervals clipped to [from, to). */
function unionMs(intervals: { start: number; end: number }[], from: number, to: number): number {
  const clipped = intervals
    .map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const i of clipped) {
    if (i.start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = i.start;
      curEnd = i.end;
    } else curEnd = Math.max(curEnd, i.end);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

export async function shortfallReport(db: Db, from: string, to: string, now: Date, workshop?: string): Promise<ShortfallReport> {
  const details: DailyDetail[] = [];
  for (const day of datesBetween(from, to)) details.push(await dailyDetail(db, day, workshop));
  return attributeShortfall(db, from, to, now, details);
}

/** The attribution over already computed daily details (one per day from `from` to `to`). */
export async function attributeShortfall(db: Db, from: string, to: string, now: Date, details: DailyDetail[]): Promise<ShortfallReport> {
  const settings = await getPlantSettings(db);
  const periodStart = dayBounds(from, settings.timezone, settings.dayStartsAt).start;
  const periodEnd = dayBounds(to, settings.timezone, settings.dayStartsAt).end;
  const lookback = dayBounds(addDays(from, -DOWNTIME_LOOKBACK_DAYS), settings.timezone, settings.dayStartsAt).start;

  const sourceEvents = await db
    .select({ type: events.type, payload: events.payload, at: events.occurredAtCorrected, seq: events.serverSeq })
    .from(events)
    .where(
      and(
        inArray(events.type, ['disruption.reported', 'downtime.started', 'downtime.ended']),
        gte(events.occurredAtCorrected, lookback),
        lt(events.occurredAtCorrected, periodEnd),
      ),
    )
    .orderBy(events.serverSeq);

  const equipmentLine = new Map(
    (await listStreamRows(db, 'plant', 'equipment')).map((e) => [e.id, (e as { lineId: string }).lineId]),
  );
  const stepMinutes = new Map<string, number>();
  for (const p of (await listStreamRows(db, 'catalog', 'product')) as ProductRow[]) {
    for (const s of p.routing) if (s.standardMinutesPerPiece) stepMinutes.set(`${p.id}\u0000${s.operation}`, s.standardMinutesPerPiece);
  }

  const disruptions: Disruption[] = [];
  const intervals = new Map<string, Interval>();
  for (const e of sourceEvents) {
    if (e.type === 'disruption.reported') {
      if (e.at < periodStart) continue;
      const p = e.payload as EventPayload<'disruption.reported'>;
      disruptions.push({ id: p.disruptionId, day: productionDay(e.at, settings.timezone, settings.dayStartsAt), seq: e.seq, p });
      continue;
    }
    const p = e.payload as EventPayload<'downtime.started'>;
    const lineId = equipmentLine.get(p.equipmentId);
    if (!lineId) continue;
    const known = intervals.get(p.downtimeId);
    if (e.type === 'downtime.started') {
      if (!known) intervals.set(p.downtimeId, { id: p.downtimeId, lineId, start: e.at.getTime(), end: null });
      else if (e.at.getTime() < known.start) known.start = e.at.getTime();
    } else if (known && (known.end === null || e.at.getTime() > known.end)) known.end = Math.max(known.start, e.at.getTime());
  }
  const nowMs = now.getTime();

  const lost = new Map<ShortfallCause, number>(shortfallCauses.map((c) => [c, 0]));
  const contributors = new Map<ShortfallCause, Set<string>>(shortfallCauses.map((c) => [c, new Set<string>()]));
  let qualityEvents = 0;
  let shortfall = 0;
  const give = (cause: ShortfallCause, qty: number, source: string | null) => {
    if (qty <= 0) return;
    lost.set(cause, (lost.get(cause) ?? 0) + qty);
    if (source) contributors.get(cause)?.add(source);
  };

  for (const report of details) {
    const day = report.date;
    const { start, end } = dayBounds(day, settings.timezone, settings.dayStartsAt);
    const dayMs = end.getTime() - start.getTime();
    const rows = report.rows.filter((r) => r.shortfall > 0);
    if (rows.length === 0) continue;
    const remaining = new Map<DailyDetailRow, number>(rows.map((r) => [r, r.shortfall]));
    const rateOf = (r: DailyDetailRow): Rate => {
      const minutes = stepMinutes.get(`${r.product}\u0000${r.operation}`);
      return minutes ? { kind: 'step', msPerPiece: Math.max(1, Math.round(minutes * 60_000)) } : { kind: 'proportional', planned: r.planned, dayMs };
    };
    const takeFromTime = (r: DailyDetailRow, ms: number): { units: number; ms: number } => {
      const rate = rateOf(r);
      const units = Math.min(remaining.get(r) ?? 0, unitsIn(rate, ms));
      return { units, ms: units > 0 ? Math.min(ms, msFor(rate, units)) : 0 };
    };

    for (const r of rows) {
      shortfall += r.shortfall;
      const q = Math.min(r.shortfall, r.scrap);
      if (q > 0) {
        give('quality', q, null);
        qualityEvents += r.scrapEvents;
        remaining.set(r, r.shortfall - q);
      }
    }

    for (const d of disruptions) {
      if (d.day !== day) continue;
      const cause = disruptionCause[d.p.cause];
      const targets = rows.filter((r) => r.line === d.p.lineId && (d.p.workOrderId === undefined || r.workOrderId === d.p.workOrderId));
      let qtyLeft = d.p.estimatedLossQty;
      let msLeft = qtyLeft === undefined ? (d.p.estimatedMinutes ?? 0) * 60_000 : 0;
      for (const r of targets) {
        const left = remaining.get(r) ?? 0;
        if (left === 0) continue;
        let take: number;
        if (qtyLeft !== undefined) {
          take = Math.min(left, qtyLeft);
          qtyLeft -= take;
        } else {
          const t = takeFromTime(r, msLeft);
          take = t.units;
          msLeft -= t.ms;
        }
        remaining.set(r, left - take);
        give(cause, take, `disruption:${d.id}:${d.seq}`);
      }
    }

    const lines = [...new Set(rows.map((r) => r.line))];
    for (const lineId of lines) {
      const onLine = [...intervals.values()].filter((i) => i.lineId === lineId);
      const spans = onLine.map((i) => ({ id: i.id, start: i.start, end: i.end ?? Math.max(i.start, nowMs) }));
      let msLeft = unionMs(spans, start.getTime(), end.getTime());
      if (msLeft <= 0) continue;
      let taken = 0;
      for (const r of rows.filter((x) => x.line === lineId)) {
        if ((remaining.get(r) ?? 0) === 0) continue;
        const t = takeFromTime(r, msLeft);
        if (t.units === 0) continue;
        remaining.set(r, (remaining.get(r) ?? 0) - t.units);
        msLeft -= t.ms;
        taken += t.units;
      }
      if (taken > 0) {
        give('equipment', taken, null);
        for (const s of spans) if (Math.min(s.end, end.getTime()) > Math.max(s.start, start.getTime())) contributors.get('equipment')?.add(`downtime:${s.id}`);
      }
    }

    for (const r of rows) give('unexplained', remaining.get(r) ?? 0, null);
  }

  return {
    from,
    to,
    shortfall,
    causes: shortfallCauses.map((cause) => ({
      cause,
      lostQty: lost.get(cause) ?? 0,
      events: (cause === 'quality' ? qualityEvents : 0) + (contributors.get(cause)?.size ?? 0),
    })),
  };
}
