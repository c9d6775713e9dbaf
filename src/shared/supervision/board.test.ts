import { describe, expect, it } from 'vitest';
import { buildBoard, dayElapsedShare, indexPlan, lineState, reuseUnchanged, type BoardInput, type BoardPlanLine } from './board';
import { addDayOutput, eventProductionDay, NO_DAY_OUTPUT, outputOnDay, reverseDayOutput, type DayOutput } from './day-output';

const DAYS = ['2026-11-26', '2026-11-27', '2026-11-28'] as const;
const pl = (date: string, lineId: string, workOrderId: string, plannedQty: number, version = 1, workshopId = 'W1'): BoardPlanLine => ({
  date,
  lineId,
  workOrderId,
  plannedQty,
  version,
  workshopId,
});

function input(over: Partial<BoardInput> = {}): BoardInput {
  return {
    index: indexPlan(DAYS, [
      pl('2026-11-26', 'L1', 'PO-1/10', 100),
      pl('2026-11-26', 'L1', 'PO-1/10', 50),
      pl('2026-11-26', 'L1', 'PO-2/10', 50),
      pl('2026-11-27', 'L1', 'PO-2/10', 80),
      pl('2026-11-28', 'L2', 'PO-3/10', 30, 2),
      pl('2026-11-25', 'L1', 'PO-9/10', 999),
    ]),
    workshops: [{ id: 'W1', name: 'Mecanizado' }],
    lines: [
      { id: 'L2', workshopId: 'W1', name: 'Línea 2' },
      { id: 'L1', workshopId: 'W1', name: 'Línea 1' },
    ],
    totals: new Map([
      ['PO-1/10', { dayDate: '2026-11-26', dayGoodQty: 90, dayScrapQty: 2 }],
      ['PO-3/10', { dayDate: '2026-11-26', dayGoodQty: 1000, dayScrapQty: 0 }],
    ]),
    pending: new Map([['PO-2/10', { good: 10, scrap: 1 }]]),
    notices: [],
    equipment: [],
    acks: [],
    seenNoticeKeys: new Set(),
    dayElapsed: 0.5,
    ...over,
  };
}

