import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { deviceConfigSchema } from '../../shared/devices/types';
import { WS_PATH, type WsServerMessage } from '../../shared/ws-protocol';
import { createTerminalHost, type TerminalHost } from '../host';
import { createSocatPair, waitUntil, type SocatPair } from '../devices/testing/socat';
import { startWebServer, WS_UNAUTHORIZED, type WebServer } from './server';

let dir: string;
let host: TerminalHost;
let web: WebServer;
let pair: SocatPair | null = null;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'takt-web-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Takt</title><div id="root"></div>');
  await writeFile(join(rendererDir, 'assets', 'app-1234.js'), 'console.log("takt")');
  await writeFile(join(dir, 'outside.txt'), 'not for the web');
  host = await createTerminalHost({ dataDir: join(dir, 'data'), config: { devices: [] }, mode: 'web', systemLocale: 'es-ES', appVersion: '9.9.9' });
  web = await startWebServer({ host: '127.0.0.1', port: 0, handlers: host.handlers, subscribe: host.subscribe, rendererDir });
});

afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await web.close();
  await host.close();
  await pair?.stop();
  pair = null;
  await rm(dir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${web.port}`;

interface Client {
  ws: WebSocket;
  messages: WsServerMessage[];
  closeCode: () => number | null;
  request(channel: string, params?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
}

async function connect(query: string, headers: Record<string, string> = {}): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${web.port}${WS_PATH}${query}`, { headers });
  sockets.push(ws);
  const messages: WsServerMessage[] = [];
  let code: number | null = null;
  let nextId = 1;
  ws.on('message', (d: Buffer) => messages.push(JSON.parse(d.toString()) as WsServerMessage));
  ws.on('close', (c) => (code = c));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    ws.once('open', () => resolve());
    ws.once('close', () => resolve());
    ws.once('unexpected-response', () => resolve());
  });
  return {
    ws,
    messages,
    closeCode: () => code,
    async request(channel, params) {
      const id = nextId++;
      ws.send(JSON.stringify({ t: 'req', id, channel, params }));
      await waitUntil(() => messages.some((m) => m.t === 'res' && m.id === id), `response ${id}`);
      const res = messages.find((m) => m.t === 'res' && m.id === id);
      return (res as Extract<WsServerMessage, { t: 'res' }>).result;
    },
  };
}

