/**
 * The floor end to end (issue 5, operators): readiness before start with real scans through a
 * socat serial pair (one lot refused, one accepted), start to completion confirmed by central, and
 * a disruption reported on one terminal reaching central's notices feed and another terminal's
 * supervisor board.
 */
import { expect, test } from '@playwright/test';
import { gs1CheckDigit } from '../../src/shared/gs1';
import { getJson, startCentralProcess, startSerialPair, startTerminal, simScan, stopAll, tempDir } from './support/processes';
import { openTerminal, screenshot, signInByTyping } from './support/terminal-page';

interface WorkOrderState {
  status: string;
  version: number;
}
interface NoticeFeed {
  notices: { id: string; kind: string; lineId?: string; title: string; body: string; departments: string[] }[];
}

test.afterEach(async () => {
  await stopAll();
});

test('an operator runs a work order from readiness (quarantined lot refused, released lot accepted) to completion', async ({ page }) => {
  const central = await startCentralProcess();
  const pair = await startSerialPair(tempDir('floor-serial'));
  const terminal = await startTerminal({ centralUrl: central.url, scanner: pair.device });
  const woUrl = `${central.url}/api/v1/work-orders/${encodeURIComponent('PO-1001/10')}`;

  await openTerminal(page, terminal.url);
  await expect(page.getByText(/en línea/)).toBeVisible();
  await signInByTyping(page, 'B-10007');
  await page.getByRole('button', { name: 'Abrir orden PO-1001/10' }).click();

  const panel = page.getByTestId('readiness-panel');
  await expect(panel.getByRole('heading', { name: 'Preparación antes de iniciar' })).toBeVisible();
  await expect(page.getByTestId('check-materials')).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('check-equipment')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('check-operator')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('check-gauges')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByRole('button', { name: 'Iniciar', exact: true })).toBeDisabled();

  // The quarantined lot of the right material: refused, with what to do.
  simScan(pair.sim, 'L26-11305');
  const outcome = page.getByTestId('lot-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'refused');
  await expect(outcome).toContainText('Lote L26-11305 rechazado');
  await expect(outcome).toContainText('El lote está en cuarentena.');
  await expect(outcome).toContainText('No lo uses: sepáralo y avisa a calidad.');
  await screenshot(page, 'floor-readiness-refused');

  // The released lot, as a GS1 label (GTIN + AI 10): accepted for what the order still needs.
  const gtin = '0841234500001';
  simScan(pair.sim, `01${gtin}${gs1CheckDigit(gtin)}10L26-10214`);
  await expect(outcome).toHaveAttribute('data-outcome', 'accepted');
  await expect(outcome).toContainText('Lote L26-10214 aceptado: 200 m');
  await expect(page.getByTestId('check-materials')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('readiness-summary')).toHaveAttribute('data-ready', 'true');
  await screenshot(page, 'floor-readiness-ready');

  await page.getByRole('button', { name: 'Iniciar', exact: true }).click();
  await expect.poll(async () => (await getJson<WorkOrderState>(woUrl)).status, { timeout: 30_000 }).toBe('started');
  // Central's row comes back: the readiness panel is gone and the work order runs.
  await expect(page.getByTestId('readiness-panel')).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Finalizar', exact: true }).click();
  await expect.poll(async () => (await getJson<WorkOrderState>(woUrl)).status, { timeout: 30_000 }).toBe('completed');
  await screenshot(page, 'floor-completed');
});

test('a disruption reported on one terminal reaches central’s notices and the supervisor board of another terminal', async ({ browser }) => {
  const central = await startCentralProcess();
  const operatorTerminal = await startTerminal({ centralUrl: central.url, workstation: 'WS-M1-01' });
  const supervisorTerminal = await startTerminal({ centralUrl: central.url, workstation: 'WS-M2-01' });

  const opPage = await (await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } })).newPage();
  await openTerminal(opPage, operatorTerminal.url);
  await expect(opPage.getByText(/en línea/)).toBeVisible();
  await signInByTyping(opPage, 'B-10007');
  await opPage.getByRole('button', { name: 'Abrir orden PO-1001/10' }).click();

  // Three taps: report, cause, send. The cached stock of the order's material shows at once.
  await opPage.getByRole('button', { name: 'Reportar interrupción' }).click();
  await opPage.getByRole('radio', { name: 'Falta de suministro' }).click();
  const stock = opPage.getByTestId('stock-check');
  await expect(stock).toContainText('Barra de acero C45 calibrada Ø16 mm');
  await expect(stock).toContainText('420 m en 1 lote liberado');
  await screenshot(opPage, 'floor-disruption-form');
  await opPage.getByRole('button', { name: 'Enviar aviso' }).click();
  await expect(opPage.getByText('Aviso enviado a producción, control de materiales y marketing.')).toBeVisible();
  await expect(opPage.getByTestId('open-disruption')).toHaveCount(1);

  for (const department of ['production', 'material-control', 'marketing']) {
    await expect
      .poll(async () => (await getJson<NoticeFeed>(`${central.url}/api/v1/notices?department=${department}&open=true`)).notices.filter((n) => n.kind === 'disruption' && n.lineId === 'M1').length, {
        timeout: 30_000,
      })
      .toBe(1);
  }
  const [notice] = (await getJson<NoticeFeed>(`${central.url}/api/v1/notices?department=production&open=true`)).notices.filter((n) => n.kind === 'disruption');
  expect(notice?.body).toContain('Stock RM-C45-16: 420');
  expect(notice?.body).toContain('OT / WO: PO-1001/10');

  // The supervisor on another terminal sees it on the T+2 board.
  const supPage = await (await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } })).newPage();
  await openTerminal(supPage, supervisorTerminal.url);
  await expect(supPage.getByText(/en línea/)).toBeVisible();
  await signInByTyping(supPage, 'B-10003');
  await supPage.getByTestId('nav-supervisor-board').click();
  await expect(supPage.getByTestId('line-disruption').filter({ hasText: 'Falta de suministro' })).toHaveCount(1, { timeout: 60_000 });
  await screenshot(supPage, 'floor-supervisor-board-disruption');

  // Resolved on the floor: gone from the open feed.
  await opPage.getByTestId('open-disruption').getByRole('button', { name: 'Marcar resuelta' }).click();
  await expect(opPage.getByText('No hay interrupciones abiertas en esta línea.')).toBeVisible();
  await expect
    .poll(async () => (await getJson<NoticeFeed>(`${central.url}/api/v1/notices?department=production&open=true`)).notices.filter((n) => n.kind === 'disruption').length, {
      timeout: 30_000,
    })
    .toBe(0);
});
