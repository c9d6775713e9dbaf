import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { rowSchemas, type StreamName } from '../../src/shared/sync/streams';
import { t2PlanLines, monthlyPlanLines } from '../../src/server/db/schema';
import { loadDemo } from '../../src/server/demo';
import { FIXTURES, fixture, Harness, variants, type Terminal } from './support/central-harness';

type Rows = { row: number; field: string; message: string }[];
type PullPage = { rows: { op: string; key: string; row: Record<string, unknown> | null }[]; cursor: string; hasMore: boolean };

describe.each(variants)('central imports on %s', (variant) => {
  let h: Harness;
  let t: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await h.importOk('plant', fixture('plant.json'));
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
  const csv = (kind: string, text: string) => h.request('POST', `/api/v1/import/${kind}`, { payload: text, contentType: 'text/csv' });

  it('imports the plant bundle idempotently and lists every problem of a bad one', async () => {
    const before = await pullAll('plant');
    const again = await h.importOk('plant', fixture('plant.json'));
    expect(again.imported).toBe(18);
    expect((await pullAll('plant', before.cursor)).rows).toEqual([]);
    const bad = structuredClone(fixture('plant.json')) as { lines: { workshopId: string; name?: string }[]; workstations: { lineId: string }[] };
    bad.lines[0]!.workshopId = 'W-NOPE';
    bad.workstations[1]!.lineId = 'L-NOPE';
    delete bad.lines[1]!.name;
    const r = await h.importJson('plant', bad);
    expect(r.status).toBe(422);
    expect(r.body.reason).toBe('invalid-rows');
    expect((r.body.rows as Rows).map((x) => x.field)).toEqual(['lines.1.name']);
    bad.lines[1]!.name = 'Línea 2';
    const cross = await h.importJson('plant', bad);
    expect((cross.body.rows as Rows).map((x) => x.field).sort()).toEqual(['lines.0.workshopId', 'workstations.1.lineId']);
    expect((await pullAll('plant', before.cursor)).rows).toEqual([]);
    const asCsv = await csv('plant', 'id,name\nx,y\n');
    expect(asCsv.status).toBe(415);
  });

  it('imports orders from JSON with Spanish keys and from semicolon CSV; only approved ones get work orders', async () => {
    const json = await h.importOk('orders', [
      { orden_produccion: 'PO-J1', pedido_cliente: 'C-1', producto: 'P-100', cantidad: 20, fecha_entrega: '2026-12-01', estado_revision: 'aprobado', revisado_por: 'mk' },
      { production_order: 'PO-J2', customer_order: 'C-2', product: 'P-200', qty: '15', due_date: '2026-12-02', review_status: 'pending', reviewed_by: '' },
    ]);
    expect(json).toEqual({ imported: 2, warnings: [] });
    const text = '\uFEFFOrden_Producción;Pedido_Cliente;Producto;Cantidad;Fecha_Entrega;Estado_Revisión;Revisado_Por\r\nPO-C1;"C;7";P-200;9;2026-12-03;approved;qa\r\n';
    const r = await csv('orders', text);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ imported: 1, warnings: [] });
    const orders = await pullAll('orders');
    const byKey = new Map(orders.rows.map((x) => [x.key, rowSchemas.orders.parse(x.row)]));
    expect(byKey.get('production-order:PO-C1')).toMatchObject({ customerOrder: 'C;7', qty: 9, reviewStatus: 'approved' });
    expect(byKey.get('production-order:PO-J2')).toMatchObject({ reviewStatus: 'pending', qty: 15 });
    expect((await h.get('/api/v1/work-orders/PO-J1%2F10')).body).toMatchObject({ status: 'released', qty: 20, lineId: 'L1' });
    expect((await h.get('/api/v1/work-orders/PO-J1%2F20')).body).toMatchObject({ lineId: 'L2' });
    expect((await h.get('/api/v1/work-orders/PO-J2%2F10')).status).toBe(404);
    // Idempotent: the same file again writes nothing new to any stream.
    const wos = await pullAll('work-orders');
    await h.importOk('orders', [{ orden_produccion: 'PO-J1', pedido_cliente: 'C-1', producto: 'P-100', cantidad: 20, fecha_entrega: '2026-12-01', estado_revision: 'aprobado', revisado_por: 'mk' }]);
    expect((await pullAll('orders', orders.cursor)).rows).toEqual([]);
    expect((await pullAll('work-orders', wos.cursor)).rows).toEqual([]);
  });

  it('refuses a bad orders file, listing every bad row, and imports nothing', async () => {
    const text = [
      'production_order,customer_order,product,qty,due_date,review_status,reviewed_by',
      'PO-B1,C,P-100,10,2026-12-01,approved,mk',
      'PO-B2,C,P-999,10,2026-12-01,approved,mk',
      'PO-B3,C,P-100,diez,2026-13-01,approved,mk',
      'PO-B4,C,P-100,10,2026-12-01,maybe,mk',
      'PO-B1,C,P-100,10,2026-12-01,approved,mk',
    ].join('\n');
    const r = await csv('orders', text);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ status: 'error', reason: 'invalid-rows' });
    const rows = (r.body.rows as Rows).map((x) => [x.row, x.field]);
    expect(rows).toEqual([
      [3, 'product'],
      [4, 'qty'],
      [4, 'due_date'],
      [5, 'review_status'],
      [6, 'production_order'],
    ]);
    expect((r.body.rows as Rows)[0]?.message).toMatch(/P-999.*\/.*not in the catalog/);
    expect((await h.get('/api/v1/work-orders/PO-B1%2F10')).status).toBe(404);
  });

  it('imports orders from XLSX (first sheet, same headers)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pedidos');
    ws.addRow(['orden_produccion', 'producto', 'cantidad', 'fecha_entrega', 'estado_revision', 'revisado_por']);
    ws.addRow(['PO-X1', 'P-200', 12, new Date(Date.UTC(2026, 11, 4)), 'approved', 'mk']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await h.request('POST', '/api/v1/import/orders', { payload: buffer, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(r.status).toBe(200);
    expect((await h.get('/api/v1/work-orders/PO-X1%2F10')).body).toMatchObject({ qty: 12 });
    const orders = await pullAll('orders');
    expect(orders.rows.find((x) => x.key === 'production-order:PO-X1')?.row).toMatchObject({ dueDate: '2026-12-04' });
  });

  it('versions the T+2 plan per date: the latest wins, earlier versions are kept, re-import is a no-op', async () => {
    await h.importOk('orders', fixture('orders-fixed.json'));
    const start = await pullAll('plans');
    const v1 = [
      { date: '2026-11-24', workshop: 'W1', line: 'L1', shift: 'A', production_order: 'PO-1', operation: '10', planned_qty: 100 },
      { date: '2026-11-24', workshop: 'W1', line: 'L1', shift: 'B', production_order: 'PO-1', operation: '10', planned_qty: 80 },
    ];
    expect(await h.importOk('t2-plan', v1)).toEqual({ imported: 2, warnings: [] });
    const afterV1 = await pullAll('plans', start.cursor);
    expect(afterV1.rows.map((r) => [r.key, r.row?.version, r.row?.plannedQty])).toEqual([
      ['t2-line:2026-11-24|L1|A|PO-1/10', 1, 100],
      ['t2-line:2026-11-24|L1|B|PO-1/10', 1, 80],
    ]);
    for (const r of afterV1.rows) rowSchemas.plans.parse(r.row);
    const same = await h.importOk('t2-plan', v1);
    expect(same.warnings).toHaveLength(1);
    expect((await pullAll('plans', afterV1.cursor)).rows).toEqual([]);
    const text = 'fecha;taller;línea;turno;orden_produccion;operación;cantidad_planificada\n2026-11-24;W1;L1;A;PO-1;10;120\n';
    expect((await csv('t2-plan', text)).status).toBe(200);
    const afterV2 = await pullAll('plans', afterV1.cursor);
    expect(afterV2.rows.map((r) => [r.op, r.key, r.row?.version ?? null])).toEqual([
      ['put', 't2-line:2026-11-24|L1|A|PO-1/10', 2],
      ['del', 't2-line:2026-11-24|L1|B|PO-1/10', null],
    ]);
    const history = await h.database.db.select().from(t2PlanLines).where(eq(t2PlanLines.date, '2026-11-24'));
    expect(history.map((l) => [l.version, l.shift, l.plannedQty]).sort()).toEqual([
      [1, 'A', 100],
      [1, 'B', 80],
      [2, 'A', 120],
    ]);
    const notices = await pullAll('notices');
    const revised = notices.rows.find((n) => n.key === 'notice:plan-revised:2026-11-24:v2:L1');
    expect(revised?.row).toMatchObject({ lineId: 'L1', revision: { fromVersion: 1, toVersion: 2, changes: [{ workOrderId: 'PO-1/10', change: 'qty', fromQty: 180, toQty: 120 }] } });
  });

  it('refuses T+2 rows for orders not approved and rows that do not fit the plant', async () => {
    const rows = [
      { date: '2026-11-25', workshop: 'W1', line: 'L1', shift: 'A', production_order: 'PO-3', operation: '10', planned_qty: 10 },
      { date: '2026-11-25', workshop: 'W1', line: 'L2', shift: 'A', production_order: 'PO-1', operation: '20', planned_qty: 10 },
      { date: '2026-11-25', workshop: 'W1', line: 'L1', shift: 'Z', production_order: 'PO-1', operation: '10', planned_qty: 10 },
      { date: '2026-11-25', workshop: 'W1', line: 'L1', shift: 'A', production_order: 'PO-2', operation: '30', planned_qty: -1 },
      { date: '2026-11-25', workshop: 'W1', line: 'L1', shift: 'A', production_order: 'PO-2', operation: '10', planned_qty: 10 },
    ];
    const r = await h.importJson('t2-plan', rows);
    expect(r.status).toBe(422);
    const list = r.body.rows as Rows;
    expect(list.map((x) => [x.row, x.field])).toEqual([
      [1, 'production_order'],
      [2, 'line'],
      [3, 'shift'],
      [4, 'planned_qty'],
      [4, 'operation'],
    ]);
    expect(list[0]?.message).toMatch(/PO-3 is pending; only approved orders can be planned/);
    const history = await h.database.db.select().from(t2PlanLines).where(eq(t2PlanLines.date, '2026-11-25'));
    expect(history).toEqual([]);
  });

  it('monthly plan: a newer import replaces the dates it covers and keeps history', async () => {
    const start = await pullAll('plans');
    const first = ['2026-12-01', '2026-12-02', '2026-12-03'].map((date) => ({ date, workshop: 'W1', product: 'P-100', production_order: 'PO-1', planned_qty: 100 }));
    await h.importOk('monthly-plan', first);
    const text = 'fecha,taller,producto,orden_produccion,cantidad_planificada\n2026-12-02,W1,P-200,PO-2,70\n2026-12-04,W1,P-100,PO-1,90\n';
    expect((await csv('monthly-plan', text)).status).toBe(200);
    const all = await pullAll('plans', start.cursor);
    const live = new Map<string, Record<string, unknown> | null>();
    for (const r of all.rows) live.set(r.key, r.op === 'put' ? r.row : null);
    const current = [...live].filter(([, row]) => row).map(([key, row]) => [key, row?.plannedQty, row?.version]).sort();
    expect(current).toEqual([
      ['monthly-line:2026-12-01|W1|PO-1', 100, 1],
      ['monthly-line:2026-12-02|W1|PO-2', 70, 2],
      ['monthly-line:2026-12-03|W1|PO-1', 100, 1],
      ['monthly-line:2026-12-04|W1|PO-1', 90, 1],
    ]);
    const history = await h.database.db.select().from(monthlyPlanLines).where(eq(monthlyPlanLines.date, '2026-12-02'));
    expect(history.map((l) => [l.version, l.productionOrderId]).sort()).toEqual([
      [1, 'PO-1'],
      [2, 'PO-2'],
    ]);
    const bad = await h.importJson('monthly-plan', [
      { date: '2026-12-05', workshop: 'W1', product: 'P-200', production_order: 'PO-3', planned_qty: 5 },
      { date: '2026-12-05', workshop: 'W1', product: 'P-200', production_order: 'PO-1', planned_qty: 5 },
    ]);
    expect(bad.status).toBe(422);
    expect((bad.body.rows as Rows).map((x) => [x.row, x.field])).toEqual([
      [1, 'production_order'],
      [2, 'product'],
    ]);
  });

  it('only the admin may import', async () => {
    const r = await h.request('POST', '/api/v1/import/orders', { token: t.token, body: [] });
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe('forbidden');
  });

  it('loads the demo files with day offsets relative to today, idempotently', async () => {
    const dir = fileURLToPath(new URL('demo/', FIXTURES));
    const first = await loadDemo(h.database.db, { dir, today: '2026-11-20' });
    expect(first).toEqual({ today: '2026-11-20', imported: { plant: 18, orders: 4, monthlyPlan: 5, t2Plan: 6 } });
    const mark = await pullAll('plans');
    expect(mark.rows.filter((r) => r.row?.type === 't2-line' && r.row.date === '2026-11-22')).toHaveLength(2);
    await loadDemo(h.database.db, { dir, today: '2026-11-20' });
    expect((await pullAll('plans', mark.cursor)).rows).toEqual([]);
    const orders = await pullAll('orders');
    expect(orders.rows.find((r) => r.key === 'production-order:PO-1')?.row).toMatchObject({ dueDate: '2026-11-23' });
  });
});
