/**
 * The device screen end to end: a real central, a browser-mode terminal, socat serial pairs and
 * `takt sim` simulators on the far side. The admin configures a poll-mode Sylvac gauge and a
 * streaming Mitutoyo, watches raw bytes and parsed readings in the live monitor, sends a test
 * request, sees a GS1 DataMatrix scan split into its AIs, and pulls a cable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { simScan, startCentralProcess, startSerialPair, startTerminal, stopAll, stopProcess, tempDir } from './support/processes';
import { openTerminal, screenshot, signInByTyping } from './support/terminal-page';

const repo = resolve(import.meta.dirname, '../..');
const sims = new Set<ChildProcess>();

/** `takt sim <profile>` in the background until stopped (or until its port goes away). */
function startSim(profile: string, port: string, ...args: string[]): ChildProcess {
  const proc = spawn(process.execPath, [join(repo, 'bin/takt.mjs'), 'sim', profile, '--port', port, ...args], { cwd: repo, stdio: 'ignore' });
  sims.add(proc);
  proc.on('exit', () => sims.delete(proc));
  return proc;
}

test.afterEach(async () => {
  await Promise.all([...sims].map((p) => stopProcess(p)));
  await stopAll();
});

const monitor = (page: Page) => page.getByRole('region', { name: 'Monitor en vivo' });
const stateOf = (page: Page, id: string) => page.getByRole('status', { name: `Estado de ${id}` });

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Adds a device by path with a profile, as an admin would on the touch screen. */
async function addInstrument(page: Page, id: string, path: string, profile: string): Promise<void> {
  await page.getByRole('button', { name: 'Añadir por ruta' }).click();
  await page.getByRole('textbox', { name: 'Identificador' }).fill(id);
  await page.getByRole('textbox', { name: 'Ruta del puerto' }).fill(path);
  await choose(page, 'Perfil', profile);
}

