/**
 * The supervisor's T+2 board as pure arithmetic (clauses 4.1.2 and 4.2.1 b): per workshop and
 * line, the targets of T, T+1 and T+2, today's output (this production day's only, not the work
 * orders' running totals: ./day-output.ts) against today's target, attainment and pace, open
 * disruptions, equipment down, plan revisions, and which plan version of each day has been
 * acknowledged by whom. Two stages so a new output record only redoes the cheap part:
 * `indexPlan` (plan lines -> per-line targets; re-run only when the plan changes) and
 * `buildBoard` (index + progress + notices -> board; linear in lines and today's work orders).
 */
import { localDateTime, parseClock } from '../production-day';
import { outputOnDay, type DayFields } from './day-output';
import type { PlanChange } from './plan-revision';
import type { Notice } from '../domain/orders';

export interface BoardPlanLine {
  date: string;
  workshopId: string;
  lineId: string;
  workOrderId: string;
  plannedQty: number;
  version: number;
}

export interface LinePlan {
  lineId: string;
  workshopId: string;
  /** Day totals for T, T+1, T+2. */
  targets: [number, number, number];
  /** Today's planned quantity per work order. */
  today: Map<string, number>;
}

export interface PlanIndex {
  days: readonly [string, string, string];
  lines: Map<string, LinePlan>;
  /** Plan version in force per `<date>|<workshopId>` (0 when nothing is planned). */
  versions: Map<string, number>;
}

export function indexPlan(days: readonly [string, string, string], planLines: readonly BoardPlanLine[]): PlanIndex {
  const lines = new Map<string, LinePlan>();
  const versions = new Map<string, number>();
  for (const l of planLines) {
    const d = days.indexOf(l.date);
    if (d < 0) continue;
    let lp = lines.get(l.lineId);
    if (!lp) {
      lp = { lineId: l.lineId, workshopId: l.workshopId, targets: [0, 0, 0], today: new Map() };
      lines.set(l.lineId, lp);
    }
    lp.targets[d as 0 | 1 | 2] += l.plannedQty;
    if (d === 0) lp.today.set(l.workOrderId, (lp.today.get(l.workOrderId) ?? 0) + l.plannedQty);
    const vk = `${l.date}|${l.workshopId}`;
    if ((versions.get(vk) ?? 0) < l.version) versions.set(vk, l.version);
  }
  return { days, lines, versions };
}

export interface BoardNotice {
  key: string;
  kind: string;
  lineId?: string | undefined;
  workshopId?: string | undefined;
  title: string;
  body: string;
  createdAt: string;
  resolvedAt?: string | undefined;
  revision?: { date: string; fromVersion: number; toVersion: number; changes: PlanChange[] } | undefined;
  /** Disruptions reported by an up-to-date central carry the report as data (else title/body only). */
  disruption?: Notice['disruption'];
}
export interface BoardEquipment {
  id: string;
  name: string;
  lineId: string;
  status: string;
}
export interface BoardAck {
  planDate: string;
  workshopId: string;
  planVersion: number;
  operatorId: string | null;
  acknowledgedAt: string;
  /** Recorded on this terminal; central has not sent it back yet. */
  isLocal?: boolean | undefined;
}
/** Central's day figures of a work order, as pulled (see ./day-output.ts). */
export type Totals = DayFields;

export interface BoardInput {
  index: PlanIndex;
  workshops: readonly { id: string; name: string }[];
  lines: readonly { id: string; workshopId: string; name: string }[];
  /** Central's pulled day figures per work order; they count only when they are today's (`index.days[0]`). */
  totals: ReadonlyMap<string, Totals>;
  /** This terminal's output of today not yet in those figures (data/repositories/outbox.ts pendingOutput with the day). */
  pending: ReadonlyMap<string, { good: number; scrap: number }>;
  notices: readonly BoardNotice[];
  equipment: readonly BoardEquipment[];
  acks: readonly BoardAck[];
  seenNoticeKeys: ReadonlySet<string>;
  /** Share of today's production day already gone, 0..1 (for the pace). */
  dayElapsed: number;
}

