/**
 * Trace at central (clause 4.8) on PGlite and PostgreSQL: a three-level genealogy pushed as the
 * floor records it — material lot LOT-1 consumed by PO-1/10 (lot A), A consumed by PO-1/20
 * (lot B, serialized), B consumed by PO-2/10 (lot C), C packed into an SSCC and put away — traced
 * backward and forward through the HTTP API, as a recall, by serial and by package, and exported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { events } from '../../src/server/db/schema';
import type { RecallResponse, TraceNode, TraceResponse } from '../../src/shared/trace/types';
import { flattenTrace } from '../../src/shared/trace/types';
import { buildSscc } from '../../src/shared/gs1';
import { event, Harness, variants, type Terminal } from './support/central-harness';

const SSCC = buildSscc('8412345', '0', '000000001');
const ids = (n: TraceNode) => flattenTrace(n).map((x) => `${'-'.repeat(x.depth)}${x.kind}:${x.id}`);

describe.each(variants)('trace genealogy on %s', (variant) => {
  let h: Harness;
  let t: Terminal;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await h.loadPlantAndOrders();
    t = await h.enrol('WS-L1-01');
    const r = await h.push(t, [
      event(t, 'material.consumed', { workOrderId: 'PO-1/10', lotId: 'LOT-1', itemId: 'RM-1', qty: 5 }, { operatorId: 'OP-1' }),
      event(t, 'lot.created', { lotId: 'A', itemId: 'P-100', workOrderId: 'PO-1/10', qty: 50, parentLotIds: ['LOT-1'] }, { operatorId: 'OP-1' }),
      event(t, 'nc.raised', { ncId: 'NC-1', workOrderId: 'PO-1/10', qty: 2, defectCode: 'D-BURR', description: 'rebaba' }),
      event(t, 'lot.created', { lotId: 'B', itemId: 'P-100', workOrderId: 'PO-1/20', qty: 3, parentLotIds: ['A'], serials: ['B-1', 'B-2', 'B-3'] }, { operatorId: 'OP-2' }),
      event(t, 'inspection.recorded', {
        inspectionId: 'INS-1',
        kind: 'final',
        workOrderId: 'PO-1/20',
        results: [{ characteristicId: 'C-1', value: '10.01', unit: 'mm', gaugeId: 'G-CAL-1', source: 'instrument', verdict: 'pass' }],
        verdict: 'pass',
        inspectorId: 'OP-9',
      }),
      event(t, 'lot.created', { lotId: 'C', itemId: 'P-200', workOrderId: 'PO-2/10', qty: 3, parentLotIds: ['B'] }, { operatorId: 'OP-3' }),
      event(t, 'package.recorded', { packageId: SSCC, lotIds: ['C'], qty: 3 }),
      event(t, 'warehouse.received', { lotId: SSCC, location: 'EXP-07', qty: 3 }),
    ]);
    expect(r.body.rejected).toEqual([]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('backward from the finished lot reaches the material lot, with work orders, operators, equipment, gauges, inspections and NCs', async () => {
    const r = await h.get<TraceResponse>('/api/v1/trace/lot/C?direction=backward', t.token);
    expect(r.status).toBe(200);
    expect(ids(r.body.root)).toEqual(['lot:C', '-lot:B', '--lot:A', '---material-lot:LOT-1']);
    const [c, b, a, m] = flattenTrace(r.body.root);
    expect(c).toMatchObject({ itemId: 'P-200', workOrder: { id: 'PO-2/10', productionOrderId: 'PO-2', operation: '10' }, operators: ['OP-3'], workstationId: 'WS-L1-01' });
    expect(b).toMatchObject({ operators: ['OP-2'], gauges: ['G-CAL-1'], inspections: [{ inspectionId: 'INS-1', verdict: 'pass', gaugeIds: ['G-CAL-1'] }] });
    expect(b?.serials).toEqual(['B-1', 'B-2', 'B-3']);
    expect(a).toMatchObject({ operators: ['OP-1'], ncs: [{ ncId: 'NC-1', defectCode: 'D-BURR', qty: 2 }] });
    expect(m).toMatchObject({ kind: 'material-lot', itemId: 'RM-1', location: 'A-01' });
    expect(c?.equipment).toEqual(expect.any(Array));
  });

  it('forward from the material lot reaches every lot made from it and the package, with where it is', async () => {
    const r = await h.get<TraceResponse>('/api/v1/trace/lot/LOT-1?direction=forward', t.token);
    expect(ids(r.body.root)).toEqual(['material-lot:LOT-1', '-lot:A', '--lot:B', '---lot:C', `----package:${SSCC}`]);
    const pkg = flattenTrace(r.body.root).find((n) => n.kind === 'package');
    expect(pkg).toMatchObject({ status: 'received', location: 'EXP-07', qty: 3 });
  });

  it('recall of the material lot lists the finished lots and packages that contain it', async () => {
    const r = await h.get<RecallResponse>('/api/v1/trace/recall/LOT-1', t.token);
    expect(r.body.lots.map((l) => [l.lotId, l.depth, l.isEnd])).toEqual([
      ['A', 1, false],
      ['B', 2, false],
      ['C', 3, true],
    ]);
    expect(r.body.packages).toEqual([{ packageId: SSCC, qty: 3, status: 'received', location: 'EXP-07', lotIds: ['C'] }]);
  });

  it('a serial opens its lot; a package traces back through its lots', async () => {
    const s = await h.get<TraceResponse>('/api/v1/trace/serial/B-2?direction=backward', t.token);
    expect(s.body.root).toMatchObject({ id: 'B', serials: ['B-2'] });
    expect(ids(s.body.root)).toEqual(['lot:B', '-lot:A', '--material-lot:LOT-1']);
    const p = await h.get<TraceResponse>(`/api/v1/trace/package/${SSCC}?direction=backward`, t.token);
    expect(ids(p.body.root)).toEqual([`package:${SSCC}`, '-lot:C', '--lot:B', '---lot:A', '----material-lot:LOT-1']);
  });

  it('exports CSV and XLSX with one row per node; unknown ids are 404 in both languages', async () => {
    const csv = await h.app.inject({ method: 'GET', url: '/api/v1/trace/lot/C?direction=backward&format=csv', headers: { authorization: `Bearer ${t.token}` } });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toContain('Nivel,Tipo,Identificador');
    expect(lines.slice(1, 5).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['0,lot,C', '1,lot,B', '2,lot,A', '3,material-lot,LOT-1']);
    const xlsx = await h.app.inject({ method: 'GET', url: '/api/v1/trace/recall/LOT-1?format=xlsx&lang=en', headers: { authorization: `Bearer ${t.token}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const lots = wb.getWorksheet('Lots');
    expect(lots?.getRow(4).getCell(2).value).toBe('C');
    const missing = await h.get('/api/v1/trace/lot/NOPE?direction=backward', t.token);
    expect(missing.status).toBe(404);
    expect(missing.body.reason).toBe('not-found');
    expect(String(missing.body.details)).toContain('Lot NOPE does not exist');
    expect((await h.get('/api/v1/trace/lot/C?direction=sideways', t.token)).status).toBe(400);
    expect((await h.get('/api/v1/trace/lot/C', null)).status).toBe(401);
  });

  it('a produced lot is published in the inventory stream for the next work order; a reused lot id is flagged', async () => {
    const page = await h.get<{ rows: { key: string; row: Record<string, unknown> }[] }>('/sync/v1/pull?stream=inventory&cursor=0&limit=1000', t.token);
    expect(page.body.rows.find((r) => r.key === 'lot:B')?.row).toMatchObject({ itemId: 'P-100', qty: 3, workOrderId: 'PO-1/20', status: 'released' });
    const again = event(t, 'lot.created', { lotId: 'A', itemId: 'P-100', workOrderId: 'PO-1/10', qty: 1, parentLotIds: [] });
    await h.push(t, [again]);
    const [stored] = await h.database.db.select({ issue: events.issue }).from(events).where(eq(events.id, again.id));
    expect(stored?.issue).toContain('lot A already exists');
    const counter = await h.get<{ highest: number }>('/api/v1/trace/sscc-counter?prefix=8412345&block=0', t.token);
    expect(counter.body.highest).toBe(1);
  });
});
