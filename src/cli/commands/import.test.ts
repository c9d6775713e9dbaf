import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../server/index';
import { spawnTakt } from '../testing/spawn-takt';
import { contentTypeFor } from './import';

const ADMIN = 'import-admin-token-0123456789abcdef';
const HEADER = 'production_order,customer_order,product,qty,due_date,review_status,reviewed_by';

describe('contentTypeFor', () => {
  it('follows the extension and refuses anything else', () => {
    expect(contentTypeFor('a/orders.CSV')).toMatch(/^text\/csv/);
    expect(contentTypeFor('plant.json')).toBe('application/json');
    expect(contentTypeFor('plan.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(() => contentTypeFor('orders.txt')).toThrow(/\.json, \.csv or \.xlsx/);
  });
});

describe('takt import (real CLI against a real central)', () => {
  let dir: string;
  let central: RunningCentral;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'takt-import-'));
    central = await startCentral({ port: 0, adminToken: ADMIN, demo: true, logLevel: 'silent' });
  }, 120_000);

  afterAll(async () => {
    await central.close();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  const workOrderStatus = async (woId: string): Promise<number> =>
    (await fetch(`${central.url}/api/v1/work-orders/${encodeURIComponent(woId)}`, { headers: { authorization: `Bearer ${ADMIN}` } })).status;

  it('lists every bad row, exits 1 and imports nothing; the same valid order then imports', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(
      bad,
      [
        HEADER,
        'PO-9101,PV-1,EJ-1245,500,2026-12-20,approved,Ana',
        'PO-9102,PV-2,NOPE-1,500,2026-12-20,approved,Ana',
        'PO-9103,PV-3,EJ-1245,0,2026-12-20,approved,Ana',
        '',
      ].join('\n'),
    );
    const p = spawnTakt(['import', 'orders', bad, '--central', central.url], { TAKT_ADMIN_TOKEN: ADMIN });
    expect((await p.exited()).code).toBe(1);
    const lines = p.stderr().split('\n').filter((l) => l.startsWith('row '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^row 3, field product: .*NOPE-1/);
    expect(lines[1]).toMatch(/^row 4, field qty: /);
    expect(p.stdout()).not.toContain('Imported');
    expect(await workOrderStatus('PO-9101/10')).toBe(404);

    const good = join(dir, 'good.csv');
    await writeFile(good, [HEADER, 'PO-9101,PV-1,EJ-1245,500,2026-12-20,approved,Ana', 'PO-9104,PV-4,EJ-1245,200,2026-12-21,approved,', ''].join('\n'));
    const ok = spawnTakt(['import', 'orders', good, '--central', central.url], { TAKT_ADMIN_TOKEN: ADMIN });
    expect((await ok.exited()).code).toBe(0);
    expect(ok.stdout()).toMatch(/^Imported 2 \(orders\)$/m);
    expect(ok.stdout()).toMatch(/^warning: .*PO-9104/m);
    expect(await workOrderStatus('PO-9101/10')).toBe(200);
  }, 120_000);

  it('sends an .xlsx file as a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('orders');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['PO-9301', 'PV-9', 'EJ-1245', 120, '2026-12-22', 'approved', 'Ana']);
    const file = join(dir, 'orders.xlsx');
    await workbook.xlsx.writeFile(file);
    const p = spawnTakt(['import', 'orders', file, '--central', central.url], { TAKT_ADMIN_TOKEN: ADMIN });
    expect((await p.exited()).code).toBe(0);
    expect(p.stdout()).toMatch(/^Imported 1 \(orders\)$/m);
    expect(await workOrderStatus('PO-9301/10')).toBe(200);
  }, 60_000);

  it('exits 2 on usage errors and explains an unknown extension', async () => {
    const txt = join(dir, 'orders.txt');
    await writeFile(txt, HEADER);
    const p = spawnTakt(['import', 'orders', txt, '--central', central.url], { TAKT_ADMIN_TOKEN: ADMIN });
    expect((await p.exited()).code).toBe(2);
    expect(p.stderr()).toContain('use a .json, .csv or .xlsx file');
    const kind = spawnTakt(['import', 'people', txt], { TAKT_ADMIN_TOKEN: ADMIN });
    expect((await kind.exited()).code).toBe(2);
    expect(kind.stderr()).toContain('unknown kind "people"');
  }, 60_000);

  it('says clearly when central cannot be reached', async () => {
    const file = join(dir, 'one.csv');
    await writeFile(file, `${HEADER}\nPO-9201,PV-1,EJ-1245,5,2026-12-20,approved,Ana\n`);
    const p = spawnTakt(['import', 'orders', file, '--central', 'http://127.0.0.1:1'], { TAKT_ADMIN_TOKEN: ADMIN });
    expect((await p.exited()).code).toBe(1);
    expect(p.stderr()).toContain('Cannot reach central at http://127.0.0.1:1');
  }, 60_000);
});
