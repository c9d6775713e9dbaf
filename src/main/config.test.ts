import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, configPath, isEnrolled, loadConfig, resolveDataDir, saveConfig, updateConfig } from './config';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'takt-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveDataDir', () => {
  it('prefers --data, then TAKT_DATA_DIR, then <cwd>/.takt', () => {
    expect(resolveDataDir({ flag: 'd1', env: { TAKT_DATA_DIR: '/x' }, cwd: '/w' })).toBe('/w/d1');
    expect(resolveDataDir({ env: { TAKT_DATA_DIR: '/x' }, cwd: '/w' })).toBe('/x');
    expect(resolveDataDir({ env: {}, cwd: '/w' })).toBe('/w/.takt');
  });
});

describe('terminal config', () => {
  it('is empty when there is no file yet', async () => {
    const config = await loadConfig(dir);
    expect(config).toEqual({ devices: [] });
    expect(isEnrolled(config)).toBe(false);
  });

  it('round-trips with device defaults filled in, written 0600 with no temp files left', async () => {
    await saveConfig(dir, {
      centralUrl: 'http://127.0.0.1:4780',
      terminalId: 'T-1',
      token: 'secret-token',
      workstationId: 'WS-M1-01',
      devices: [],
    });
    const updated = await updateConfig(dir, (c) => ({ ...c, devices: [{ id: 'scanner-1', kind: 'scanner', path: '/dev/ttyACM0' } as never] }));
    expect(updated.devices[0]).toMatchObject({ id: 'scanner-1', settings: { baudRate: 9600, dataBits: 8, parity: 'none' }, framing: { terminator: 'CR' }, enabled: true });
    const loaded = await loadConfig(dir);
    expect(loaded).toEqual(updated);
    expect(isEnrolled(loaded)).toBe(true);
    expect((await stat(configPath(dir))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['terminal.json']);
  });

  it('rejects a file that is not JSON, naming the file, and does not overwrite it', async () => {
    await writeFile(configPath(dir), '{ not json');
    await expect(loadConfig(dir)).rejects.toThrow(ConfigError);
    await expect(loadConfig(dir)).rejects.toThrow(/terminal\.json is not valid JSON/);
    await expect(updateConfig(dir, (c) => c)).rejects.toThrow(ConfigError);
    expect(await readFile(configPath(dir), 'utf8')).toBe('{ not json');
  });

  it('rejects an invalid device with the field path in the message', async () => {
    await writeFile(configPath(dir), JSON.stringify({ devices: [{ id: 's', kind: 'printer', path: '/dev/x' }] }));
    await expect(loadConfig(dir)).rejects.toThrow(/devices\.0\.kind/);
  });

  it('refuses to save an invalid central URL', async () => {
    await expect(saveConfig(dir, { centralUrl: 'ftp://x', devices: [] })).rejects.toThrow();
  });
});
