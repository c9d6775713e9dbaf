/**
 * Central effects of the floor's events (server/floor): material consumption lowers the lot in
 * the inventory stream, downtime takes equipment down and back in the plant stream and keeps the
 * interval, disruptions become notices for three departments in the notices API until resolved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { StreamName } from '../../src/shared/sync/streams';
import { downtimeIntervals } from '../../src/server/floor/schema';
import { events } from '../../src/server/db/schema';
import { event, Harness, variants, type Terminal } from './support/central-harness';

type PullPage = { rows: { op: string; key: string; row: Record<string, unknown> }[]; cursor: string; hasMore: boolean };
type NoticeList = { notices: { id: string; kind: string; title: string; departments: string[]; lineId?: string; body: string; resolvedAt?: string }[] };

describe.each(variants)('floor effects at central on %s', (variant) => {
  let h: Harness;
  let t: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await h.loadPlantAndOrders();
    t = await h.enrol('WS-L1-01');
  });
  afterAll(async () => {
    await h?.close();
  });

  async function latest(stream: StreamName, key: string) {
    let cursor = '0';
    let found: Record<string, unknown> | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await h.get<PullPage>(`/sync/v1/pull?stream=${stream}&cursor=${cursor}&limit=1000`, t.token);
      for (const r of page.body.rows) if (r.key === key) found = r.op === 'put' ? r.row : undefined;
      cursor = page.body.cursor;
      if (!page.body.hasMore) break;
    }
    return found;
  }
  const issueOf = async (id: string) => (await h.database.db.select({ issue: events.issue }).from(events).where(eq(events.id, id)))[0]?.issue ?? null;

  it('material.consumed lowers the lot; a lot used up is consumed; too much is stored with an issue', async () => {
    await h.push(t, [event(t, 'material.consumed', { workOrderId: 'PO-1/10', lotId: 'LOT-1', itemId: 'RM-1', qty: 60.25 })]);
    expect(await latest('inventory', 'lot:LOT-1')).toMatchObject({ qty: 39.75, status: 'released' });
    const over = event(t, 'material.consumed', { workOrderId: 'PO-1/10', lotId: 'LOT-1', itemId: 'RM-1', qty: 50 });
    const r = await h.push(t, [over]);
    expect(r.body).toMatchObject({ accepted: 1, rejected: [] });
    expect(await latest('inventory', 'lot:LOT-1')).toMatchObject({ qty: 0, status: 'consumed' });
    expect(await issueOf(over.id)).toContain('held 39.75, 50 consumed');
    const unknown = event(t, 'material.consumed', { workOrderId: 'PO-1/10', lotId: 'NOPE', itemId: 'RM-1', qty: 1 });
    await h.push(t, [unknown]);
    expect(await issueOf(unknown.id)).toContain('unknown lot NOPE');
  });

  it('downtime takes the equipment down for every terminal, back on its end, and keeps the interval', async () => {
    const started = event(t, 'downtime.started', { downtimeId: 'DT-1', equipmentId: 'EQ-1', reasonCode: 'D1' }, { occurredAt: '2026-11-20T08:00:00.000Z' });
    await h.push(t, [started]);
    const other = await h.enrol('WS-L2-01');
    const seen = await h.get<PullPage>(`/sync/v1/pull?stream=plant&cursor=0&limit=1000`, other.token);
    const eq1 = seen.body.rows.filter((r) => r.key === 'equipment:EQ-1').at(-1)?.row;
    expect(eq1).toMatchObject({ status: 'down', openDowntime: { downtimeId: 'DT-1', reasonCode: 'D1' } });

    const again = event(t, 'downtime.started', { downtimeId: 'DT-1', equipmentId: 'EQ-1', reasonCode: 'D1' });
    await h.push(t, [again]);
    expect(await issueOf(again.id)).toContain('already started');

    await h.push(t, [event(t, 'downtime.ended', { downtimeId: 'DT-1', equipmentId: 'EQ-1', reasonCode: 'D1' }, { occurredAt: '2026-11-20T08:45:00.000Z' })]);
    const back = await latest('plant', 'equipment:EQ-1');
    expect(back).toMatchObject({ status: 'available' });
    expect(back).not.toHaveProperty('openDowntime');
    const [interval] = await h.database.db.select().from(downtimeIntervals).where(eq(downtimeIntervals.downtimeId, 'DT-1'));
    expect(interval).toMatchObject({ equipmentId: 'EQ-1', lineId: 'L1', reasonCode: 'D1', workstationId: 'WS-L1-01' });
    expect(interval?.endedAt && interval.endedAt.getTime() - interval.startedAt.getTime()).toBe(45 * 60_000);

    const orphan = event(t, 'downtime.ended', { downtimeId: 'DT-X', equipmentId: 'EQ-1', reasonCode: 'D1' });
    await h.push(t, [orphan]);
    expect(await issueOf(orphan.id)).toContain('ended without a start');
  });

  it('a disruption is a notice for production, material control and marketing in the API feed until resolved', async () => {
    await h.push(t, [
      event(t, 'disruption.reported', {
        disruptionId: 'DIS-1',
        cause: 'supply',
        lineId: 'L1',
        workOrderId: 'PO-1/10',
        description: 'Falta barra RM-1',
        stockCheck: [{ itemId: 'RM-1', availableQty: 0, lots: 0 }],
        estimatedLossQty: 120,
      }),
    ]);
    for (const department of ['production', 'material-control', 'marketing']) {
      const feed = await h.get<NoticeList>(`/api/v1/notices?department=${department}&open=true`, t.token);
      expect(feed.status).toBe(200);
      expect(feed.body.notices).toEqual([expect.objectContaining({ id: 'disruption:DIS-1', kind: 'disruption', lineId: 'L1' })]);
    }
    const [notice] = (await h.get<NoticeList>('/api/v1/notices?department=production&open=true')).body.notices;
    expect(notice?.body).toContain('Stock RM-1: 0');
    expect(notice?.body).toContain('Pérdida estimada / Estimated loss: 120');
    expect(notice).toMatchObject({ title: 'Interrupción: Falta de suministro / Disruption: Supply interruption — Línea 1' });
    expect((await h.get<NoticeList>('/api/v1/notices?department=quality')).body.notices).toEqual([]);
    expect((await h.get('/api/v1/notices', null)).status).toBe(401);
    expect((await h.get('/api/v1/notices?open=maybe')).status).toBe(400);

    await h.push(t, [event(t, 'disruption.resolved', { disruptionId: 'DIS-1', note: 'Llegó material' })]);
    expect((await h.get<NoticeList>('/api/v1/notices?department=production&open=true')).body.notices).toEqual([]);
    const closed = await h.get<NoticeList>('/api/v1/notices?department=production&open=false');
    expect(closed.body.notices.map((n) => [n.id, typeof n.resolvedAt])).toEqual([['disruption:DIS-1', 'string']]);
  });
});
