/**
 * Supervision at central (issue 5): T+2 revisions become per-line `plan-revised` notices saying
 * what changed; `plan.acknowledged` events are recorded (who, which version), sent down the
 * `plans` stream, and listed by GET /api/v1/reports/plan-acknowledgements; the monthly grid's
 * actual output per product and day. PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamName } from '../../src/shared/sync/streams';
import { event, Harness, variants, type Terminal } from './support/central-harness';

type PullPage = { rows: { op: string; key: string; row: Record<string, unknown> | null }[]; cursor: string; hasMore: boolean };
const line = (date: string, lineId: string, po: string, op: string, qty: number, shift = 'A') => ({
  date,
  workshop: lineId === 'L1' ? 'W1' : 'W2',
  line: lineId,
  shift,
  production_order: po,
  operation: op,
  planned_qty: qty,
});

describe.each(variants)('supervision at central on %s', (variant) => {
  let h: Harness;
  let t: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await h.loadPlantAndOrders();
    t = await h.enrol();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function pullAll(stream: StreamName, cursor = '0') {
    const rows: PullPage['rows'] = [];
    let c = cursor;
    for (let i = 0; i < 100; i++) {
      const page = await h.get<PullPage>(`/sync/v1/pull?stream=${stream}&cursor=${c}`, t.token);
      rows.push(...page.body.rows);
      c = page.body.cursor;
      if (!page.body.hasMore) break;
    }
    return { rows, cursor: c };
  }

  it('a T+2 revision puts one notice per changed line saying what was added, removed and changed', async () => {
    await h.importOk('t2-plan', [line('2026-11-26', 'L1', 'PO-1', '10', 100), line('2026-11-26', 'L1', 'PO-2', '10', 50), line('2026-11-26', 'L2', 'PO-1', '20', 40)]);
    const mark = await pullAll('notices');
    expect(mark.rows.filter((r) => String(r.key).startsWith('notice:plan-revised:2026-11-26'))).toEqual([]);
    // v2: PO-1/10 100 -> 90 (split over two shifts), PO-2/10 removed, PO-4 unchanged elsewhere; L2 unchanged.
    await h.importOk('t2-plan', [
      line('2026-11-26', 'L1', 'PO-1', '10', 60),
      line('2026-11-26', 'L1', 'PO-1', '10', 30, 'B'),
      line('2026-11-26', 'L2', 'PO-1', '20', 40),
    ]);
    const fresh = (await pullAll('notices', mark.cursor)).rows;
    expect(fresh.map((r) => r.key)).toEqual(['notice:plan-revised:2026-11-26:v2:L1']);
    expect(fresh[0]?.row).toMatchObject({
      kind: 'plan-revised',
      workshopId: 'W1',
      lineId: 'L1',
      refId: '2026-11-26',
      revision: {
        date: '2026-11-26',
        fromVersion: 1,
        toVersion: 2,
        changes: [
          { workOrderId: 'PO-1/10', change: 'qty', fromQty: 100, toQty: 90 },
          { workOrderId: 'PO-2/10', change: 'removed', fromQty: 50, toQty: 0 },
        ],
      },
    });
    expect(fresh[0]?.row?.body).toContain('PO-2/10: retirada (eran 50) / removed (was 50)');
    // Re-importing the same version changes nothing and notifies nobody.
    await h.importOk('t2-plan', [line('2026-11-26', 'L1', 'PO-1', '10', 60), line('2026-11-26', 'L1', 'PO-1', '10', 30, 'B'), line('2026-11-26', 'L2', 'PO-1', '20', 40)]);
    expect((await pullAll('notices', mark.cursor)).rows).toHaveLength(1);
  });

  it('refuses a T+2 row that plans an operation on a line its routing does not use', async () => {
    const r = await h.importJson('t2-plan', [line('2026-11-27', 'L2', 'PO-1', '10', 10)].map((x) => ({ ...x, workshop: 'W2' })));
    expect(r.status).toBe(422);
    expect(r.body.rows).toEqual([{ row: 1, field: 'line', message: expect.stringMatching(/PO-1\/10 runs on line L1, not L2/) as unknown }]);
  });

  it('records plan acknowledgements: who, which version; a newer version needs its own', async () => {
    const mark = await pullAll('plans');
    const ack = (v: number, operatorId: string) => event(t, 'plan.acknowledged', { planDate: '2026-11-26', workshopId: 'W1', planVersion: v }, { operatorId });
    const first = await h.push(t, [ack(1, 'SUP-1')]);
    expect(first.body.accepted).toBe(1);
    const second = await h.push(t, [ack(2, 'SUP-2')]);
    expect(second.body.accepted).toBe(1);
    const rows = (await pullAll('plans', mark.cursor)).rows.filter((r) => r.row?.type === 'plan-ack');
    expect(rows.map((r) => [r.key, r.row?.operatorId, r.row?.planVersion])).toEqual([
      ['plan-ack:2026-11-26|W1|v1', 'SUP-1', 1],
      ['plan-ack:2026-11-26|W1|v2', 'SUP-2', 2],
    ]);
    const listed = await h.get<{ acknowledgements: Record<string, unknown>[] }>('/api/v1/reports/plan-acknowledgements?date=2026-11-26&workshop=W1', t.token);
    expect(listed.status).toBe(200);
    expect(listed.body.acknowledgements.map((a) => [a.planVersion, a.operatorId, a.terminalId])).toEqual([
      [1, 'SUP-1', t.terminalId],
      [2, 'SUP-2', t.terminalId],
    ]);
    // The v1 acknowledgement is stored, and flagged as not the latest plan.
    const wo = await h.get('/api/v1/reports/plan-acknowledgements?date=2026-11-30');
    expect(wo.body).toEqual({ date: '2026-11-30', acknowledgements: [] });
  });

  it('an acknowledgement of a version that does not exist is stored and flagged, not sent down', async () => {
    const mark = await pullAll('plans');
    const r = await h.push(t, [event(t, 'plan.acknowledged', { planDate: '2026-11-26', workshopId: 'W1', planVersion: 9 })]);
    expect(r.body).toMatchObject({ accepted: 1, rejected: [] });
    expect((await pullAll('plans', mark.cursor)).rows).toEqual([]);
    const listed = await h.get<{ acknowledgements: Record<string, unknown>[] }>('/api/v1/reports/plan-acknowledgements?date=2026-11-26');
    expect(listed.body.acknowledgements.map((a) => a.planVersion)).toEqual([1, 2, 9]);
  });

  it('monthly actual: good output of the last operation per product and production day', async () => {
    const start = event(t, 'wo.transition.requested', { workOrderId: 'PO-1/20', to: 'started', basedOnVersion: 0 });
    // 2026-11-20T09:00Z is production day 2026-11-20 in the fixture plant; the first operation does not count.
    const outputs = [
      event(t, 'output.recorded', { workOrderId: 'PO-1/20', goodQty: 7, scrapQty: 1, scrapReason: 'S1' }),
      event(t, 'output.recorded', { workOrderId: 'PO-1/10', goodQty: 50, scrapQty: 0 }),
      event(t, 'output.recorded', { workOrderId: 'PO-2/10', goodQty: 3, scrapQty: 0 }),
    ];
    expect((await h.push(t, [start, ...outputs])).body.accepted).toBe(4);
    const r = await h.get<{ month: string; rows: unknown[] }>('/api/v1/reports/monthly-actual?month=2026-11', t.token);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      month: '2026-11',
      rows: [
        { date: '2026-11-20', product: 'P-100', good: 7, scrap: 1 },
        { date: '2026-11-20', product: 'P-200', good: 3, scrap: 0 },
      ],
    });
    expect((await h.get('/api/v1/reports/monthly-actual?month=2026-13')).status).toBe(400);
    expect((await h.get('/api/v1/reports/monthly-actual?month=2026-11', null)).status).toBe(401);
  });
});
