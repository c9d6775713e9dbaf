import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../shared/result';
import type { WaitResponse } from '../shared/sync/protocol';
import type { CentralNotice } from '../shared/api';
import { startCentralWatch } from './central-watch';

type Call = { after: string; waitMs: number; signal: AbortSignal };
const answer = (clock: string, streams: WaitResponse['streams'] = []): Result<WaitResponse> =>
  ok({ serverTime: '2026-12-04T10:00:00.000Z', clock, streams });

/** A scripted central: each poll takes the next scripted answer; past the script, it is held until aborted. */
function scripted(script: Result<WaitResponse>[]) {
  const calls: Call[] = [];
  const wait = (after: string, waitMs: number, signal: AbortSignal): Promise<Result<WaitResponse>> => {
    calls.push({ after, waitMs, signal });
    const next = script.shift();
    if (next) return Promise.resolve(next);
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve(err('offline', 'aborted')), { once: true }));
  };
  return { calls, wait };
}

const settle = async (calls: Call[], n: number) => {
  for (let i = 0; i < 200 && calls.length < n; i++) await new Promise((r) => setTimeout(r, 5));
  expect(calls.length).toBeGreaterThanOrEqual(n);
};

describe('central watch (terminal side of central notices)', () => {
  it('learns the clock first without a notice, then waits from it and forwards changed streams', async () => {
    const { calls, wait } = scripted([answer('10', ['plant', 'orders']), answer('12', ['notices'])]);
    const notices: CentralNotice[] = [];
    const watch = startCentralWatch({ wait, onNotice: (n) => notices.push(n), waitMs: 5000 });
    await settle(calls, 3);
    expect(calls.map((c) => [c.after, c.waitMs])).toEqual([
      ['0', 0],
      ['10', 5000],
      ['12', 5000],
    ]);
    expect(notices).toEqual([{ reconnected: false, streams: ['notices'] }]);
    await watch.stop();
    expect(calls[2]!.signal.aborted).toBe(true);
  });

  it('after failures, probes at once and says central is back', async () => {
    const { calls, wait } = scripted([answer('5'), err('offline', 'down'), err('timeout', 'slow'), answer('5')]);
    const notices: CentralNotice[] = [];
    const watch = startCentralWatch({ wait, onNotice: (n) => notices.push(n), waitMs: 5000, retryBaseMs: 1, retryCapMs: 4, random: () => 0 });
    await settle(calls, 5);
    expect(calls.map((c) => c.waitMs)).toEqual([0, 5000, 0, 0, 5000]);
    expect(notices).toEqual([{ reconnected: true, streams: [] }]);
    await watch.stop();
  });

  it('waits quietly while the terminal is not enrolled, and a throwing listener does not stop it', async () => {
    const { calls, wait } = scripted([err('not-configured', 'not enrolled'), answer('1'), answer('2', ['plans'])]);
    const logged: string[] = [];
    const watch = startCentralWatch({
      wait,
      onNotice: () => {
        throw new Error('listener broke');
      },
      notConfiguredMs: 1,
      log: (m) => logged.push(m),
    });
    await settle(calls, 4);
    expect(logged.some((m) => m.includes('listener broke'))).toBe(true);
    await watch.stop();
  });
});
