/**
 * Central's sync guards: per-terminal rate limit (429 rate-limited + Retry-After), push size
 * limits (413 payload-too-large above 500 events or 1 MB) and one structured log line per push.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCentralApp } from '../../src/server/app';
import { ADMIN, event, Harness, openVariant, variants, type Terminal } from './support/central-harness';

describe.each(variants)('sync guards on %s', (variant) => {
  let h: Harness;
  beforeAll(async () => {
    const database = await openVariant(variant);
    const app = buildCentralApp({ database, adminToken: ADMIN, logLevel: 'silent', rateLimit: { max: 5, timeWindowMs: 60_000 } });
    h = new Harness(app, database);
    await app.ready();
    await h.loadPlantAndOrders();
  });
  afterAll(async () => {
    await h?.close();
  });

  const pushRaw = (t: Terminal, events: unknown[]) =>
    h.post<{ status?: string; reason?: string; accepted?: number }>('/sync/v1/push', { protocol: 1, terminalId: t.terminalId, epoch: t.epoch, events }, t.token);

  it('refuses more than 500 events in one push with 413 payload-too-large, storing none', async () => {
    const t = await h.enrol();
    const many = Array.from({ length: 501 }, () => event(t, 'shift.login', {}));
    const r = await pushRaw(t, many);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ status: 'error', reason: 'payload-too-large' });
    const hello = await h.post<{ acked: { count: number } }>('/sync/v1/hello', { protocol: 1, terminalId: t.terminalId, epoch: t.epoch, appVersion: 'x' }, t.token);
    expect(hello.body.acked.count).toBe(0);
  });

  it('refuses a push body above 1 MB with 413 payload-too-large', async () => {
    const t = await h.enrol();
    const big = [event(t, 'nc.raised', { ncId: 'NC-1', qty: 1, defectCode: 'D1', description: 'x'.repeat(1024 * 1024 + 10) })];
    const r = await pushRaw(t, big);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ status: 'error', reason: 'payload-too-large' });
  });

  it('limits requests per terminal token with 429 rate-limited and Retry-After, other terminals unaffected', async () => {
    const a = await h.enrol();
    const b = await h.enrol();
    const statuses: number[] = [];
    let last: { headers: Record<string, unknown>; body: string } | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/sync/v1/push',
        headers: { authorization: `Bearer ${a.token}` },
        payload: { protocol: 1, terminalId: a.terminalId, epoch: a.epoch, events: [event(a, 'shift.login', {})] },
      });
      statuses.push(res.statusCode);
      last = { headers: res.headers, body: res.body };
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(JSON.parse(last!.body)).toMatchObject({ status: 'error', reason: 'rate-limited' });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    const other = await pushRaw(b, [event(b, 'shift.login', {})]);
    expect(other.status).toBe(200);
    expect(other.body.accepted).toBe(1);
  });
});