describe('supervisor board model', () => {
  it('sums targets per line for T, T+1, T+2 and counts today output from central totals plus local records', () => {
    const [ws] = buildBoard(input());
    expect(ws?.lines.map((l) => [l.id, l.targets, l.good, l.scrap])).toEqual([
      ['L1', [200, 80, 0], 100, 3],
      // PO-3/10 is only planned the day after: its output is not today's.
      ['L2', [0, 0, 30], 0, 0],
    ]);
    const l1 = ws!.lines[0]!;
    expect(l1.attainment).toBe(0.5);
    expect(l1.expectedNow).toBe(100);
    expect(l1.state).toBe('on-track');
    expect(ws!.lines[1]!.state).toBe('idle');
    expect(ws!.days.map((d) => [d.date, d.version])).toEqual([
      ['2026-11-26', 1],
      ['2026-11-27', 1],
      ['2026-11-28', 2],
    ]);
  });

  it("counts central's day figures only when they are today's: yesterday's output is not today's", () => {
    const [ws] = buildBoard(
      input({
        totals: new Map([
          // Yesterday's figures (no output yet today) and a row cached before central kept day figures.
          ['PO-1/10', { dayDate: '2026-11-25', dayGoodQty: 140, dayScrapQty: 9 }],
          ['PO-2/10', {}],
        ]),
        pending: new Map(),
      }),
    );
    expect([ws!.lines[0]!.good, ws!.lines[0]!.scrap, ws!.lines[0]!.attainment, ws!.lines[0]!.state]).toEqual([0, 0, 0, 'behind']);

    // Today's figures plus today's local records not yet in them; attainment against today's target.
    const [today] = buildBoard(
      input({
        totals: new Map([
          ['PO-1/10', { dayDate: '2026-11-26', dayGoodQty: 120, dayScrapQty: 3 }],
          ['PO-2/10', { dayDate: '2026-11-25', dayGoodQty: 500, dayScrapQty: 5 }],
        ]),
        pending: new Map([['PO-2/10', { good: 30, scrap: 0 }]]),
      }),
    );
    expect([today!.lines[0]!.good, today!.lines[0]!.scrap, today!.lines[0]!.attainment, today!.lines[0]!.state]).toEqual([150, 3, 0.75, 'on-track']);
  });

  it('day figures as central keeps them: a new day starts afresh, a late record or a reversal of an earlier day leaves today alone', () => {
    // Madrid, days from 06:00: 04:30Z on the 26th is 05:30 local, still the 25th's production day.
    expect(eventProductionDay('2026-11-26T04:30:00.000Z', 0, 'Europe/Madrid', '06:00')).toBe('2026-11-25');
    expect(eventProductionDay('2026-11-26T04:30:00.000Z', 40 * 60_000, 'Europe/Madrid', '06:00')).toBe('2026-11-26');

    let wo: DayOutput = NO_DAY_OUTPUT;
    wo = addDayOutput(wo, '2026-11-25', 80, 2); // yesterday
    wo = addDayOutput(wo, '2026-11-26', 50, 1); // today: starts afresh
    wo = addDayOutput(wo, '2026-11-26', 20, 0);
    expect(wo).toEqual({ dayDate: '2026-11-26', dayGood: 70, dayScrap: 1 });
    // Yesterday's output synced late, then yesterday's first record reversed: today unchanged.
    wo = addDayOutput(wo, '2026-11-25', 15, 0);
    wo = reverseDayOutput(wo, '2026-11-25', 80, 2);
    expect(wo).toEqual({ dayDate: '2026-11-26', dayGood: 70, dayScrap: 1 });
    // A reversal of today's output does correct today.
    wo = reverseDayOutput(wo, '2026-11-26', 20, 0);
    expect(wo).toEqual({ dayDate: '2026-11-26', dayGood: 50, dayScrap: 1 });

    const row = { dayDate: wo.dayDate ?? undefined, dayGoodQty: wo.dayGood, dayScrapQty: wo.dayScrap };
    expect(outputOnDay(row, '2026-11-26')).toEqual({ good: 50, scrap: 1 });
    expect(outputOnDay(row, '2026-11-27')).toEqual({ good: 0, scrap: 0 });
    const [ws] = buildBoard(input({ totals: new Map([['PO-1/10', row]]), pending: new Map() }));
    expect(ws!.lines[0]!.good).toBe(50);
  });

  it('states: done at target, behind under 90 % of the pace', () => {
    expect(lineState(200, 200, 100)).toBe('done');
    expect(lineState(90, 200, 100)).toBe('on-track');
    expect(lineState(89, 200, 100)).toBe('behind');
    expect(lineState(0, 0, 0)).toBe('idle');
  });

  it('lists open disruptions and equipment down on their line, not resolved ones', () => {
    const [ws] = buildBoard(
      input({
        notices: [
          { key: 'notice:disruption:D1', kind: 'disruption', lineId: 'L1', title: 'Falta material', body: '', createdAt: '2026-11-26T08:00:00Z' },
          { key: 'notice:disruption:D2', kind: 'disruption', lineId: 'L1', title: 'Resuelta', body: '', createdAt: '2026-11-26T07:00:00Z', resolvedAt: '2026-11-26T07:30:00Z' },
          { key: 'notice:conflict:x', kind: 'conflict', lineId: 'L1', title: 'c', body: '', createdAt: '2026-11-26T07:00:00Z' },
        ],
        equipment: [
          { id: 'EQ-1', name: 'Torno', lineId: 'L2', status: 'down' },
          { id: 'EQ-2', name: 'Torno 2', lineId: 'L2', status: 'maintenance' },
        ],
      }),
    );
    expect(ws!.lines[0]!.disruptions.map((d) => d.title)).toEqual(['Falta material']);
    expect(ws!.lines[1]!.downtime.map((e) => e.id)).toEqual(['EQ-1']);
  });

  it('shows who acknowledged the version in force and asks again after a revision', () => {
    const acks = [
      { planDate: '2026-11-26', workshopId: 'W1', planVersion: 1, operatorId: 'SUP-1', acknowledgedAt: '2026-11-26T06:10:00Z' },
      { planDate: '2026-11-28', workshopId: 'W1', planVersion: 1, operatorId: 'SUP-1', acknowledgedAt: '2026-11-26T06:10:00Z' },
    ];
    const [ws] = buildBoard(input({ acks }));
    expect(ws!.days[0]!.ack?.operatorId).toBe('SUP-1');
    expect(ws!.days[1]!.ack).toBeNull();
    expect(ws!.days[1]!.previousAck).toBeNull();
    expect(ws!.days[2]!.ack).toBeNull();
    expect(ws!.days[2]!.previousAck?.planVersion).toBe(1);
  });

  it('shows revisions of today onwards per line, newest first, with their seen state', () => {
    const rev = (key: string, date: string, createdAt: string) => ({
      key,
      kind: 'plan-revised',
      lineId: 'L1',
      title: key,
      body: '',
      createdAt,
      revision: { date, fromVersion: 1, toVersion: 2, changes: [] },
    });
    const [ws] = buildBoard(
      input({
        notices: [rev('a', '2026-11-26', '2026-11-26T06:00:00Z'), rev('b', '2026-11-27', '2026-11-26T07:00:00Z'), rev('old', '2026-11-25', '2026-11-25T07:00:00Z')],
        seenNoticeKeys: new Set(['a']),
      }),
    );
    expect(ws!.lines[0]!.revisions.map((r) => [r.key, r.isSeen])).toEqual([
      ['b', false],
      ['a', true],
    ]);
  });

  it('after new output keeps every unchanged object, and the moved line keeps its unchanged notice lists', () => {
    const revision = {
      key: 'r1',
      kind: 'plan-revised',
      lineId: 'L1',
      title: 'r1',
      body: '',
      createdAt: '2026-11-26T06:00:00Z',
      revision: { date: '2026-11-26', fromVersion: 1, toVersion: 2, changes: [] },
    };
    const disruption = { key: 'd1', kind: 'disruption', lineId: 'L1', title: 'Falta', body: 'barra', createdAt: '2026-11-26T07:00:00Z' };
    const notices = [revision, disruption];
    const before = buildBoard(input({ notices }));
    const after = reuseUnchanged(before, buildBoard(input({ notices, pending: new Map([['PO-2/10', { good: 11, scrap: 1 }]]) })));
    const [l1Before, l2Before] = before[0]!.lines;
    const [l1After, l2After] = after[0]!.lines;
    expect(l1After).not.toBe(l1Before);
    expect(l1After!.good).toBe(101);
    expect(l1After!.revisions).toBe(l1Before!.revisions);
    expect(l1After!.disruptions).toBe(l1Before!.disruptions);
    expect(l2After).toBe(l2Before);
    expect(after[0]!.days).toEqual(before[0]!.days);
    expect(after[0]!.days.every((d, i) => d === before[0]!.days[i])).toBe(true);

    // Seeing the revision changes that list only.
    const seen = reuseUnchanged(after, buildBoard(input({ notices, pending: new Map([['PO-2/10', { good: 11, scrap: 1 }]]), seenNoticeKeys: new Set(['r1']) })));
    expect(seen[0]!.lines[0]!.revisions).not.toBe(l1After!.revisions);
    expect(seen[0]!.lines[0]!.revisions[0]!.isSeen).toBe(true);
    expect(seen[0]!.lines[0]!.disruptions).toBe(l1Before!.disruptions);
    // Nothing changed at all: the very same board.
    expect(reuseUnchanged(seen, buildBoard(input({ notices, pending: new Map([['PO-2/10', { good: 11, scrap: 1 }]]), seenNoticeKeys: new Set(['r1']) })))[0]).toBe(seen[0]);
  });

  it('shows lines and workshops the plan names before the plant stream knows them', () => {
    const board = buildBoard(input({ index: indexPlan(DAYS, [pl('2026-11-26', 'LX', 'PO-1/10', 5, 1, 'WX')]), workshops: [], lines: [] }));
    expect(board.map((w) => [w.id, w.lines.map((l) => [l.id, l.targets[0]])])).toEqual([['WX', [['LX', 5]]]]);
  });

  it('day elapsed share follows the plant day start', () => {
    // 12:00 in Madrid (11:00Z in winter) with days from 06:00: a quarter of the day gone.
    expect(dayElapsedShare(new Date('2026-11-26T11:00:00Z'), 'Europe/Madrid', '06:00')).toBe(0.25);
    expect(dayElapsedShare(new Date('2026-11-26T04:00:00Z'), 'Europe/Madrid', '06:00')).toBeCloseTo(23 / 24, 10);
  });
});