/** done: target reached; on-track: at or above 90 % of the pace; behind: below; idle: nothing planned today. */
export type LineState = 'done' | 'on-track' | 'behind' | 'idle';

export interface BoardLine {
  id: string;
  name: string;
  targets: [number, number, number];
  good: number;
  scrap: number;
  /** good / today's target (null when nothing is planned today); may pass 1. */
  attainment: number | null;
  /** What today's target says should be done by now. */
  expectedNow: number;
  state: LineState;
  disruptions: BoardNotice[];
  downtime: BoardEquipment[];
  /** Revisions of T..T+2 for this line, newest first. */
  revisions: (BoardNotice & { isSeen: boolean })[];
}

export interface BoardDay {
  date: string;
  version: number;
  /** The acknowledgement of this version, or null. */
  ack: BoardAck | null;
  /** The newest acknowledgement of an older version (a revision came after it). */
  previousAck: BoardAck | null;
}

export interface BoardWorkshop {
  id: string;
  name: string;
  days: BoardDay[];
  lines: BoardLine[];
}

export const PACE_TOLERANCE = 0.9;

export function lineState(good: number, target: number, expectedNow: number): LineState {
  if (target <= 0) return 'idle';
  if (good >= target) return 'done';
  return good >= expectedNow * PACE_TOLERANCE ? 'on-track' : 'behind';
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

const byNewest = (a: { createdAt: string }, b: { createdAt: string }) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

export function buildBoard(input: BoardInput): BoardWorkshop[] {
  const { index } = input;
  const [today] = index.days;
  const disruptions = groupBy(
    input.notices.filter((n) => n.kind === 'disruption' && !n.resolvedAt),
    (n) => n.lineId,
  );
  const revisions = groupBy(
    input.notices.filter((n) => n.kind === 'plan-revised' && n.revision && n.revision.date >= today),
    (n) => n.lineId,
  );
  const down = groupBy(
    input.equipment.filter((e) => e.status === 'down'),
    (e) => e.lineId,
  );
  const acks = groupBy(input.acks, (a) => `${a.planDate}|${a.workshopId}`);
  const linesOf = groupBy(input.lines, (l) => l.workshopId);
  // Lines in the plan that the plant stream does not know (yet) still show, under their id.
  for (const lp of index.lines.values()) {
    if (!input.lines.some((l) => l.id === lp.lineId)) {
      const list = linesOf.get(lp.workshopId) ?? [];
      list.push({ id: lp.lineId, workshopId: lp.workshopId, name: lp.lineId });
      linesOf.set(lp.workshopId, list);
    }
  }
  const workshops = [...input.workshops];
  for (const wsId of linesOf.keys()) if (!workshops.some((w) => w.id === wsId)) workshops.push({ id: wsId, name: wsId });

  return workshops.map((ws) => {
    const days = index.days.map((date): BoardDay => {
      const version = index.versions.get(`${date}|${ws.id}`) ?? 0;
      const list = acks.get(`${date}|${ws.id}`) ?? [];
      const ack = list.find((a) => a.planVersion === version) ?? null;
      const previous = list.filter((a) => a.planVersion < version).sort((a, b) => b.planVersion - a.planVersion)[0] ?? null;
      return { date, version, ack, previousAck: ack ? null : previous };
    });
    const lines = (linesOf.get(ws.id) ?? [])
      .slice()
      .sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }))
      .map((l): BoardLine => {
        const lp = index.lines.get(l.id);
        const targets: [number, number, number] = lp ? [...lp.targets] : [0, 0, 0];
        let good = 0;
        let scrap = 0;
        for (const woId of lp?.today.keys() ?? []) {
          const t = outputOnDay(input.totals.get(woId), today);
          const p = input.pending.get(woId);
          good += t.good + (p?.good ?? 0);
          scrap += t.scrap + (p?.scrap ?? 0);
        }
        const target = targets[0];
        const expectedNow = Math.round(target * Math.max(0, Math.min(1, input.dayElapsed)));
        return {
          id: l.id,
          name: l.name,
          targets,
          good,
          scrap,
          attainment: target > 0 ? good / target : null,
          expectedNow,
          state: lineState(good, target, expectedNow),
          disruptions: (disruptions.get(l.id) ?? []).slice().sort(byNewest),
          downtime: down.get(l.id) ?? [],
          revisions: (revisions.get(l.id) ?? [])
            .slice()
            .sort(byNewest)
            .map((n) => ({ ...n, isSeen: input.seenNoticeKeys.has(n.key) })),
        };
      });
    return { id: ws.id, name: ws.name, days, lines };
  });
}

