import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { terminalConfigSchema } from '../../main/config';
import { createSocatPair, waitUntil, type SocatPair } from '../../main/devices/testing/socat';
import { spawnTakt, type TaktProcess } from '../testing/spawn-takt';
import { electronExecutable } from './start';
import { withScanners } from './web';

const ADMIN = 'test-admin-token-0123456789abcdef';

describe('withScanners', () => {
  it('adds a 9600 8N1 CR scanner per new path and updates the one already on a path', () => {
    const first = withScanners({ devices: [] }, ['/dev/ttyACM0']);
    expect(first.devices).toMatchObject([{ id: 'scanner-1', kind: 'scanner', path: '/dev/ttyACM0', settings: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 }, framing: { terminator: 'CR' } }]);
    const changed = terminalConfigSchema.parse({ devices: [{ ...first.devices[0], settings: { baudRate: 115200 } }] });
    const second = withScanners(changed, ['/dev/ttyACM0', '/dev/ttyACM1']);
    expect(second.devices.map((d) => [d.id, d.path, d.settings.baudRate])).toEqual([
      ['scanner-1', '/dev/ttyACM0', 9600],
      ['scanner-2', '/dev/ttyACM1', 9600],
    ]);
  });
});

describe('electronExecutable', () => {
  it('finds no runtime when electron has no downloaded binary, without trying to download it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'takt-electron-'));
    try {
      await mkdir(join(root, 'node_modules', 'electron'), { recursive: true });
      expect(electronExecutable(root, {})).toBeNull();
      await writeFile(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
      expect(electronExecutable(root, {})).toBeNull();
      await mkdir(join(root, 'node_modules', 'electron', 'dist'));
      await writeFile(join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
      expect(electronExecutable(root, {})).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('takt central, enrol and web (real processes)', () => {
  let dir: string;
  let central: TaktProcess;
  let centralUrl: string;
  let pair: SocatPair;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'takt-cli-'));
    pair = await createSocatPair(dir);
    central = spawnTakt(['central', '--port', '0', '--demo', '--data', join(dir, 'central')], { TAKT_ADMIN_TOKEN: ADMIN });
    const line = await central.waitForLine(/^Central: /);
    const match = /^Central: (http:\/\/127\.0\.0\.1:\d+) \(pglite\)$/.exec(line);
    expect(match).not.toBeNull();
    centralUrl = match?.[1] ?? '';
  }, 120_000);

  afterAll(async () => {
    expect((await central.stop()).code).toBe(0);
    await pair.stop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('refuses to run central without an admin token', async () => {
    const p = spawnTakt(['central', '--port', '0'], { TAKT_ADMIN_TOKEN: '' });
    expect((await p.exited()).code).toBe(2);
    expect(p.stderr()).toContain('TAKT_ADMIN_TOKEN is not set');
  }, 60_000);

  it('enrols, then serves browser mode with the configured scanner; scans reach the page', async () => {
    const data = join(dir, 'terminal-1');
    const enrol = spawnTakt(['enrol', '--workstation', 'WS-M1-01', '--central', centralUrl, '--data', data], { TAKT_ADMIN_TOKEN: ADMIN });
    expect((await enrol.exited()).code).toBe(0);
    const terminalLine = enrol.stdout().trim();
    expect(terminalLine).toMatch(/^Terminal: \S+$/);
    const saved = terminalConfigSchema.parse(JSON.parse(await readFile(join(data, 'terminal.json'), 'utf8')));
    expect(saved).toMatchObject({ centralUrl, workstationId: 'WS-M1-01', terminalId: terminalLine.slice('Terminal: '.length) });

    const web = spawnTakt(['web', '--port', '0', '--data', data, '--scanner', pair.a], { TAKT_ADMIN_TOKEN: '' });
    try {
      const urlLine = await web.waitForLine(/^Takt terminal: /, 120_000);
      const url = new URL(urlLine.slice('Takt terminal: '.length));
      expect(url.hostname).toBe('127.0.0.1');
      const secret = url.searchParams.get('secret') ?? '';
      expect(await web.waitForLine(/^Central: /)).toBe(`Central: ${centralUrl}`);

      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

      const ws = new WebSocket(`ws://${url.host}/api?secret=${encodeURIComponent(secret)}`);
      const messages: { t: string; id?: number; channel?: string; result?: { ok: boolean; value?: unknown }; data?: unknown }[] = [];
      ws.on('message', (d: Buffer) => messages.push(JSON.parse(d.toString()) as (typeof messages)[number]));
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      ws.send(JSON.stringify({ t: 'req', id: 1, channel: 'app:info' }));
      ws.send(JSON.stringify({ t: 'req', id: 2, channel: 'central:hello', params: { epoch: 'EP-1', appVersion: '0.1.0' } }));
      await waitUntil(() => messages.filter((m) => m.t === 'res').length === 2, 'answers', 30_000);
      expect(messages.find((m) => m.id === 1)?.result).toMatchObject({ ok: true, value: { mode: 'web', terminalId: saved.terminalId, workstationId: 'WS-M1-01', centralUrl } });
      expect(messages.find((m) => m.id === 2)?.result).toMatchObject({ ok: true, value: { workstationId: 'WS-M1-01' } });

      ws.send(JSON.stringify({ t: 'req', id: 3, channel: 'devices:list' }));
      await waitUntil(
        () => {
          const list = messages.find((m) => m.id === 3)?.result?.value as { state: string }[] | undefined;
          if (list?.[0]?.state === 'connected') return true;
          if (list) {
            messages.splice(messages.findIndex((m) => m.id === 3), 1);
            ws.send(JSON.stringify({ t: 'req', id: 3, channel: 'devices:list' }));
          }
          return false;
        },
        'scanner connected',
        30_000,
        100,
      );
      const sim = spawnTakt(['sim', 'scanner', '--port', pair.b, '--aim', ']C1', '--send', '0109501101020917']);
      expect((await sim.exited()).code).toBe(0);
      await waitUntil(() => messages.some((m) => m.t === 'evt' && m.channel === 'devices:scan'), 'scan event', 30_000);
      expect(messages.find((m) => m.channel === 'devices:scan')?.data).toMatchObject({ portId: 'scanner-1', symbology: ']C1', text: '0109501101020917' });
      ws.close();
    } finally {
      expect((await web.stop()).code).toBe(0);
    }
  }, 180_000);

  it('says exactly what to run when the terminal is not enrolled and no admin token is set', async () => {
    const data = join(dir, 'terminal-2');
    const web = spawnTakt(['web', '--port', '0', '--data', data, '--central', centralUrl, '--workstation', 'WS-M1-02'], { TAKT_ADMIN_TOKEN: '' });
    expect((await web.exited()).code).toBe(1);
    expect(web.stderr()).toContain(`takt enrol --workstation WS-M1-02 --central ${centralUrl} --data ${data}`);
  }, 180_000);

  it('enrols by itself with TAKT_ADMIN_TOKEN when given --central', async () => {
    const data = join(dir, 'terminal-3');
    const web = spawnTakt(['web', '--port', '0', '--data', data, '--central', centralUrl, '--workstation', 'WS-M1-02'], { TAKT_ADMIN_TOKEN: ADMIN });
    try {
      await web.waitForLine(/^Takt terminal: http:\/\/127\.0\.0\.1:\d+\/\?secret=\S+$/, 120_000);
      const saved = terminalConfigSchema.parse(JSON.parse(await readFile(join(data, 'terminal.json'), 'utf8')));
      expect(saved).toMatchObject({ centralUrl, workstationId: 'WS-M1-02', embeddedCentral: false });
      expect(saved.token).toBeTruthy();
    } finally {
      expect((await web.stop()).code).toBe(0);
    }
  }, 180_000);
});
