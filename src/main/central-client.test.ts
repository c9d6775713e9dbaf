import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCentralClient } from './central-client';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let server: Server;
let baseUrl: string;
let handler: Handler;
const seen: { method?: string; url?: string; auth?: string; body?: string }[] = [];

beforeEach(async () => {
  seen.length = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const hello = { protocol: 1 as const, terminalId: 'T-1', epoch: 'EP1', appVersion: '0.1.0' };
const helloOk = { serverTime: '2026-11-26T08:00:00.000Z', streams: ['plant'], acked: { contiguousSeq: 0, maxSeq: 0, count: 0 }, workstationId: 'WS-M1-01' };

describe('central client', () => {
  it('sends the bearer token and JSON body and returns the validated answer', async () => {
    handler = (_req, _body, res) => json(res, 200, helloOk);
    const result = await createCentralClient({ baseUrl: `${baseUrl}/`, token: 'tok' }).hello(hello);
    expect(result).toEqual({ ok: true, value: helloOk });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/sync/v1/hello', auth: 'Bearer tok' });
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual(hello);
  });

  it('builds the pull query', async () => {
    handler = (_req, _body, res) => json(res, 200, { rows: [], cursor: '5', hasMore: false });
    const result = await createCentralClient({ baseUrl, token: 'tok' }).pull({ stream: 'orders', cursor: '4', limit: 10 });
    expect(result.ok).toBe(true);
    expect(seen[0]?.url).toBe('/sync/v1/pull?stream=orders&cursor=4&limit=10');
  });

  it('maps 401 to unauthorized', async () => {
    handler = (_req, _body, res) => json(res, 401, { status: 'error', reason: 'unauthorized', details: 'unknown token' });
    const result = await createCentralClient({ baseUrl, token: 'bad' }).hello(hello);
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'unknown token', status: 401 } });
  });

  it('maps a 4xx error body to a Result error carrying its details', async () => {
    handler = (_req, _body, res) => json(res, 400, { status: 'error', reason: 'unsupported-protocol', details: 'protocol 2 is not supported' });
    const result = await createCentralClient({ baseUrl, token: 'tok' }).hello(hello);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', reason: 'unsupported-protocol', details: 'protocol 2 is not supported', message: 'protocol 2 is not supported' } });
  });

  it('maps 429 and 404 to their own codes', async () => {
    handler = (req, _body, res) => json(res, req.url?.includes('pull') ? 404 : 429, { status: 'error', reason: 'x', details: '' });
    const client = createCentralClient({ baseUrl, token: 'tok' });
    expect(await client.hello(hello)).toMatchObject({ ok: false, error: { code: 'rate-limited', message: 'x' } });
    expect(await client.pull({ stream: 'plant' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('carries Retry-After of a 429 or 503 (seconds or HTTP date) so the sync backoff can honour it', async () => {
    handler = (req, _body, res) => {
      res.writeHead(req.url?.includes('push') ? 503 : 429, {
        'content-type': 'application/json',
        'retry-after': req.url?.includes('push') ? new Date(Date.now() + 90_000).toUTCString() : '12',
      });
      res.end(JSON.stringify({ status: 'error', reason: 'rate-limited', details: 'slow down' }));
    };
    const client = createCentralClient({ baseUrl, token: 'tok' });
    const hello = await client.hello({ protocol: 1, terminalId: 'T', epoch: 'E', appVersion: '1' });
    expect(hello).toMatchObject({ ok: false, error: { code: 'rate-limited', retryAfterMs: 12_000 } });
    const push = await client.push({ protocol: 1, terminalId: 'T', epoch: 'E', events: [] });
    expect(push.ok).toBe(false);
    const wait = push.ok ? 0 : (push.error.retryAfterMs ?? 0);
    expect(wait).toBeGreaterThan(80_000);
    expect(wait).toBeLessThanOrEqual(90_000);
  });

  it('maps 5xx (even without a JSON body) to server-error', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(502);
      res.end('bad gateway');
    };
    const result = await createCentralClient({ baseUrl, token: 'tok' }).hello(hello);
    expect(result).toMatchObject({ ok: false, error: { code: 'server-error', status: 502 } });
  });

  it('treats a body that does not match the contract as server-error', async () => {
    handler = (_req, _body, res) => json(res, 200, { serverTime: 'now' });
    const result = await createCentralClient({ baseUrl, token: 'tok' }).hello(hello);
    expect(result).toMatchObject({ ok: false, error: { code: 'server-error' } });
    if (!result.ok) expect(result.error.message).toContain('unexpected answer');
  });

  it('is offline when nothing listens', async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    const result = await createCentralClient({ baseUrl, token: 'tok' }).hello(hello);
    expect(result).toMatchObject({ ok: false, error: { code: 'offline' } });
    server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });

  it('times out when central does not answer', async () => {
    handler = () => undefined;
    const result = await createCentralClient({ baseUrl, token: 'tok', timeoutMs: 100 }).hello(hello);
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('enrols with the admin token', async () => {
    handler = (_req, _body, res) => json(res, 201, { terminalId: 'T-9', token: 'term-token' });
    const result = await createCentralClient({ baseUrl }).enrolTerminal('admin', { workstationId: 'WS-M1-01', name: 'WS-M1-01' });
    expect(result).toEqual({ ok: true, value: { terminalId: 'T-9', token: 'term-token' } });
    expect(seen[0]).toMatchObject({ url: '/api/v1/terminals', auth: 'Bearer admin' });
  });
  it('fetches JSON and files (base64, with their name) for screens, and passes central errors on', async () => {
    handler = (req, _body, res) => {
      if (req.url?.startsWith('/api/v1/reports/daily?format=csv')) {
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="daily-2026-11-26.csv"' });
        res.end('a;b\n1;2\n');
      } else if (req.url === '/api/v1/trace/lot/L-1') json(res, 404, { status: 'error', reason: 'not-found', details: 'no lot L-1' });
      else json(res, 200, { date: '2026-11-26', rows: [] });
    };
    const c = createCentralClient({ baseUrl, token: 'tok' });
    const j = await c.fetchPath('/api/v1/reports/daily?date=2026-11-26');
    expect(j).toEqual({ ok: true, value: { kind: 'json', json: { date: '2026-11-26', rows: [] } } });
    expect(seen[0]?.auth).toBe('Bearer tok');
    const f = await c.fetchPath('/api/v1/reports/daily?format=csv');
    expect(f.ok && f.value.kind === 'file' && f.value.fileName).toBe('daily-2026-11-26.csv');
    expect(f.ok && f.value.kind === 'file' && Buffer.from(f.value.base64, 'base64').toString()).toBe('a;b\n1;2\n');
    const missing = await c.fetchPath('/api/v1/trace/lot/L-1');
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', message: 'no lot L-1' } });
  });
});
