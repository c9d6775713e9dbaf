/**
 * Supervision end to end (issue 5): a T+2 revision imported at central reaches a browser-mode
 * terminal (the supervisor board and the home banner say what changed), and a supervisor's plan
 * acknowledgement reaches central. Real central process, real terminal, Debian's Chromium.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_TOKEN, getJson, startCentralProcess, startTerminal, stopAll } from './support/processes';
import { openTerminal, screenshot, signInByTyping } from './support/terminal-page';

interface DemoT2Row {
  day_offset: number;
  workshop: string;
  line: string;
  shift: string;
  production_order: string;
  operation: string;
  planned_qty: number;
}

async function todayOnScreen(page: Page): Promise<string> {
  const label = await page.getByRole('region', { name: /^Hoy / }).getAttribute('aria-label');
  const m = /(\d{4}-\d{2}-\d{2})/.exec(label ?? '');
  if (!m?.[1]) throw new Error(`no date on the Today card: ${label}`);
  return m[1];
}

test.afterEach(async () => {
  await stopAll();
});

test('a T+2 revision imported at central shows on the terminal; the supervisor acknowledges the plan and central records it', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const central = await startCentralProcess();
  const terminal = await startTerminal({ centralUrl: central.url, workstation: 'WS-M1-01' });
  await openTerminal(page, terminal.url);
  await expect(page.getByText(/en línea/)).toBeVisible();
  await signInByTyping(page, 'B-10003');
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Hoy / })).toBeVisible();
  const today = await todayOnScreen(page);

  // The board before the revision: line M1 of Mecanizado, today's plan v1 not yet acknowledged.
  await page.getByRole('button', { name: 'Tablero T+2' }).click();
  const m1 = page.getByRole('region', { name: 'Línea M1', exact: true });
  await expect(m1).toBeVisible();
  await expect(m1.getByTestId('line-target').first()).not.toHaveText('0');

  // Production revises today's plan at central: one M1 work order +25, the rest as it was.
  const demo = JSON.parse(readFileSync('resources/demo/t2-plan.json', 'utf8')) as DemoT2Row[];
  const rows = demo
    .filter((r) => r.day_offset === 0)
    .map(({ day_offset: _d, ...r }) => ({ date: today, ...r }));
  const target = rows.find((r) => r.line === 'M1');
  if (!target) throw new Error('the demo plans nothing on M1 today');
  const workOrderId = `${target.production_order}/${target.operation}`;
  const dayTotal = rows.filter((r) => r.line === 'M1' && `${r.production_order}/${r.operation}` === workOrderId).reduce((s, r) => s + r.planned_qty, 0);
  target.planned_qty += 25;
  const res = await fetch(`${central.url}/api/v1/import/t2-plan`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(rows),
  });
  expect(res.status).toBe(200);

  // The board shows the revision on M1 and asks for a new acknowledgement of v2.
  await page.getByRole('button', { name: 'Sincronizar ahora' }).click();
  const change = `${workOrderId}: ${dayTotal} → ${dayTotal + 25}`;
  await expect(m1.getByTestId('revision-change')).toHaveText(change);
  await expect(m1.getByTestId('line-revision')).toContainText('(v1 → v2)');
  const todayCard = page.getByTestId(`plan-day-MEC-${today}`);
  await expect(todayCard.getByText('Plan v2', { exact: true })).toBeVisible();
  await screenshot(page, 'supervisor-board');

  // The home screen of this M1 workstation shows the banner until someone marks it seen.
  await page.getByRole('button', { name: 'Volver a la cola' }).click();
  const banner = page.getByTestId('plan-revision-banner');
  await expect(banner).toContainText('El plan de tu línea ha cambiado');
  await expect(banner).toContainText(change);
  await screenshot(page, 'home-plan-revision');
  await banner.getByRole('button', { name: /^Marcar como vista/ }).click();
  await expect(banner).toHaveCount(0);

  // Acknowledge today's plan v2 for Mecanizado; central records who and which version.
  await page.getByRole('button', { name: 'Tablero T+2' }).click();
  await todayCard.getByRole('button', { name: /^Confirmar el plan v2 del Hoy .* para Mecanizado$/ }).click();
  await expect(todayCard.getByTestId('plan-ack-status')).toHaveText(/Confirmación enviada|Confirmado por/);
  await page.getByRole('button', { name: 'Sincronizar ahora' }).click();
  await expect(todayCard.getByTestId('plan-ack-status')).toHaveText(/^Confirmado por .+ a las \d\d:\d\d$/);
  const acks = await getJson<{ acknowledgements: { planVersion: number; operatorId: string; workstationId: string }[] }>(
    `${central.url}/api/v1/reports/plan-acknowledgements?date=${today}&workshop=MEC`,
  );
  expect(acks.acknowledgements).toEqual([expect.objectContaining({ planVersion: 2, operatorId: 'OP-0003', workstationId: 'WS-M1-01' })]);
  await screenshot(page, 'supervisor-board-acknowledged');

  // The monthly rolling schedule: plan by product and day, with the actual column from central.
  await page.getByRole('button', { name: 'Programa mensual' }).click();
  await expect(page.getByRole('table', { name: 'Programa mensual móvil' })).toBeVisible();
  await expect(page.getByTestId('monthly-offline')).toHaveCount(0);
  await screenshot(page, 'monthly-schedule');
});
