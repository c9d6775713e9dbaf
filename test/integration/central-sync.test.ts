import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../src/server/db/connect';
import { rowKey, rowSchemas, type StreamName } from '../../src/shared/sync/streams';
import { withWrite } from '../../src/server/sync/changes';
import { events as eventsTable } from '../../src/server/db/schema';
import { event, Harness, variants, type Terminal } from './support/central-harness';

type PullPage = { rows: { op: string; key: string; row: unknown }[]; cursor: string; hasMore: boolean; reset?: true };

describe.each(variants)('central sync on %s', (variant) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await h.loadPlantAndOrders();
  });
  afterAll(async () => {
    await h?.close();
  });

  const pull = (t: Terminal, stream: StreamName, cursor: string, limit = 1000) =>
    h.get<PullPage>(`/sync/v1/pull?stream=${stream}&cursor=${encodeURIComponent(cursor)}&limit=${limit}`, t.token);

  async function pullAll(t: Terminal, stream: StreamName, cursor = '0', limit = 1000) {
    const rows: PullPage['rows'] = [];
    let c = cursor;
    for (let i = 0; i < 100; i++) {
      const page = await pull(t, stream, c, limit);
      expect(page.status).toBe(200);
      rows.push(...page.body.rows);
      c = page.body.cursor;
      if (!page.body.hasMore) break;
    }
    return { rows, cursor: c };
  }

  /** Resolves 'blocked' once some session of this database waits on a lock (bounded polling). */
  async function waitForLockWaiter(): Promise<'blocked' | 'never'> {
    for (let i = 0; i < 500; i++) {
      const r = await h.database.db.execute(
        sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if ((rowsOf<{ n: number }>(r)[0]?.n ?? 0) > 0) return 'blocked';
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return 'never';
  }

  const workOrder = (id: string) => h.get<{ status: string; version: number; goodQty: number; scrapQty: number; conflicts: { from: string; to: string; terminalId: string }[] }>(`/api/v1/work-orders/${encodeURIComponent(id)}`);

  it('hello reports what central holds for the epoch and the workstation', async () => {
    const t = await h.enrol('WS-L2-01');
    const r = await h.post('/sync/v1/hello', { protocol: 1, terminalId: t.terminalId, epoch: t.epoch, appVersion: '0.1.0' }, t.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ acked: { contiguousSeq: 0, maxSeq: 0, count: 0 }, workstationId: 'WS-L2-01' });
    expect(r.body.streams).toContain('work-orders');
    const old = await h.post('/sync/v1/hello', { protocol: 2, terminalId: t.terminalId, epoch: t.epoch, appVersion: '9' }, t.token);
    expect(old.status).toBe(426);
    expect(old.body.reason).toBe('unsupported-protocol');
  });

  it('stores a re-sent batch once and counts the duplicates', async () => {
    const t = await h.enrol();
    const batch = [
      event(t, 'wo.transition.requested', { workOrderId: 'PO-1/10', to: 'started', basedOnVersion: 0 }),
      event(t, 'output.recorded', { workOrderId: 'PO-1/10', goodQty: 7, scrapQty: 0 }),
      event(t, 'output.recorded', { workOrderId: 'PO-1/10', goodQty: 3, scrapQty: 1, scrapReason: 'S1' }),
    ];
    const first = await h.push(t, batch);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 3, duplicates: 0, ackedSeq: 3, rejected: [] });
    const again = await h.push(t, batch);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 3, ackedSeq: 3, rejected: [] });
    // The same event twice inside one batch is stored once too.
    const dup = event(t, 'shift.login', {});
    expect((await h.push(t, [dup, dup])).body).toMatchObject({ accepted: 1, duplicates: 1, ackedSeq: 4 });
    const wo = await workOrder('PO-1/10');
    expect(wo.body).toMatchObject({ status: 'started', version: 1, goodQty: 10, scrapQty: 1 });
  });

  it('acks only the contiguous seq: a gap holds ackedSeq until it is filled', async () => {
    const t = await h.enrol();
    const e1 = event(t, 'shift.login', {});
    const e2 = event(t, 'shift.login', {});
    const e3 = event(t, 'shift.login', {});
    const e4 = event(t, 'shift.logout', {});
    expect((await h.push(t, [e1, e2, e4])).body).toMatchObject({ accepted: 3, ackedSeq: 2 });
    expect((await h.push(t, [e3])).body).toMatchObject({ accepted: 1, ackedSeq: 4 });
    const hello = await h.post('/sync/v1/hello', { protocol: 1, terminalId: t.terminalId, epoch: t.epoch, appVersion: 'x' }, t.token);
    expect(hello.body.acked).toEqual({ contiguousSeq: 4, maxSeq: 4, count: 4 });
    // Another epoch of the same terminal has its own seq space.
    const reborn = { ...t, epoch: `${t.epoch}-2`, seq: 0 };
    expect((await h.push(reborn, [event(reborn, 'shift.login', {})])).body).toMatchObject({ ackedSeq: 1 });
  });

  it('rejects schema-invalid events without blocking the queue, and keeps their seq', async () => {
    const t = await h.enrol();
    const ok1 = event(t, 'shift.login', {});
    const badPayload = event(t, 'output.recorded', { workOrderId: 'PO-1/10', goodQty: 0, scrapQty: 0 });
    const unknownType = event(t, 'telepathy.sensed', {});
    const { occurredAt: _dropped, ...noTime } = event(t, 'shift.logout', {});
    const ok2 = event(t, 'shift.logout', {});
    const r = await h.push(t, [ok1, badPayload, unknownType, noTime, ok2]);
    expect(r.status).toBe(200);
    expect(r.body.accepted).toBe(2);
    expect(r.body.ackedSeq).toBe(5);
    expect(r.body.rejected.map((x) => [x.id, x.reason])).toEqual([
      [badPayload.id, 'invalid-payload'],
      [unknownType.id, 'invalid-payload'],
      [noTime.id, 'invalid-envelope'],
    ]);
    expect(r.body.rejected[0]?.details).toMatch(/at least one piece/);
    const again = await h.push(t, [badPayload]);
    expect(again.body).toMatchObject({ accepted: 0, ackedSeq: 5 });
    expect(again.body.rejected).toHaveLength(1);
  });

  it('pages a stream by cursor with limit and hasMore, rows matching the stream contract', async () => {
    const t = await h.enrol();
    const seen: PullPage['rows'] = [];
    let cursor = '0';
    let pages = 0;
    for (;;) {
      const page = await pull(t, 'plant', cursor, 3);
      expect(page.status).toBe(200);
      expect(page.body.rows.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.rows);
      pages++;
      expect(Number(page.body.cursor)).toBeGreaterThanOrEqual(Number(cursor));
      cursor = page.body.cursor;
      if (!page.body.hasMore) break;
      expect(page.body.rows).toHaveLength(3);
      if (pages > 20) throw new Error('pull did not end');
    }
    // settings + 2 workshops + 2 lines + 2 workstations + 1 equipment + 3 reasons
    expect(seen).toHaveLength(11);
    expect(pages).toBe(4);
    for (const change of seen) {
      expect(change.op).toBe('put');
      const row = rowSchemas.plant.parse(change.row);
      expect(change.key).toBe(rowKey(row));
      expect(change.row).toEqual(row);
    }
    expect(new Set(seen.map((s) => s.key)).size).toBe(11);
    const tail = await pull(t, 'plant', cursor, 3);
    expect(tail.body).toMatchObject({ rows: [], cursor, hasMore: false });

    const people = await pullAll(t, 'people');
    const ana = people.rows.find((r) => r.key === 'operator:OP-1')?.row as Record<string, unknown>;
    expect(ana.pinHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(ana)).not.toContain('pin');
    for (const r of people.rows) rowSchemas.people.parse(r.row);
    const wos = await pullAll(t, 'work-orders');
    for (const r of wos.rows) expect(r.key).toBe(rowKey(rowSchemas['work-orders'].parse(r.row)));
    expect(wos.rows.map((r) => r.key)).toContain('work-order:PO-1/20');
    expect(wos.rows.map((r) => r.key)).not.toContain('work-order:PO-3/10');
  });

  it('answers reset for a cursor that is not a number or is ahead of central', async () => {
    const t = await h.enrol();
    expect((await pull(t, 'plans', 'abc')).body).toMatchObject({ reset: true });
    expect((await pull(t, 'plans', '-1')).body).toMatchObject({ reset: true });
    expect((await pull(t, 'plans', '999999999')).body).toMatchObject({ reset: true });
    const bad = await pull(t, 'nonsense' as StreamName, '0');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: 'error', reason: 'invalid-request' });
    const tooMany = await pull(t, 'plans', '0', 100000);
    expect(tooMany.status).toBe(400);
  });

  it('never skips a row whose transaction was still open when a pull ran', async () => {
    const t = await h.enrol();
    const start = (await pullAll(t, 'notices')).cursor;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const flushed = new Promise<void>((r) => (written = r));
    const slow = withWrite(h.database.db, async (_tx, changes) => {
      changes.put('notices', { type: 'notice', id: `late-${t.terminalId}`, kind: 'info', departments: [], title: 'late', body: '', createdAt: new Date().toISOString() });
      await changes.flush();
      written();
      await gate;
    });
    await flushed;
    const lateKey = `notice:late-${t.terminalId}`;
    const seen = new Set<string>();
    let cursor = start;
    const pullDuring = pull(t, 'notices', start);
    // A second writer starts while the first is open: its version must also be seen later.
    const disruption = event(t, 'disruption.reported', { disruptionId: `D-${t.terminalId}`, cause: 'supply', lineId: 'L1', description: 'sin barra' });
    const pushDuring = h.push(t, [disruption]);
    if (variant === 'postgres') {
      // The second writer must queue behind the first (writer clock lock), not commit a later
      // version first: that is what would let a cursor jump over the first one's row.
      const outcome = await Promise.race([pushDuring.then(() => 'committed' as const), waitForLockWaiter()]);
      expect(outcome).toBe('blocked');
      // PostgreSQL serves the pull at once, without the uncommitted row.
      const during = await pullDuring;
      expect(during.body.rows.map((r) => r.key)).not.toContain(lateKey);
      during.body.rows.forEach((r) => seen.add(r.key));
      cursor = during.body.cursor;
    }
    release();
    await slow;
    if (variant !== 'postgres') {
      const during = await pullDuring;
      during.body.rows.forEach((r) => seen.add(r.key));
      cursor = during.body.cursor;
    }
    expect((await pushDuring).body).toMatchObject({ accepted: 1 });
    const after = await pullAll(t, 'notices', cursor);
    after.rows.forEach((r) => seen.add(r.key));
    expect(seen).toContain(lateKey);
    expect(seen).toContain(`notice:disruption:D-${t.terminalId}`);
  });

  it('reconcile names the ranges central is missing or holds differently', async () => {
    const t = await h.enrol();
    const sent = [event(t, 'shift.login', {}), event(t, 'shift.login', {}), event(t, 'shift.logout', {})];
    await h.push(t, sent);
    const lost = [event(t, 'shift.login', {}), event(t, 'shift.logout', {})];
    const hash = (ids: string[]) => createHash('sha256').update([...ids].sort().join('\n')).digest('hex');
    const ranges = [
      { fromSeq: 1, toSeq: 3, count: 3, hash: hash(sent.map((e) => e.id)) },
      { fromSeq: 4, toSeq: 5, count: 2, hash: hash(lost.map((e) => e.id)) },
    ];
    const r = await h.post('/sync/v1/reconcile', { terminalId: t.terminalId, epoch: t.epoch, ranges }, t.token);
    expect(r.status).toBe(200);
    expect(r.body.missing).toEqual([{ fromSeq: 4, toSeq: 5 }]);
    await h.push(t, lost);
    const after = await h.post('/sync/v1/reconcile', { terminalId: t.terminalId, epoch: t.epoch, ranges }, t.token);
    expect(after.body.missing).toEqual([]);
    const other = await h.enrol();
    const forbidden = await h.post('/sync/v1/reconcile', { terminalId: t.terminalId, epoch: t.epoch, ranges }, other.token);
    expect(forbidden.status).toBe(403);
  });

  it('applies allowed transitions and turns a stale one from a second terminal into a visible conflict', async () => {
    const a = await h.enrol();
    const b = await h.enrol();
    await h.push(a, [event(a, 'wo.transition.requested', { workOrderId: 'PO-2/10', to: 'started', basedOnVersion: 0 })]);
    await h.push(b, [event(b, 'wo.transition.requested', { workOrderId: 'PO-2/10', to: 'paused', basedOnVersion: 1 })]);
    expect((await workOrder('PO-2/10')).body).toMatchObject({ status: 'paused', version: 2 });
    await h.push(a, [event(a, 'wo.transition.requested', { workOrderId: 'PO-2/10', to: 'completed', basedOnVersion: 2 })]);
    const stale = event(b, 'wo.transition.requested', { workOrderId: 'PO-2/10', to: 'started', basedOnVersion: 2 });
    const r = await h.push(b, [stale]);
    expect(r.body).toMatchObject({ accepted: 1, rejected: [] });
    const wo = await workOrder('PO-2/10');
    expect(wo.body).toMatchObject({ status: 'completed', version: 3 });
    expect(wo.body.conflicts).toEqual([expect.objectContaining({ from: 'completed', to: 'started', terminalId: b.terminalId })]);
    const notices = await pullAll(a, 'notices');
    const conflict = notices.rows.find((n) => n.key === `notice:conflict:${stale.id}`);
    expect(conflict?.row).toMatchObject({ kind: 'conflict', refId: 'PO-2/10', lineId: 'L1', workshopId: 'W1' });
    // released -> completed skips a step: a conflict too, the work order is unchanged.
    await h.push(a, [event(a, 'wo.transition.requested', { workOrderId: 'PO-4/20', to: 'completed', basedOnVersion: 0 })]);
    expect((await workOrder('PO-4/20')).body).toMatchObject({ status: 'released', version: 0, conflicts: [expect.objectContaining({ from: 'released', to: 'completed' })] });
    const stream = await pullAll(a, 'work-orders');
    const row = [...stream.rows].reverse().find((x) => x.key === 'work-order:PO-2/10')?.row;
    expect(row).toMatchObject({ status: 'completed', version: 3 });
  });

  it('reversals subtract, also when the reversal arrives before the output it reverses', async () => {
    const a = await h.enrol();
    const b = await h.enrol();
    await h.push(a, [event(a, 'wo.transition.requested', { workOrderId: 'PO-4/10', to: 'started', basedOnVersion: 0 })]);
    const out1 = event(a, 'output.recorded', { workOrderId: 'PO-4/10', goodQty: 5, scrapQty: 2, scrapReason: 'S1' });
    const out2 = event(a, 'output.recorded', { workOrderId: 'PO-4/10', goodQty: 4, scrapQty: 0 });
    await h.push(a, [out1, event(a, 'output.reversed', { reversesEventId: out1.id, reason: 'mal contado' })]);
    expect((await workOrder('PO-4/10')).body).toMatchObject({ goodQty: 0, scrapQty: 0 });
    await h.push(b, [event(b, 'output.reversed', { reversesEventId: out2.id, reason: 'duplicado' })]);
    await h.push(a, [out2]);
    expect((await workOrder('PO-4/10')).body).toMatchObject({ goodQty: 0, scrapQty: 0 });
    await h.push(a, [event(a, 'output.recorded', { workOrderId: 'PO-4/10', goodQty: 6, scrapQty: 0 })]);
    expect((await workOrder('PO-4/10')).body).toMatchObject({ goodQty: 6, scrapQty: 0 });
  });

  it('stores business problems and flags them instead of rejecting', async () => {
    const t = await h.enrol();
    const ghost = event(t, 'output.recorded', { workOrderId: 'PO-404/10', goodQty: 1, scrapQty: 0 });
    const r = await h.push(t, [ghost]);
    expect(r.body).toMatchObject({ accepted: 1, rejected: [] });
    const [stored] = await h.database.db.select().from(eventsTable).where(eq(eventsTable.id, ghost.id));
    expect(stored?.issue).toMatch(/unknown work order PO-404\/10/);
  });

  it('routes disruptions to production, material control and marketing, and resolves them', async () => {
    const t = await h.enrol();
    const id = `D-${t.epoch.slice(0, 8)}`;
    await h.push(t, [event(t, 'disruption.reported', { disruptionId: id, cause: 'equipment', lineId: 'L2', description: 'Prensa parada', estimatedLossQty: 40 })]);
    let notices = await pullAll(t, 'notices');
    const reported = notices.rows.find((n) => n.key === `notice:disruption:${id}`)?.row;
    expect(reported).toMatchObject({
      kind: 'disruption',
      departments: ['production', 'material-control', 'marketing'],
      lineId: 'L2',
      workshopId: 'W2',
      body: 'Prensa parada · Pérdida estimada / Estimated loss: 40',
      // The report as data, for terminals to show in their own language.
      disruption: { cause: 'equipment', description: 'Prensa parada', estimatedLossQty: 40 },
    });
    expect(reported).not.toHaveProperty('resolvedAt');
    await h.push(t, [event(t, 'disruption.resolved', { disruptionId: id, note: 'reparada' })]);
    notices = await pullAll(t, 'notices', notices.cursor);
    const resolved = notices.rows.find((n) => n.key === `notice:disruption:${id}`)?.row as { resolvedAt?: unknown; disruption?: unknown } | undefined;
    expect(typeof resolved?.resolvedAt).toBe('string');
    expect(resolved?.disruption).toMatchObject({ cause: 'equipment', resolutionNote: 'reparada' });
  });
});