test('an admin configures instruments and a scanner, watches the live monitor, tests a poll and survives an unplugged cable', async ({ page }) => {
  // Four processes, three socat pairs and a browser on a shared machine: more than the default.
  test.setTimeout(300_000);
  const central = await startCentralProcess();
  const dir = tempDir('devices');
  const scanner = await startSerialPair(dir, 'scanner');
  let gauge = await startSerialPair(dir, 'sylvac');
  const caliper = await startSerialPair(dir, 'mitutoyo');
  const terminal = await startTerminal({ centralUrl: central.url, scanner: scanner.device });

  await openTerminal(page, terminal.url);
  await expect(page.getByText(/en línea/)).toBeVisible();
  await signInByTyping(page, 'B-10001');
  await page.getByRole('button', { name: 'Dispositivos' }).click();
  await expect(page.getByRole('heading', { name: 'Dispositivos del puesto' })).toBeVisible();
  await expect(stateOf(page, 'scanner-1')).toHaveText('Conectado');

  // A GS1 DataMatrix with GS separators through the serial scanner: lot and serial visible.
  simScan(scanner.sim, ']d2010950110153000310LOT42<GS>21SN0001');
  await expect(monitor(page).getByText('(10) LOT42')).toBeVisible();
  await expect(monitor(page).getByText('(21) SN0001')).toBeVisible();
  await expect(monitor(page).getByText('1d 32 31').first()).toBeVisible();
  await screenshot(page, 'devices-scan');

  // A Sylvac gauge in poll mode: the profile brings 4800 7E2, DTR on / RTS off and "?" + CR.
  await addInstrument(page, 'calibre-1', gauge.device, 'Sylvac OPTO-RS');
  await expect(page.getByRole('textbox', { name: 'Velocidad (baudios)' })).toHaveValue('4800');
  await expect(page.getByRole('textbox', { name: 'Comando de petición' })).toHaveValue('?\\r');
  await choose(page, 'Equipo de medida (registro)', 'G-CAL-001 · Pie de rey digital 0–150 mm (mm)');

  // Bad input is refused field by field, nothing saved.
  await page.getByRole('textbox', { name: 'Lecturas estables' }).fill('0');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Un número entero entre 1 y 50.')).toBeVisible();
  await expect(page.getByText('Revisa los campos marcados en rojo; no se ha guardado nada.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Lecturas estables' }).fill('2');

  // A Mitutoyo 01A caliper streams on its own (no request command).
  await addInstrument(page, 'calibre-2', caliper.device, 'Mitutoyo 01A');
  await expect(page.getByRole('radio', { name: 'Continuo' })).toBeChecked();
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Configuración guardada')).toBeVisible();
  await expect(stateOf(page, 'calibre-1')).toHaveText('Conectado');
  await expect(stateOf(page, 'calibre-2')).toHaveText('Conectado');
  const saved = JSON.parse(readFileSync(join(terminal.dataDir, 'terminal.json'), 'utf8')) as { devices: { id: string; gaugeId?: string; stableCount?: number }[] };
  expect(saved.devices.find((d) => d.id === 'calibre-1')).toMatchObject({ gaugeId: 'G-CAL-001', stableCount: 2 });

  // The streaming caliper: its frames appear with hex and the parsed value.
  startSim('mitutoyo-01A', caliper.sim, '--value', '25.40', '--interval-ms', '300');
  await expect(monitor(page).getByText('25.40 mm').first()).toBeVisible();
  await expect(monitor(page).getByLabel('Bytes en hexadecimal').first()).toContainText('0d');
  await screenshot(page, 'devices-stream');

  // The poll-mode gauge: the terminal sends "?" CR (3f 0d), the simulator answers.
  await page.getByRole('button', { name: /^calibre-1/ }).click();
  startSim('sylvac-optors', gauge.sim, '--value', '12.345');
  await expect(monitor(page).getByText('3f 0d').first()).toBeVisible();
  await expect(monitor(page).getByText('12.345', { exact: true }).first()).toBeVisible();
  await expect(monitor(page).getByText('aceptada').first()).toBeVisible();
  await page.getByRole('button', { name: 'Petición de prueba' }).click();
  await expect(page.getByText(/^Respuesta: 12\.345/)).toBeVisible();
  await screenshot(page, 'devices-poll');

  // Pull the gauge's cable (kill the socat pair): disconnected; plug it back: reconnects by itself.
  await page.getByRole('button', { name: /^calibre-1/ }).click();
  await gauge.stop();
  await expect(stateOf(page, 'calibre-1')).toHaveText('Desconectado');
  await page.getByRole('button', { name: 'Petición de prueba' }).click();
  await expect(page.getByText('El dispositivo no está conectado.')).toBeVisible();
  await screenshot(page, 'devices-unplugged');
  gauge = await startSerialPair(dir, 'sylvac');
  await expect(stateOf(page, 'calibre-1')).toHaveText('Conectado');
  await page.getByRole('button', { name: 'Limpiar' }).click();
  startSim('sylvac-optors', gauge.sim, '--value', '7.500');
  await expect(monitor(page).getByText('7.500', { exact: true }).first()).toBeVisible();
});

test('a test request to a silent instrument says it timed out, in Spanish', async ({ page }) => {
  const central = await startCentralProcess();
  const dir = tempDir('devices-silent');
  const balance = await startSerialPair(dir, 'balance');
  const terminal = await startTerminal({ centralUrl: central.url });
  await openTerminal(page, terminal.url);
  await expect(page.getByText(/en línea/)).toBeVisible();
  await signInByTyping(page, 'B-10001');
  await page.getByRole('button', { name: 'Dispositivos' }).click();
  await addInstrument(page, 'balanza-1', balance.device, 'MT-SICS');
  await page.getByRole('region', { name: 'Dispositivo balanza-1' }).getByText('Continuo', { exact: true }).click();
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(stateOf(page, 'balanza-1')).toHaveText('Conectado');
  await page.getByRole('button', { name: 'Petición de prueba' }).click();
  await expect(page.getByText(/^El instrumento no respondió a tiempo\. Revisa el cable/)).toBeVisible();
  await expect(monitor(page).getByText('53 49 0d 0a').first()).toBeVisible();
});
