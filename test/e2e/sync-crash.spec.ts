/**
 * Crash proofs that need a real browser (issue 4): Chromium is killed with SIGKILL while and right
 * after the operator records output, and a wiped browser profile (IndexedDB lost) is restored
 * from the terminal process's journal. Each browser runs on its own profile directory
 * (launchPersistentContext) so IndexedDB outlives the kill exactly as it would on a shop-floor PC.
 *
 * Oracle after each scenario: every record the operator saw "saved" is in IndexedDB after the
 * restart; central holds every seq of the terminal's epoch exactly once (hello: count ==
 * contiguousSeq == maxSeq == the number of events on the terminal); and the daily report grew by
 * exactly the sum of the good quantities stored on the terminal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { getJson, startCentralProcess, startTerminal, stopAll, tempDir, type CentralProcess } from './support/processes';
import { openTerminal, signInByTyping } from './support/terminal-page';

interface StoredEvent {
  id: string;
  epoch: string;
  seq: number;
  type: string;
  state: string;
  payload: { workOrderId?: string; goodQty?: number };
}

const launchArgs = config.use?.launchOptions?.args ?? [];
const step = (what: string) => console.log(`[sync-crash ${new Date().toISOString()}] ${what}`);

function openProfile(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: launchArgs,
    locale: 'es-ES',
    viewport: { width: 1280, height: 800 },
  });
}

/** PIDs of the Chromium processes using this profile (only the ones this test started). */
function chromiumPids(profileDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSafe('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes(`--user-data-dir=${profileDir}`)) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Kills the browser the way a power cut or a crash would: SIGKILL, no unload, no flush. */
function killBrowser(profileDir: string): void {
  const pids = chromiumPids(profileDir);
  if (pids.length === 0) throw new Error(`no Chromium runs on ${profileDir}`);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** The terminal's outbox, read straight from IndexedDB (no app code involved; runs in the page). */
const READ_OUTBOX = `new Promise((resolve, reject) => {
  const req = indexedDB.open('takt');
  req.onerror = () => reject(new Error(String(req.error)));
  req.onsuccess = () => {
    const db = req.result;
    const all = db.transaction('events', 'readonly').objectStore('events').getAll();
    all.onsuccess = () => { resolve(all.result); db.close(); };
    all.onerror = () => reject(new Error(String(all.error)));
  };
})`;

function readOutbox(page: Page): Promise<StoredEvent[]> {
  return page.evaluate<StoredEvent[]>(READ_OUTBOX);
}

function terminalToken(dataDir: string): { terminalId: string; token: string } {
  return JSON.parse(readFileSync(join(dataDir, 'terminal.json'), 'utf8')) as { terminalId: string; token: string };
}

async function centralAcked(central: CentralProcess, dataDir: string, epoch: string) {
  const { terminalId, token } = terminalToken(dataDir);
  const res = await fetch(`${central.url}/sync/v1/hello`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 1, terminalId, epoch, appVersion: 'e2e' }),
  });
  const body = (await res.json()) as { acked: { contiguousSeq: number; maxSeq: number; count: number } };
  return body.acked;
}


/**
 * One saved record per step the operator sees: signing in records `shift.login` (the session
 * starts only once it is committed), signing out records `shift.logout`. Output entry is gated by
 * readiness and first-article approval on this build, so the shift events are the records here;
 * the output totals are proven by the integration oracle (test/integration/sync-faults.test.ts).
 */
async function signIn(page: Page, badge: string): Promise<void> {
  // Central is down on purpose here: the first sync happened before it went away.
  await signInByTyping(page, badge, { afterSync: false });
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(page.getByRole('heading', { name: 'Escanea tu tarjeta' })).toBeVisible();
}

async function shiftCycles(page: Page, badge: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await signIn(page, badge);
    await signOut(page);
  }
}

async function goodTotal(central: CentralProcess): Promise<number> {
  let total = 0;
  for (const date of [new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), new Date().toISOString().slice(0, 10)]) {
    const report = await getJson<{ totals: { good: number } }>(`${central.url}/api/v1/reports/daily?date=${date}`);
    total += report.totals.good;
  }
  return total;
}

/** The oracle: terminal and central agree on every event, once each, and the report on every unit. */
async function expectExactlyOnce(page: Page, central: CentralProcess, dataDir: string, goodBefore: number) {
  step('checking the oracle');
  // "Sync now" cuts the backoff short (it may have grown to a minute while central was down).
  await page.getByRole('button', { name: 'Sincronizar ahora' }).click();
  await expect(page.getByText(/pendiente/)).toHaveCount(0, { timeout: 90_000 });
  const outbox = await readOutbox(page);
  expect(outbox.every((e) => e.state === 'acked')).toBe(true);
  const byEpoch = new Map<string, StoredEvent[]>();
  for (const e of outbox) byEpoch.set(e.epoch, [...(byEpoch.get(e.epoch) ?? []), e]);
  for (const [epoch, events] of byEpoch) {
    const seqs = events.map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // gapless on the terminal
    expect(await centralAcked(central, dataDir, epoch)).toEqual({ contiguousSeq: seqs.length, maxSeq: seqs.length, count: seqs.length });
  }
  // Shift events carry no output: the daily totals must not move (nothing counted twice either).
  expect(await goodTotal(central)).toBe(goodBefore);
  return outbox;
}

