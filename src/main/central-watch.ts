/**
 * Central notices, terminal side: one long poll (GET /sync/v1/wait) kept open to central. When
 * streams change at central, or central answers again after it could not be reached, the renderer
 * hears it (pushed `central:notice`) and its sync engine pulls at once or retries at once, instead
 * of waiting for the next 30 s pull or the end of a backoff of up to a minute.
 */
import type { CentralNotice } from '../shared/api';
import type { Result } from '../shared/result';
import type { WaitResponse } from '../shared/sync/protocol';
import { MAX_WAIT_MS } from '../shared/sync/protocol';

export interface CentralWatchOptions {
  /** One long poll; 'not-configured' means the terminal is not enrolled (checked again later). */
  wait(after: string, waitMs: number, signal: AbortSignal): Promise<Result<WaitResponse>>;
  onNotice(n: CentralNotice): void;
  waitMs?: number;
  /** Pause after a failed poll: doubles from base up to cap, with jitter. */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** Pause while the terminal is not enrolled. */
  notConfiguredMs?: number;
  random?: () => number;
  log?: (message: string) => void;
}

export interface CentralWatch {
  /** Ends the loop and aborts the open poll. */
  stop(): Promise<void>;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function startCentralWatch(options: CentralWatchOptions): CentralWatch {
  const waitMs = options.waitMs ?? MAX_WAIT_MS;
  const base = options.retryBaseMs ?? 1000;
  const cap = options.retryCapMs ?? 15_000;
  const random = options.random ?? Math.random;
  const stopping = new AbortController();

  async function loop(): Promise<void> {
    // '0' asks for central's clock at once; the renderer pulls everything on start anyway.
    let after: string | null = null;
    let failures = 0;
    while (!stopping.signal.aborted) {
      // The first poll, and the first after a failure, answer at once: central being back is news.
      const holdMs = after === null || failures > 0 ? 0 : waitMs;
      const result = await options.wait(after ?? '0', holdMs, stopping.signal);
      if (stopping.signal.aborted) return;
      if (result.ok) {
        const reconnected = failures > 0;
        const streams = after === null ? [] : result.value.streams;
        if (reconnected || streams.length > 0) {
          try {
            options.onNotice({ reconnected, streams });
          } catch (e) {
            options.log?.(`central watch: a notice listener failed: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
        after = result.value.clock;
        failures = 0;
        continue;
      }
      if (result.error.code === 'not-configured') {
        await sleep(options.notConfiguredMs ?? 30_000, stopping.signal);
        continue;
      }
      failures++;
      if (failures === 1) options.log?.(`central watch: ${result.error.message}`);
      const ceiling = Math.min(cap, base * 2 ** Math.min(failures - 1, 20));
      await sleep(ceiling / 2 + random() * (ceiling / 2), stopping.signal);
    }
  }

  const running = loop().catch((e: unknown) => options.log?.(`central watch stopped: ${e instanceof Error ? e.message : String(e)}`));
  return {
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
