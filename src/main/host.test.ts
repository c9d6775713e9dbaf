import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestSchemas, type RequestHandlers } from '../shared/api';
import { deviceConfigSchema, type DeviceStatus } from '../shared/devices/types';
import { loadConfig } from './config';
import { createSocatPair, waitUntil, type SocatPair } from './devices/testing/socat';
import { createTerminalHost, type TerminalHost } from './host';

let dir: string;
let host: TerminalHost | null;
let pair: SocatPair | null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'takt-host-'));
  host = null;
  pair = null;
});
afterEach(async () => {
  await host?.close();
  await pair?.stop();
  await rm(dir, { recursive: true, force: true });
});

const enrolled = { centralUrl: 'http://central.test', terminalId: 'T-1', token: 'tok', workstationId: 'WS-M1-01', devices: [] };

describe('terminal host', () => {
  it('implements every request channel', async () => {
    host = await createTerminalHost({ dataDir: dir, config: { devices: [] }, mode: 'web' });
    expect(Object.keys(host.handlers).sort()).toEqual(Object.keys(requestSchemas).sort());
  });

  it('devices:configure persists the devices and opens them; duplicate ids are refused', async () => {
    pair = await createSocatPair(dir);
    host = await createTerminalHost({ dataDir: dir, config: { devices: [] }, mode: 'web' });
    const statuses: DeviceStatus[] = [];
    host.subscribe('devices:status', (s) => statuses.push(s));
    const device = deviceConfigSchema.parse({ id: 'scanner-1', kind: 'scanner', path: pair.a });
    const result = await host.handlers['devices:configure']([device]);
    expect(result).toMatchObject({ ok: true, value: [{ id: 'scanner-1' }] });
    expect((await loadConfig(dir)).devices).toEqual([device]);
    await waitUntil(() => statuses.some((s) => s.state === 'connected'), 'connected');
    expect(await host.handlers['devices:list'](undefined)).toMatchObject({ ok: true, value: [{ id: 'scanner-1', state: 'connected' }] });

    const dup = await host.handlers['devices:configure']([device, device]);
    expect(dup).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await loadConfig(dir)).devices).toHaveLength(1);
  });

  it('central calls need enrolment, and carry the terminal id and token when enrolled', async () => {
    host = await createTerminalHost({ dataDir: dir, config: { devices: [] }, mode: 'web' });
    expect(await host.handlers['central:pull']({ stream: 'plant', cursor: '0', limit: 10 })).toMatchObject({ ok: false, error: { code: 'not-configured' } });
    await host.close();

    const requests: { url: string; auth: string | null; body: unknown }[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
      requests.push({ url: input instanceof Request ? input.url : input.toString(), auth: headers.get('authorization'), body });
      return new Response(JSON.stringify({ serverTime: 'now', accepted: 0, duplicates: 0, ackedSeq: 0, rejected: [] }), { status: 200 });
    };
    host = await createTerminalHost({ dataDir: dir, config: enrolled, mode: 'web', fetch: fakeFetch });
    const handlers: RequestHandlers = host.handlers;
    const pushed = await handlers['central:push']({ protocol: 1, epoch: 'EP1', events: [] });
    expect(pushed).toMatchObject({ ok: true, value: { accepted: 0 } });
    expect(requests.find((r) => r.url.endsWith('/sync/v1/push'))).toEqual({
      url: 'http://central.test/sync/v1/push',
      auth: 'Bearer tok',
      body: { protocol: 1, epoch: 'EP1', events: [], terminalId: 'T-1' },
    });
  });

  it('keeps a long poll open to central and forwards what it hears as central:notice', async () => {
    const polls: string[] = [];
    const answers = [
      { serverTime: 'now', clock: '7', streams: ['plant'] },
      { serverTime: 'now', clock: '9', streams: ['plans', 'notices'] },
    ];
    const fakeFetch: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      polls.push(`${url} ${new Headers(init?.headers).get('authorization')}`);
      const next = answers.shift();
      if (next?.clock === '9') await new Promise((r) => setTimeout(r, 50)); // the test has subscribed by then
      if (next) return new Response(JSON.stringify(next), { status: 200, headers: { 'content-type': 'application/json' } });
      // Then held, as central holds a wait with nothing new, until the host closes.
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    };
    host = await createTerminalHost({ dataDir: dir, config: enrolled, mode: 'web', fetch: fakeFetch });
    const heard: unknown[] = [];
    host.subscribe('central:notice', (n) => heard.push(n));
    await vi.waitFor(() => expect(heard).toEqual([{ reconnected: false, streams: ['plans', 'notices'] }]));
    expect(polls[0]).toBe('http://central.test/sync/v1/wait?after=0&waitMs=0 Bearer tok');
    expect(polls[1]).toBe('http://central.test/sync/v1/wait?after=7&waitMs=25000 Bearer tok');
    // afterEach closes the host: that aborts the held poll rather than waiting for it.
  });

  it('devices:ports degrades to an empty list when ports cannot be listed', async () => {
    const logs: string[] = [];
    host = await createTerminalHost({
      dataDir: dir,
      config: { devices: [] },
      mode: 'web',
      listPorts: async () => ({ ports: [], message: 'Cannot list serial ports: spawn udevadm ENOENT' }),
      log: (m) => logs.push(m),
    });
    expect(await host.handlers['devices:ports'](undefined)).toEqual({ ok: true, value: [] });
    expect(logs.join('\n')).toContain('udevadm');
  });
});