describe('browser mode WebSocket', () => {
  it('prints a URL carrying the secret', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?secret=${encodeURIComponent(web.secret)}`);
    expect(web.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('closes with 4401 and answers nothing without the secret or with a wrong one', async () => {
    for (const query of ['', '?secret=', `?secret=${web.secret}x`, `?secret=${'a'.repeat(web.secret.length)}`]) {
      const c = await connect(query);
      if (c.ws.readyState === WebSocket.OPEN) c.ws.send(JSON.stringify({ t: 'req', id: 1, channel: 'app:info' }));
      await waitUntil(() => c.closeCode() !== null, 'close');
      expect(c.closeCode()).toBe(WS_UNAUTHORIZED);
      expect(c.messages).toEqual([]);
    }
  });

  it('refuses a WebSocket opened by a page from another origin', async () => {
    const c = await connect(`?secret=${web.secret}`, { origin: 'http://evil.example' });
    expect(c.ws.readyState).not.toBe(WebSocket.OPEN);
  });

  it('answers requests with the host handler results', async () => {
    const c = await connect(`?secret=${encodeURIComponent(web.secret)}`);
    const info = await c.request('app:info');
    expect(info).toEqual({ ok: true, value: { appVersion: '9.9.9', mode: 'web', terminalId: '', workstationId: '', centralUrl: '', systemLocale: 'es-ES' } });
    const hello = await c.request('central:hello', { epoch: 'EP1', appVersion: '9.9.9' });
    expect(hello).toMatchObject({ ok: false, error: { code: 'not-configured' } });
  });

  it('round-trips journal events through the real journal', async () => {
    const c = await connect(`?secret=${web.secret}`);
    const event = {
      id: '0190d3f0-0000-7000-8000-000000000001',
      terminalId: 'T-1',
      epoch: 'EP1',
      seq: 1,
      type: 'shift.login',
      v: 1,
      occurredAt: '2026-11-26T08:15:00.000Z',
      clockOffsetMs: 0,
      operatorId: 'OP-0007',
      workstationId: 'WS-M1-01',
      payload: {},
    };
    expect(await c.request('journal:append', [event])).toEqual({ ok: true, value: { appended: 1 } });
    expect(await c.request('journal:pending')).toMatchObject({ ok: true, value: [{ id: event.id, seq: 1 }] });
    expect(await c.request('journal:acknowledge', { epoch: 'EP1', ackedSeq: 1 })).toEqual({ ok: true, value: { removed: 1 } });
    expect(await c.request('journal:pending')).toEqual({ ok: true, value: [] });
  });

  it('rejects invalid parameters and unknown channels before any handler runs', async () => {
    const c = await connect(`?secret=${web.secret}`);
    const bad = await c.request('devices:configure', [{ id: 'x', kind: 'printer', path: '' }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(bad.error?.message).toContain('devices:configure');
    expect(await c.request('journal:acknowledge', { epoch: 'EP1', ackedSeq: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await c.request('fs:read', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // Nothing was written by the rejected configure.
    expect(await c.request('devices:list')).toEqual({ ok: true, value: [] });
    c.ws.send(JSON.stringify({ t: 'nope', id: 77 }));
    await waitUntil(() => c.messages.some((m) => m.t === 'res' && m.id === 77), 'malformed answer');
    expect(c.messages.find((m) => m.t === 'res' && m.id === 77)).toMatchObject({ result: { ok: false, error: { code: 'invalid-request' } } });
    c.ws.send('not json');
    expect(await c.request('devices:list')).toEqual({ ok: true, value: [] });
  });

  it('delivers pushed scan and status events to every connected page', async () => {
    pair = await createSocatPair(dir);
    const a = await connect(`?secret=${web.secret}`);
    const b = await connect(`?secret=${web.secret}`);
    const configured = await a.request('devices:configure', [deviceConfigSchema.parse({ id: 'scanner-1', kind: 'scanner', path: pair.a })]);
    expect(configured).toMatchObject({ ok: true, value: [{ id: 'scanner-1' }] });
    const isScan = (m: WsServerMessage) => m.t === 'evt' && m.channel === 'devices:scan';
    await waitUntil(() => a.messages.some((m) => m.t === 'evt' && m.channel === 'devices:status' && (m.data as { state: string }).state === 'connected'), 'connected status');
    await writeFile(pair.b, ']Q1HELLO\r');
    await waitUntil(() => a.messages.some(isScan) && b.messages.some(isScan), 'scan on both pages');
    expect(b.messages.find(isScan)).toMatchObject({ t: 'evt', channel: 'devices:scan', data: { portId: 'scanner-1', symbology: ']Q1', text: 'HELLO' } });
  });
});

describe('browser mode static files', () => {
  it('serves index.html with a strict CSP', async () => {
    const res = await fetch(`${base()}/?secret=${web.secret}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`ws://127.0.0.1:${web.port}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('falls back to index.html for client-side routes, but not for missing files', async () => {
    const route = await fetch(`${base()}/work-orders/PO-1001%2F20`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toContain('text/html');
    const missing = await fetch(`${base()}/assets/missing.js`);
    expect(missing.status).toBe(404);
  });

  it('serves assets with their type and never files outside the renderer folder', async () => {
    const js = await fetch(`${base()}/assets/app-1234.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(await js.text()).toBe('console.log("takt")');
    const escape = await fetch(`${base()}/..%2Foutside.txt`);
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain('not for the web');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetch(`${base()}/`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });
});
