/**
 * Central notices: the GET /sync/v1/wait long poll on PGlite and PostgreSQL, and the terminal's
 * watch loop (main process) against a real central over loopback, including a central restart.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCentralApp } from '../../src/server/app';
import { createCentralClient } from '../../src/main/central-client';
import { startCentralWatch } from '../../src/main/central-watch';
import type { CentralNotice } from '../../src/shared/api';
import { streamNames } from '../../src/shared/sync/streams';
import type { WaitResponse } from '../../src/shared/sync/protocol';
import { ADMIN, event, Harness, variants } from './support/central-harness';

describe.each(variants)('central notices (wait) on %s', (variant) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await h.loadPlantAndOrders();
  });
  afterAll(async () => {
    await h?.close();
  });

  const wait = (token: string, after: string, waitMs: number) => h.get<WaitResponse>(`/sync/v1/wait?after=${after}&waitMs=${waitMs}`, token);

  it('answers at once with the clock and the streams that have rows after `after`', async () => {
    const t = await h.enrol();
    const r = await wait(t.token, '0', 0);
    expect(r.status).toBe(200);
    expect(Number(r.body.clock)).toBeGreaterThan(0);
    expect(r.body.streams).toEqual(expect.arrayContaining(['plant', 'orders', 'work-orders']));
    // Nothing new since that clock: a short wait ends empty, on the same clock.
    const idle = await wait(t.token, r.body.clock, 200);
    expect(idle.body).toMatchObject({ clock: r.body.clock, streams: [] });
  });

  it('a held wait answers as soon as another terminal changes a stream, naming only that stream', async () => {
    const watcher = await h.enrol('WS-L1-01');
    const reporter = await h.enrol('WS-L2-01');
    const { clock } = (await wait(watcher.token, '0', 0)).body;
    // 20 s: far beyond the push below; an answer without streams would mean it timed out.
    const held = wait(watcher.token, clock, 20_000);
    await h.push(reporter, [event(reporter, 'disruption.reported', { disruptionId: `D-${reporter.epoch.slice(0, 8)}`, cause: 'supply', lineId: 'L1', description: 'Falta chapa' })]);
    const r = await held;
    expect(r.status).toBe(200);
    expect(r.body.streams).toEqual(['notices']);
    expect(Number(r.body.clock)).toBeGreaterThan(Number(clock));
  });

  it('records that change no stream wake nobody', async () => {
    const t = await h.enrol();
    const { clock } = (await wait(t.token, '0', 0)).body;
    const held = wait(t.token, clock, 1500);
    await h.push(t, [event(t, 'shift.login', {}), event(t, 'shift.logout', {})]);
    expect((await held).body.streams).toEqual([]);
  });

  it('a clock ahead of central (central restored from a backup) asks for every stream at once', async () => {
    const t = await h.enrol();
    const r = await wait(t.token, '999999999999', 20_000);
    expect(r.body.streams).toEqual([...streamNames]);
  });

  it('refuses a bad clock and an unknown token with the error shape', async () => {
    const t = await h.enrol();
    const bad = await wait(t.token, 'abc', 0);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: 'error', reason: 'invalid-request' });
    const tooLong = await wait(t.token, '1', 600_000);
    expect(tooLong.status).toBe(400);
    expect((await wait('not-a-token', '0', 0)).status).toBe(401);
  });
});

describe('terminal watch loop against a real central (loopback)', () => {
  const variant = variants[0]!;
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(variant);
    await h.loadPlantAndOrders();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('notices a change pushed by another terminal, and central coming back after a restart', { timeout: 60_000 }, async () => {
    // A second app over the same database, listening for real, that we can stop and start again.
    let app = buildCentralApp({ database: h.database, adminToken: ADMIN, logLevel: 'silent' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const me = await h.enrol('WS-L1-01');
    const other = await h.enrol('WS-L2-01');
    const client = createCentralClient({ baseUrl: `http://127.0.0.1:${port}`, token: me.token });
    const notices: CentralNotice[] = [];
    let polls = 0;
    const watch = startCentralWatch({
      wait: (after, waitMs, signal) => {
        polls++;
        return client.wait({ after, waitMs }, signal);
      },
      onNotice: (n) => notices.push(n),
      // Longer than `until` waits: a reconnect noticed only when a held poll ends would fail the test.
      waitMs: 20_000,
      retryBaseMs: 50,
      retryCapMs: 200,
    });
    const until = async (what: () => boolean) => {
      for (let i = 0; i < 400 && !what(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(what()).toBe(true);
    };
    try {
      // The first poll only learns the clock; the second is held open.
      await until(() => polls >= 2);
      expect(notices).toEqual([]);
      await h.push(other, [event(other, 'disruption.reported', { disruptionId: `D-${other.epoch.slice(0, 8)}`, cause: 'labor', lineId: 'L1', description: 'Falta personal' })]);
      await until(() => notices.length === 1);
      expect(notices[0]).toEqual({ reconnected: false, streams: ['notices'] });

      await app.close();
      const failedBefore = polls;
      await until(() => polls >= failedBefore + 2); // it keeps trying while central is away
      app = buildCentralApp({ database: h.database, adminToken: ADMIN, logLevel: 'silent' });
      await app.listen({ host: '127.0.0.1', port });
      await until(() => notices.length === 2);
      expect(notices[1]).toMatchObject({ reconnected: true });
    } finally {
      await watch.stop();
      await app.close();
    }
  });
});