/** Share of the current production day gone at `now` (plant time zone, day starting at `dayStartsAt`). */
export function dayElapsedShare(now: Date, timeZone: string, dayStartsAt: string): number {
  const { minutes } = localDateTime(now, timeZone);
  return (((minutes - parseClock(dayStartsAt)) % 1440) + 1440) % 1440 / 1440;
}

const sameDisruptions = (a: BoardNotice[], b: BoardNotice[]) =>
  a.length === b.length && a.every((d, i) => d.key === b[i]?.key && d.body === b[i]?.body);
const sameDowntime = (a: BoardEquipment[], b: BoardEquipment[]) => a.length === b.length && a.every((e, i) => e.id === b[i]?.id);
const sameRevisions = (a: BoardLine['revisions'], b: BoardLine['revisions']) =>
  a.length === b.length && a.every((r, i) => r.key === b[i]?.key && r.isSeen === b[i]?.isSeen);

function sameFigures(a: BoardLine, b: BoardLine): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.good === b.good &&
    a.scrap === b.scrap &&
    a.state === b.state &&
    a.expectedNow === b.expectedNow &&
    a.targets.every((t, i) => t === b.targets[i])
  );
}

/**
 * `next`, or `prev` when nothing shown differs. A line whose figures moved keeps its previous
 * disruption, downtime and revision lists when those did not change, so their (long) lists do
 * not re-render on every output record.
 */
function reuseLine(prev: BoardLine, next: BoardLine): BoardLine {
  const disruptions = sameDisruptions(prev.disruptions, next.disruptions) ? prev.disruptions : next.disruptions;
  const downtime = sameDowntime(prev.downtime, next.downtime) ? prev.downtime : next.downtime;
  const revisions = sameRevisions(prev.revisions, next.revisions) ? prev.revisions : next.revisions;
  if (disruptions === prev.disruptions && downtime === prev.downtime && revisions === prev.revisions && sameFigures(prev, next)) return prev;
  return { ...next, disruptions, downtime, revisions };
}

function sameDay(a: BoardDay, b: BoardDay): boolean {
  const ack = (x: BoardAck | null, y: BoardAck | null) =>
    x === y || (!!x && !!y && x.planVersion === y.planVersion && x.operatorId === y.operatorId && x.acknowledgedAt === y.acknowledgedAt && x.isLocal === y.isLocal);
  return a.date === b.date && a.version === b.version && ack(a.ack, b.ack) && ack(a.previousAck, b.previousAck);
}

/**
 * The new board with every unchanged workshop, day and line replaced by its previous object, so
 * memoised components re-render only what changed (one line after one output record).
 */
export function reuseUnchanged(prev: readonly BoardWorkshop[] | undefined, next: BoardWorkshop[]): BoardWorkshop[] {
  if (!prev) return next;
  const before = new Map(prev.map((w) => [w.id, w]));
  return next.map((w) => {
    const old = before.get(w.id);
    if (!old) return w;
    const oldLines = new Map(old.lines.map((l) => [l.id, l]));
    const lines = w.lines.map((l) => {
      const o = oldLines.get(l.id);
      return o ? reuseLine(o, l) : l;
    });
    const days = w.days.map((d, i) => {
      const o = old.days[i];
      return o && sameDay(o, d) ? o : d;
    });
    const unchanged =
      old.name === w.name &&
      lines.length === old.lines.length &&
      lines.every((l, i) => l === old.lines[i]) &&
      days.every((d, i) => d === old.days[i]);
    return unchanged ? old : { ...w, lines, days };
  });
}
