/**
 * Identification and traceability end to end (clauses 4.8, 4.9): an operator consumes a material
 * lot (GS1 label through a real socat serial pair), records good output — which creates a lot —
 * prints its label as PDF, and scans the label's element string back through `takt sim scanner`:
 * the trace screen opens that lot and its tree reaches the material lot; the material lot's
 * recall lists the finished lot.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { expect, test } from '@playwright/test';
import { gs1CheckDigit } from '../../src/shared/gs1';
import { getJson, startCentralProcess, startSerialPair, startTerminal, simScan, stopAll, tempDir } from './support/processes';
import { openTerminal, screenshot, signInByTyping } from './support/terminal-page';

/** QC signs the first article of a work order from its own terminal (pushed straight to central). */
async function firstArticlePassed(centralUrl: string, workOrderId: string): Promise<void> {
  const admin = { authorization: 'Bearer e2e-admin-token-0123456789', 'content-type': 'application/json' };
  const enrol = await fetch(`${centralUrl}/api/v1/terminals`, { method: 'POST', headers: admin, body: JSON.stringify({ workstationId: 'WS-A2-02', name: 'QC' }) });
  const { terminalId, token } = (await enrol.json()) as { terminalId: string; token: string };
  const epoch = randomUUID();
  const event = {
    id: uuidv7(),
    terminalId,
    epoch,
    seq: 1,
    type: 'inspection.recorded',
    v: 1,
    occurredAt: new Date().toISOString(),
    clockOffsetMs: 0,
    operatorId: 'OP-0005',
    workstationId: 'WS-A2-02',
    payload: {
      inspectionId: `FA-${workOrderId}`,
      kind: 'first-article',
      workOrderId,
      results: [{ characteristicId: 'EJ-1245-C03', attribute: 'pass', source: 'manual', verdict: 'pass', manualReason: 'e2e' }],
      verdict: 'pass',
      inspectorId: 'OP-0005',
    },
  };
  const push = await fetch(`${centralUrl}/sync/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 1, terminalId, epoch, events: [event] }),
  });
  expect(((await push.json()) as { accepted: number }).accepted).toBe(1);
}

test.afterEach(async () => {
  await stopAll();
});

test('a lot label printed as PDF scans back into the trace of that lot, down to its material lot', async ({ page }) => {
  const central = await startCentralProcess();
  const pair = await startSerialPair(tempDir('trace-serial'));
  const terminal = await startTerminal({ centralUrl: central.url, scanner: pair.device });
  const woUrl = `${central.url}/api/v1/work-orders/${encodeURIComponent('PO-1001/10')}`;

  await firstArticlePassed(central.url, 'PO-1001/10');
  await openTerminal(page, terminal.url);
  await expect(page.getByText(/en línea/)).toBeVisible();
  await signInByTyping(page, 'B-10007');
  await page.getByRole('button', { name: 'Abrir orden PO-1001/10' }).click();

  // Material issue: the released bar-stock lot, from its GS1 label, once the readiness panel
  // (which takes material scans on this screen) is there.
  await expect(page.getByRole('region', { name: 'Preparación antes de iniciar' })).toBeVisible();
  const gtin = '0841234500001';
  simScan(pair.sim, `01${gtin}${gs1CheckDigit(gtin)}10L26-10214`);
  await expect(page.getByTestId('lot-outcome')).toHaveAttribute('data-outcome', 'accepted');
  await page.getByRole('button', { name: 'Iniciar', exact: true }).click();
  await expect.poll(async () => (await getJson<{ status: string }>(woUrl)).status, { timeout: 30_000 }).toBe('started');
  await expect(page.getByTestId('readiness-panel')).toHaveCount(0, { timeout: 30_000 });

  // Good output creates a lot; its label prints as a PDF.
  await expect(page.getByTestId('first-article-gate')).toHaveCount(0, { timeout: 30_000 });
  await page.getByLabel('Buenas', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Guardado: 5 buenas, 0 de rechazo')).toBeVisible();
  const panel = page.getByTestId('label-panel-lot');
  const lotId = ((await panel.getByText(/^Lote /).textContent()) ?? '').replace(/^Lote /, '');
  expect(lotId).toMatch(/^\d{6}-M101-001$/);
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Imprimir etiqueta' }).click();
  const pdfPath = await (await download).path();
  const pdf = readFileSync(pdfPath).toString('latin1');
  expect(pdf.startsWith('%PDF-')).toBe(true);
  const printed = page.getByTestId('label-printed');
  await expect(printed).toContainText('Etiqueta impresa (pdf)');
  const elementString = (await printed.getAttribute('data-element-string')) ?? '';
  expect(elementString).toContain(`10${lotId}\u001d91PO-1001/10`);
  expect(elementString.startsWith('0108412345001017')).toBe(true);
  // The PDF carries the same data as its interpretation line (Keywords).
  expect(pdf.replace(/\\([()])/g, '$1')).toContain(`(10)${lotId}(91)PO-1001/10`);
  await screenshot(page, 'trace-label-printed');

  // Once central has the lot, scanning the label on the home screen opens its trace.
  await expect
    .poll(async () => (await fetch(`${central.url}/api/v1/trace/lot/${lotId}?direction=backward`, { headers: { authorization: 'Bearer e2e-admin-token-0123456789' } })).status, { timeout: 30_000 })
    .toBe(200);
  await page.getByRole('button', { name: 'Volver a la cola' }).first().click();
  simScan(pair.sim, elementString.split('\u001d').join('<GS>'));
  await expect(page.getByRole('heading', { name: `Lote ${lotId}` })).toBeVisible();
  const tree = page.getByRole('tree');
  await expect(tree.getByRole('treeitem', { name: `Lote ${lotId}` })).toBeVisible();
  const material = tree.getByRole('treeitem', { name: 'Lote de material L26-10214' });
  await expect(material).toBeVisible();
  await expect(tree).toContainText('PO-1001/10');
  await screenshot(page, 'trace-backward');

  // The material lot's recall lists the lot made from it.
  await page.getByLabel('Identificador').fill('L26-10214');
  await page.getByRole('button', { name: 'Trazar' }).click();
  await expect(page.getByRole('heading', { name: 'Lote L26-10214' })).toBeVisible();
  await page.getByText('Retirada', { exact: true }).click();
  await expect(page.getByTestId('recall-lot').filter({ hasText: lotId })).toBeVisible();
  await screenshot(page, 'trace-recall');
});
