import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_FILE, BootstrapError, ensureLocalTerminal, type LocalTerminal } from './bootstrap';
import { createCentralClient } from './central-client';
import { startCentralInProcess } from './central-in-process';
import { centralChildStarter } from './central-process';
import { saveConfig } from './config';

let dir: string;
const running: LocalTerminal[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'takt-boot-'));
});
afterEach(async () => {
  for (const t of running.splice(0)) await t.central?.close();
  await rm(dir, { recursive: true, force: true });
});

const startCentral = startCentralInProcess;

describe.each([
  ['in this process', startCentralInProcess],
  ['as a child process (as Electron runs it)', centralChildStarter()],
])('ensureLocalTerminal with the embedded central %s', (_how, startCentral) => {
  it('starts an embedded demo central, enrols once, and reuses the credentials next time', async () => {
    const first = await ensureLocalTerminal({ dataDir: dir, centralPort: 0, startCentral });
    running.push(first);
    expect(first.central?.database).toBe('pglite');
    expect(first.config).toMatchObject({ embeddedCentral: true, workstationId: 'WS-M1-01', centralUrl: first.central?.url });
    expect((await stat(join(dir, ADMIN_TOKEN_FILE))).mode & 0o777).toBe(0o600);
    const client = createCentralClient({ baseUrl: first.config.centralUrl ?? '', token: first.config.token });
    const hello = await client.hello({ protocol: 1, terminalId: first.config.terminalId ?? '', epoch: 'EP1', appVersion: 'test' });
    expect(hello).toMatchObject({ ok: true, value: { workstationId: 'WS-M1-01' } });
    await first.central?.close();
    running.pop();

    const adminToken = await readFile(join(dir, ADMIN_TOKEN_FILE), 'utf8');
    const second = await ensureLocalTerminal({ dataDir: dir, centralPort: 0, startCentral });
    running.push(second);
    expect(second.config.terminalId).toBe(first.config.terminalId);
    expect(await readFile(join(dir, ADMIN_TOKEN_FILE), 'utf8')).toBe(adminToken);
    const again = await createCentralClient({ baseUrl: second.config.centralUrl ?? '', token: second.config.token }).hello({
      protocol: 1,
      terminalId: second.config.terminalId ?? '',
      epoch: 'EP1',
      appVersion: 'test',
    });
    expect(again.ok).toBe(true);
  }, 120_000);
});

describe('ensureLocalTerminal with an external central', () => {
  it('asks for enrolment when an external central is configured but the terminal is not enrolled', async () => {
    await saveConfig(dir, { centralUrl: 'http://127.0.0.1:9', devices: [] });
    const attempt = ensureLocalTerminal({ dataDir: dir, adminToken: '', startCentral });
    await expect(attempt).rejects.toThrow(BootstrapError);
    await expect(ensureLocalTerminal({ dataDir: dir, adminToken: '', startCentral })).rejects.toThrow(/takt enrol --workstation WS-M1-01 --central http:\/\/127\.0\.0\.1:9/);
  });

  it('reports an unreachable external central clearly', async () => {
    await expect(ensureLocalTerminal({ dataDir: dir, centralUrl: 'http://127.0.0.1:9', adminToken: 'x'.repeat(20), startCentral })).rejects.toThrow(/Could not enrol workstation WS-M1-01 with central at http:\/\/127\.0\.0\.1:9: Cannot reach central/);
  });
});
