/**
 * Clause 4.11 on the terminal: a supervisor opens the daily report of the output an operator just
 * recorded, reads the under-production Pareto chart, and exports the report as XLSX, whose cells
 * are read back with exceljs as a department's spreadsheet would.
 */
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { ADMIN_TOKEN, getJson, startCentralProcess, startTerminal, stopAll } from './support/processes';
import { openTerminal, screenshot, signInByTyping } from './support/terminal-page';

/** Enrols a second terminal and pushes one output record through the sync API. */
async function pushOutput(centralUrl: string, workOrderId: string, good: number, scrap: number): Promise<void> {
  const post = async (path: string, token: string, body: unknown) => {
    const res = await fetch(`${centralUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const { terminalId, token } = (await post('/api/v1/terminals', ADMIN_TOKEN, { workstationId: 'WS-M1-02', name: 'M1-02' })) as { terminalId: string; token: string };
  const epoch = `EP-${Date.now()}`;
  const pushed = await post('/sync/v1/push', token, {
    protocol: 1,
    terminalId,
    epoch,
    events: [
      {
        id: uuidv7(),
        terminalId,
        epoch,
        seq: 1,
        type: 'output.recorded',
        v: 1,
        occurredAt: new Date().toISOString(),
        clockOffsetMs: 0,
        operatorId: 'OP-0008',
        workstationId: 'WS-M1-02',
        payload: { workOrderId, goodQty: good, scrapQty: scrap, scrapReason: 'SC01' },
      },
    ],
  });
  expect(pushed).toMatchObject({ accepted: 1, rejected: [] });
}

test.afterEach(async () => {
  await stopAll();
});

async function todayOnScreen(page: Page): Promise<string> {
  const label = await page.getByRole('region', { name: /^Hoy / }).getAttribute('aria-label');
  const m = /(\d{4}-\d{2}-\d{2})/.exec(label ?? '');
  if (!m?.[1]) throw new Error(`no date on the Today card: ${label}`);
  return m[1];
}

test('a supervisor reads the daily report and its Pareto chart and exports it as XLSX', async ({ page }) => {
  const central = await startCentralProcess();
  const terminal = await startTerminal({ centralUrl: central.url });
  await openTerminal(page, terminal.url);
  await expect(page.getByText(/en línea/)).toBeVisible();

  // Another workstation of the line reported 9 good and 1 scrap on today's first planned order
  // (sent straight to central's sync API, as that terminal's engine would).
  await signInByTyping(page, 'B-10003');
  const today = await todayOnScreen(page);
  const before = await getJson<{ rows: { productionOrder: string; operation: string; planned: number }[] }>(`${central.url}/api/v1/reports/daily?date=${today}`);
  const planned = before.rows.find((r) => r.planned > 0);
  if (!planned) throw new Error('the demo plan has nothing planned today');
  const po = planned.productionOrder;
  const op = planned.operation;
  await pushOutput(central.url, `${po}/${op}`, 9, 1);
  // The supervisor opens the reports from the role menu.
  await page.getByRole('button', { name: 'Informes' }).click();
  await expect(page.getByRole('heading', { name: 'Informes de producción' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Informe diario por orden y operación' });
  const row = table.getByRole('row').filter({ hasText: po ?? '' }).filter({ has: page.getByRole('cell', { name: op ?? '', exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(6)).toHaveText('9');
  await expect(row.getByRole('cell').nth(7)).toHaveText('1');
  await expect(page.getByRole('figure', { name: 'Plan y producción por línea' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  await screenshot(page, 'reports-daily');

  // Under-production: the causes add up to the shortfall, drawn as a Pareto chart.
  await page.getByRole('tab', { name: 'Análisis de faltas' }).click();
  const pareto = page.getByRole('figure', { name: 'Pareto de causas de la falta de producción' });
  await expect(pareto).toBeVisible();
  await expect(pareto.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const shortfall = await getJson<{ shortfall: number; causes: { lostQty: number }[] }>(`${central.url}/api/v1/reports/shortfall?from=${today}&to=${today}`);
  expect(shortfall.shortfall).toBeGreaterThan(0);
  const total = page.getByRole('table', { name: 'Causas de la falta de producción' }).getByRole('row').last();
  await expect(total).toContainText(new Intl.NumberFormat('es-ES').format(shortfall.shortfall));
  await screenshot(page, 'reports-pareto');

  // Back to the daily report, exported as XLSX.
  await page.getByRole('tab', { name: 'Diario' }).click();
  await expect(table).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'XLSX' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet('Detalle');
  expect(sheet).toBeDefined();
  const header = (sheet?.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(['Taller', 'Línea', 'Orden de producción', 'Operación', 'Producto', 'Planificado', 'Buenas', 'Rechazo', 'Cumplimiento', 'Déficit']);
  const cells: unknown[][] = [];
  sheet?.eachRow((r, n) => {
    if (n > 1) cells.push((r.values as unknown[]).slice(1));
  });
  const exported = cells.find((c) => c[2] === po && c[3] === op);
  expect(exported?.[6]).toBe(9);
  expect(exported?.[7]).toBe(1);
});