test.setTimeout(300_000);

test.afterEach(async () => {
  await stopAll();
});

test('Chromium killed with SIGKILL right after saving: every saved record survives and reaches central exactly once', async () => {
  const centralData = tempDir('crash-central');
  let central = await startCentralProcess({ dataDir: centralData });
  const port = central.port;
  const terminal = await startTerminal({ centralUrl: central.url });
  const profile = tempDir('crash-profile');
  step('central and terminal up');
  let context = await openProfile(profile);
  let page = context.pages()[0] ?? (await context.newPage());
  await openTerminal(page, terminal.url);
  await expect(page.getByText(/en línea/)).toBeVisible();
  // One full sync (operator list included) before central goes away, or nobody can sign in.
  await expect(page.getByText(/Última sincronización/)).toBeVisible();
  await expect(page.getByText(/aún no ha recibido la lista de operarios/)).toHaveCount(0);
  const goodBefore = await goodTotal(central);

  // Central down: the records can only live on the terminal when the browser dies.
  await central.stop();
  await shiftCycles(page, 'B-10007', 3);
  // One more sign-in, killed while it may still be writing: it is either fully there or not at all.
  await signInByTyping(page, 'B-10007', { afterSync: false });
  killBrowser(profile);
  step('browser killed');
  await context.close().catch(() => undefined);

  context = await openProfile(profile);
  page = context.pages()[0] ?? (await context.newPage());
  await openTerminal(page, terminal.url);
  step('browser restarted');
  const afterRestart = (await readOutbox(page)).sort((a, b) => a.seq - b.seq);
  const types = afterRestart.map((e) => e.type);
  expect(types.slice(0, 6)).toEqual(Array(3).fill(['shift.login', 'shift.logout']).flat());
  expect(types.length === 6 || (types.length === 7 && types[6] === 'shift.login')).toBe(true);
  await expect(page.getByText(/sin conexión, [67] registros pendientes/)).toBeVisible();

  central = await startCentralProcess({ dataDir: centralData, port });
  const outbox = await expectExactlyOnce(page, central, terminal.dataDir, goodBefore);
  expect(outbox.map((e) => e.id).sort()).toEqual(afterRestart.map((e) => e.id).sort());
  // Another round must not store anything twice.
  await expectExactlyOnce(page, central, terminal.dataDir, goodBefore);
  await context.close();
});

test('a wiped browser profile (IndexedDB lost) is restored from the journal and reaches central exactly once', async () => {
  const centralData = tempDir('wipe-central');
  let central = await startCentralProcess({ dataDir: centralData });
  const port = central.port;
  const terminal = await startTerminal({ centralUrl: central.url });

  let context = await openProfile(tempDir('wipe-profile-a'));
  let page = context.pages()[0] ?? (await context.newPage());
  await openTerminal(page, terminal.url);
  await expect(page.getByText(/en línea/)).toBeVisible();
  // One full sync (operator list included) before central goes away, or nobody can sign in.
  await expect(page.getByText(/Última sincronización/)).toBeVisible();
  await expect(page.getByText(/aún no ha recibido la lista de operarios/)).toHaveCount(0);
  const goodBefore = await goodTotal(central);

  await central.stop();
  await shiftCycles(page, 'B-10008', 2);
  const lost = await readOutbox(page);
  expect(lost).toHaveLength(4);
  // The journal (terminal process, fsynced) holds them before the profile goes.
  const journalFile = join(terminal.dataDir, 'journal', 'events.jsonl');
  await expect.poll(() => lost.filter((e) => readFileSafe(journalFile).includes(e.id)).length, { timeout: 10_000 }).toBe(4);
  await context.close();
  step('profile a closed');

  // A new, empty profile: the same terminal, its IndexedDB gone.
  context = await openProfile(tempDir('wipe-profile-b'));
  page = context.pages()[0] ?? (await context.newPage());
  await openTerminal(page, terminal.url);
  await expect
    .poll(async () => (await readOutbox(page)).map((e) => e.id).sort(), { timeout: 30_000 })
    .toEqual(lost.map((e) => e.id).sort());
  step('restored from the journal');

  central = await startCentralProcess({ dataDir: centralData, port });
  const outbox = await expectExactlyOnce(page, central, terminal.dataDir, goodBefore);
  expect(outbox.map((e) => e.id).sort()).toEqual(lost.map((e) => e.id).sort());
  await context.close();
});

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
