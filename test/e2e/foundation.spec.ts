/**
 * The walking skeleton end to end: a real central process, a real browser-mode terminal, a real
 * socat serial pair fed by `takt sim scanner`, and Debian's Chromium.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  getJson,
  startCentralProcess,
  startSerialPair,
  startTerminal,
  simScan,
  stopAll,
  tempDir,
  type CentralProcess,
} from './support/processes';
import { openTerminal, screenshot, signInByTyping } from './support/terminal-page';

interface DailyRow {
  workshop: string;
  line: string;
  productionOrder: string;
  operation: string;
  product: string;
  planned: number;
  good: number;
  scrap: number;
}
interface DailyReport {
  date: string;
  rows: DailyRow[];
  totals: { planned: number; good: number; scrap: number };
}

async function reportRow(central: CentralProcess, date: string, workOrderId: string): Promise<DailyRow | undefined> {
  const [po, op] = workOrderId.split('/');
  const report = await getJson<DailyReport>(`${central.url}/api/v1/reports/daily?date=${date}`);
  return report.rows.find((r) => r.productionOrder === po && r.operation === op);
}

/** The production day the terminal shows as "Hoy" (today) in its T+2 panel. */
async function todayOnScreen(page: Page): Promise<string> {
  const label = await page.getByRole('region', { name: /^Hoy / }).getAttribute('aria-label');
  const m = /(\d{4}-\d{2}-\d{2})/.exec(label ?? '');
  if (!m?.[1]) throw new Error(`no date on the Today card: ${label}`);
  return m[1];
}

test.afterEach(async () => {
  await stopAll();
});

test('an operator signs in with a serial badge scan, sees the T+2 plan and records output that reaches the daily report', async ({
  page,
}) => {
  const central = await startCentralProcess();
  const dir = tempDir('serial');
  const pair = await startSerialPair(dir);
  const terminal = await startTerminal({ centralUrl: central.url, scanner: pair.device });

  await openTerminal(page, terminal.url);
  await expect(page.getByRole('heading', { name: 'Escanea tu tarjeta' })).toBeVisible();
  await screenshot(page, 'login');

  // The operator holds a badge under the serial scanner.
  await expect(page.getByText(/en línea/)).toBeVisible();
  simScan(pair.sim, 'B-10007');
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();

  // T+2: today, tomorrow and the day after, and the work-order queue of WS-M1-01.
  await expect(page.getByRole('region', { name: /^Hoy / })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Mañana / })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Pasado mañana / })).toBeVisible();
  const firstOrder = page.getByRole('button', { name: /^Abrir orden / }).first();
  await expect(firstOrder).toBeVisible();
  await screenshot(page, 'home');
  const today = await todayOnScreen(page);
  const name = (await firstOrder.getAttribute('aria-label')) ?? '';
  const workOrderId = name.replace(/^Abrir orden /, '');
  const before = (await reportRow(central, today, workOrderId)) ?? { good: 0, scrap: 0, planned: 0 };

  await firstOrder.click();
  await page.getByLabel('Buenas', { exact: true }).fill('7');
  await page.getByLabel('Rechazo', { exact: true }).fill('2');
  await page.getByLabel('Motivo de rechazo', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Guardado: 7 buenas, 2 de rechazo')).toBeVisible();
  await screenshot(page, 'work-order');

  await expect
    .poll(async () => (await reportRow(central, today, workOrderId))?.good, { timeout: 30_000 })
    .toBe(before.good + 7);
  const row = await reportRow(central, today, workOrderId);
  expect(row?.scrap).toBe(before.scrap + 2);
  expect(row?.planned).toBeGreaterThan(0);
});

test('with central stopped, recording goes on and the queue drains exactly once when central is back', async ({
  page,
}) => {
  const centralData = tempDir('central-restart');
  let central = await startCentralProcess({ dataDir: centralData });
  const port = central.port;
  const terminal = await startTerminal({ centralUrl: central.url });

  await openTerminal(page, terminal.url);
  await expect(page.getByText(/en línea/)).toBeVisible();
  await signInByTyping(page, 'B-10008');
  const firstOrder = page.getByRole('button', { name: /^Abrir orden / }).first();
  const today = await todayOnScreen(page);
  const workOrderId = ((await firstOrder.getAttribute('aria-label')) ?? '').replace(/^Abrir orden /, '');
  await firstOrder.click();
  // The sign-in record reaches central first, so only what is saved offline is counted below.
  const syncStatus = page.getByRole('status', { name: 'Estado de sincronización' });
  await expect(syncStatus).toContainText('en línea');
  await expect(syncStatus).not.toContainText('pendiente', { timeout: 30_000 });

  await central.stop();
  for (const good of ['3', '4']) {
    await page.getByLabel('Buenas', { exact: true }).fill(good);
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect(page.getByText(`Guardado: ${good} buenas, 0 de rechazo`)).toBeVisible();
  }
  // Each save is two records: the output and the lot it created (4.8).
  await expect(page.getByText('sin conexión, 4 registros pendientes')).toBeVisible();
  await screenshot(page, 'offline');

  central = await startCentralProcess({ dataDir: centralData, port });
  await expect(page.getByText(/pendiente/)).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByText(/en línea/)).toBeVisible();

  await expect
    .poll(async () => (await reportRow(central, today, workOrderId))?.good, { timeout: 30_000 })
    .toBe(7);
  // Nudge another sync round: the records must not be counted twice.
  await page.getByRole('button', { name: 'Sincronizar ahora' }).click();
  await expect(page.getByText(/en línea/)).toBeVisible();
  expect((await reportRow(central, today, workOrderId))?.good).toBe(7);
});

test('the interface switches between Spanish and English and remembers the choice', async ({ page }) => {
  const central = await startCentralProcess();
  const terminal = await startTerminal({ centralUrl: central.url });
  await openTerminal(page, terminal.url);
  await expect(page.getByRole('heading', { name: 'Escanea tu tarjeta' })).toBeVisible();

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await expect(page.getByLabel('Badge')).toBeVisible();

  await page.reload();
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();

  await page.getByRole('button', { name: 'ES', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Escanea tu tarjeta' })).toBeVisible();
});

test('the default language follows the workstation locale and falls back to Spanish', async ({ browser }) => {
  const central = await startCentralProcess();
  const english = await startTerminal({ centralUrl: central.url, env: { LANG: 'en_GB.UTF-8' } });
  const french = await startTerminal({ centralUrl: central.url, env: { LANG: 'fr_FR.UTF-8' } });

  const enContext = await browser.newContext({ locale: 'en-GB' });
  const enPage = await enContext.newPage();
  await openTerminal(enPage, english.url);
  await expect(enPage.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await enContext.close();

  const frContext = await browser.newContext({ locale: 'fr-FR' });
  const frPage = await frContext.newPage();
  await openTerminal(frPage, french.url);
  await expect(frPage.getByRole('heading', { name: 'Escanea tu tarjeta' })).toBeVisible();
  await frContext.close();
});
