/**
 * Quality at the station end to end (issue 6): real instruments simulated by `takt sim` on socat
 * serial pairs (Sylvac micrometer and calipers, an MT-SICS balance), a real central process.
 * Output is blocked before the first article; output an old terminal sent anyway is flagged by
 * central and reviewed by the inspector; an overdue caliper's reading is refused with its reason;
 * a failing first article raises a prefilled NC, whose rework order reaches the station's queue
 * marked as rework; a passing one opens the gate, at central too, and output is then recorded.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_TOKEN, getJson, simInstrument, simScan, startCentralProcess, startSerialPair, startTerminal, stopAll, tempDir } from './support/processes';
import { pushOutputFromOldTerminal } from './support/quality';
import { openTerminal, screenshot, signInByTyping } from './support/terminal-page';

test.afterEach(async () => {
  await stopAll();
});

const WO = 'PO-1001/10';

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(page.getByLabel('Tarjeta')).toBeVisible();
}

test('a first article from a Sylvac caliper and an MT-SICS balance opens the output gate; a failing one raises a prefilled NC', async ({ page }) => {
  test.setTimeout(240_000);
  const central = await startCentralProcess({ firstArticles: 'pending' });
  // An old terminal that does not know the gate sends output before any first article passed.
  await pushOutputFromOldTerminal(central.url, ADMIN_TOKEN, WO, 3);
  const dir = tempDir('quality-serial');
  const [scanner, mic, cal, oldCal, bal] = await Promise.all(
    ['scanner', 'micrometer', 'caliper', 'caliper-overdue', 'balance'].map((n) => startSerialPair(dir, n)),
  );
  const terminal = await startTerminal({
    centralUrl: central.url,
    scanner: scanner!.device,
    devices: [
      { id: 'micrometer-1', kind: 'instrument', path: mic!.device, protocol: 'sylvac-optors', gaugeId: 'G-MIC-001' },
      { id: 'caliper-1', kind: 'instrument', path: cal!.device, protocol: 'sylvac-optors', gaugeId: 'G-CAL-001' },
      { id: 'caliper-3', kind: 'instrument', path: oldCal!.device, protocol: 'sylvac-optors', gaugeId: 'G-CAL-003' },
      { id: 'balance-1', kind: 'instrument', path: bal!.device, protocol: 'mt-sics', gaugeId: 'G-BAL-001' },
    ],
  });

  // The operator: output on the new work order waits for its first article.
  await openTerminal(page, terminal.url);
  await expect(page.getByText(/en línea/)).toBeVisible();
  await signInByTyping(page, 'B-10007');
  await page.getByRole('button', { name: `Abrir orden ${WO}`, exact: true }).click();
  await expect(page.getByTestId('first-article-gate')).toContainText('un inspector debe aprobar la primera pieza');
  await expect(page.getByRole('button', { name: 'Guardar' })).toBeDisabled();
  await screenshot(page, 'quality-output-blocked');
  await page.getByRole('button', { name: 'Volver a la cola' }).click();
  await signOut(page);

  // The inspector scans the work order at the quality screen.
  await signInByTyping(page, 'B-10005');
  await page.getByTestId('nav-quality').click();
  simScan(scanner!.sim, WO);
  await expect(page.getByTestId('inspection-wo')).toContainText(WO);
  const value = (id: string) => page.getByTestId(`char-value-${id}`);

  // Central flagged that output for QC: the inspector checks those pieces and accepts them.
  await expect(page.getByTestId('first-article-flag-counts')).toHaveText('1 registro sin revisar: 3 buenas, 0 chatarra');
  await screenshot(page, 'quality-first-article-flag');
  await page.getByRole('button', { name: 'Piezas revisadas: correctas' }).click();
  await expect(page.getByTestId('first-article-flag-reviewed')).toContainText('piezas aceptadas');
  type Notices = { notices: { id: string }[] };
  const openQualityNotices = async () => (await getJson<Notices>(`${central.url}/api/v1/notices?department=quality&open=true`)).notices.map((n) => n.id);
  await expect.poll(openQualityNotices, { timeout: 30_000 }).not.toContain(`first-article-gate:${WO}`);

  // An overdue caliper is refused with its reason, and nothing is filled.
  await page.getByRole('listitem', { name: 'Longitud total 45' }).click();
  simInstrument('sylvac-optors', oldCal!.sim, '45.01');
  await expect(page.getByTestId('reading-refused')).toContainText('La calibración del equipo G-CAL-003 venció el 2026-06-30.');
  await expect(page.getByTestId('reading-refused')).toContainText('gauge-overdue');
  await expect(value('EJ-1245-C02')).toHaveText('—');
  await screenshot(page, 'quality-overdue-refused');

  // First attempt: the length is out of tolerance.
  await page.getByRole('listitem', { name: 'Diámetro Ø12 h7' }).click();
  simInstrument('sylvac-optors', mic!.sim, '11.990');
  await expect(value('EJ-1245-C01')).toHaveText('11.990 mm');
  simInstrument('sylvac-optors', cal!.sim, '45.08');
  await expect(value('EJ-1245-C02')).toHaveText('45.08 mm');
  await expect(page.getByTestId('char-verdict-EJ-1245-C02')).toHaveText('No conforme');
  await page.getByRole('button', { name: 'Conforme', exact: true }).click();
  simInstrument('mt-sics', bal!.sim, '39.92', { extra: ['--unit', 'g'] });
  await expect(value('EJ-1245-C08')).toHaveText('39.92 g');
  await expect(page.getByTestId('overall-verdict')).toContainText('No conforme');
  await page.getByLabel('Tarjeta').fill('B-10005');
  await page.getByRole('button', { name: 'Firmar y registrar' }).click();
  await expect(page.getByTestId('inspection-recorded')).toContainText('NO CONFORME');
  await expect(page.getByLabel('Descripción')).toHaveValue('Longitud total 45: 45.08 mm');
  await expect(page.getByLabel('Orden de trabajo')).toHaveValue(WO);
  await expect(page.getByLabel('Código de defecto')).toHaveValue('DF01');
  await page.getByLabel('Ubicación de cuarentena').fill('CUA-01');
  await screenshot(page, 'quality-nc-prefilled');
  await page.getByRole('button', { name: 'Abrir no conformidad' }).click();
  await expect(page.getByTestId('nc-raised')).toBeVisible();

  // Second attempt, after the correction: every characteristic passes.
  await page.getByRole('button', { name: 'Nueva inspección' }).click();
  simInstrument('sylvac-optors', mic!.sim, '11.995');
  await expect(value('EJ-1245-C01')).toHaveText('11.995 mm');
  simInstrument('sylvac-optors', cal!.sim, '45.02');
  await expect(value('EJ-1245-C02')).toHaveText('45.02 mm');
  await page.getByRole('button', { name: 'Conforme', exact: true }).click();
  simInstrument('mt-sics', bal!.sim, '39.88', { extra: ['--unit', 'g'] });
  await expect(value('EJ-1245-C08')).toHaveText('39.88 g');
  await expect(page.getByTestId('overall-verdict')).toContainText('Conforme');
  await screenshot(page, 'quality-first-article-pass');
  await page.getByLabel('Tarjeta').fill('B-10005');
  await page.getByRole('button', { name: 'Firmar y registrar' }).click();
  const recorded = page.getByTestId('inspection-recorded');
  await expect(recorded).toContainText(/: CONFORME/);
  const inspectionId = /Inspección (FA-\S+) guardada/.exec((await recorded.textContent()) ?? '')?.[1];
  expect(inspectionId).toBeTruthy();

  // Central keeps it with every reading's provenance and serves the Form 3 report.
  type Form3 = { verdict: string; accepted: boolean; rows: Record<string, unknown>[] };
  const reportUrl = `${central.url}/api/v1/quality/first-article/${inspectionId}`;
  await expect.poll(async () => (await getJson<Form3>(reportUrl).catch(() => null))?.verdict ?? null, { timeout: 30_000 }).toBe('pass');
  const report = await getJson<Form3>(reportUrl);
  expect(report).toMatchObject({ verdict: 'pass', accepted: true });
  expect(report.rows.find((r) => r.characteristicId === 'EJ-1245-C02')).toMatchObject({ result: '45.02 mm', gaugeId: 'G-CAL-001', gaugeCertificate: 'CC-2026-1187', source: 'instrument' });
  expect(report.rows.find((r) => r.characteristicId === 'EJ-1245-C08')).toMatchObject({ result: '39.88 g', gaugeId: 'G-BAL-001', gaugeCalibrationDueOn: '2028-12-31' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Informe FAI (PDF)' }).click();
  expect((await download).suggestedFilename()).toBe(`FAI-${inspectionId}.pdf`);
  await page.getByRole('button', { name: 'Otra orden' }).click();
  const ncRow = page.getByTestId(/^nc-NC-/);
  await expect(ncRow).toContainText('DF01');
  // The NC's piece is reworked: central creates a rework work order for the station that made it.
  await ncRow.getByRole('button', { name: 'Reprocesar' }).click();
  await expect(ncRow).toContainText(`Orden de retrabajo: ${WO}-RW1`, { timeout: 30_000 });
  await screenshot(page, 'quality-home');
  await page.getByRole('button', { name: 'Volver a la cola' }).click();
  await signOut(page);

  // The operator can now record output; the rework order is in the queue, marked as such.
  await signInByTyping(page, 'B-10007');
  const reworkRow = page.locator(`[data-testid="queue-row"][data-work-order-id="${WO}-RW1"]`);
  await expect(reworkRow.getByTestId('rework-badge')).toHaveText('Retrabajo');
  await expect(page.locator(`[data-testid="queue-row"][data-work-order-id="${WO}"]`).getByTestId('rework-badge')).toHaveCount(0);
  await page.getByRole('button', { name: `Abrir orden ${WO}`, exact: true }).click();
  await expect(page.getByTestId('first-article-gate')).toHaveCount(0);
  await page.getByLabel('Buenas', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Guardado: 5 buenas, 0 de rechazo')).toBeVisible();
  // Patrols on this operation come every 50 pieces (or 60 minutes) after the first article.
  await expect(page.getByTestId('patrol-next')).toContainText('en 45 piezas');
  await screenshot(page, 'quality-output-allowed');
  await page.getByLabel('Buenas', { exact: true }).fill('45');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByTestId('patrol-due')).toContainText('cada 50 piezas');
  await screenshot(page, 'quality-patrol-due');
});
