/**
 * Test double: a TerminalApi whose `central` and `journal` simulate central and the main-process
 * journal in memory. Central stores events by id (a re-sent id is a duplicate), computes the
 * contiguous acked seq per epoch, serves streams by index cursors, and can be told to fail
 * requests, drop responses after committing, process a push twice, hang, reset a stream, or
 * refuse whole requests. Used by the sync engine tests only.
 */
import { requestSchemas, type CentralNotice, type TerminalApi } from '../../../shared/api';
import { err, ok, type Result } from '../../../shared/result';
import type { EventEnvelope } from '../../../shared/sync/events';
import { MAX_PUSH_BYTES, type PullChange, type PullResponse, type PushResponse } from '../../../shared/sync/protocol';
import { streamNames, type StreamName } from '../../../shared/sync/streams';

const tick = (): Promise<void> => new Promise((resolve) => queueMicrotask(resolve));

export interface PushRecord {
  epoch: string;
  seqs: number[];
  bytes: number;
}

export class FakeCentral {
  /** Events central holds, by id (each at most once). */
  readonly stored = new Map<string, EventEnvelope>();
  /** Seqs processed per epoch (stored or rejected): the base of ackedSeq. */
  readonly processed = new Map<string, Set<number>>();
  /** How many times an event id was sent (including duplicates). */
  readonly deliveries = new Map<string, number>();
  readonly pushes: PushRecord[] = [];
  readonly pulls: { stream: StreamName; cursor: string }[] = [];
  readonly hellos: { epoch: string; appVersion: string }[] = [];
  readonly acknowledgements: { epoch: string; ackedSeq: number }[] = [];
  readonly streams = new Map<StreamName, PullChange[]>(streamNames.map((s) => [s, []]));
  /** Streams that answer `{reset:true}` on their next pull. */
  readonly resetNext = new Set<StreamName>();
  /** The main-process journal. */
  journal: EventEnvelope[] = [];

  offline = false;
  /** The next N central requests (any kind) fail with `offline` before reaching central. */
  failNext = 0;
  /** The next N pushes commit and then lose their response. */
  dropNextPushes = 0;
  /** The next N pushes are processed twice (replayed by the network). */
  duplicateNextPushes = 0;
  /** The next N pushes are refused with 429 rate-limited and this Retry-After (ms), before storing anything. */
  rateLimitNextPushes = 0;
  retryAfterMs = 30_000;
  /** The next push never answers. */
  hangNextPush = false;
  /** Per-event business rule: a reason string rejects the event. */
  rejectIf: (e: EventEnvelope) => string | null = () => null;
  /** Whole-request refusal (e.g. a malformed envelope central's schema will not take). */
  refuseRequestIf: (events: EventEnvelope[]) => string | null = () => null;
  pageSize: number | null = null;
  /** Hello reports nothing acked (an older central), so the terminal must re-send to learn. */
  forgetfulHello = false;
  serverClockOffsetMs = 0;
  inFlight = 0;
  maxInFlight = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  ackedSeq(epoch: string): number {
    const seqs = this.processed.get(epoch);
    let n = 0;
    while (seqs?.has(n + 1)) n++;
    return n;
  }

  private serverTime(): string {
    return new Date(this.now() + this.serverClockOffsetMs).toISOString();
  }

  private unreachable(): Result<never> | null {
    if (this.offline) return err('offline', 'central unreachable');
    if (this.failNext > 0) {
      this.failNext--;
      return err('offline', 'central unreachable');
    }
    return null;
  }

  private process(epoch: string, events: EventEnvelope[]): PushResponse {
    let accepted = 0;
    let duplicates = 0;
    const rejected: PushResponse['rejected'] = [];
    const seqs = this.processed.get(epoch) ?? new Set<number>();
    this.processed.set(epoch, seqs);
    for (const e of events) {
      this.deliveries.set(e.id, (this.deliveries.get(e.id) ?? 0) + 1);
      if (this.stored.has(e.id)) {
        duplicates++;
        continue;
      }
      const reason = this.rejectIf(e);
      if (reason) {
        rejected.push({ id: e.id, reason, details: `event ${e.seq} refused` });
      } else {
        this.stored.set(e.id, structuredClone(e));
        accepted++;
      }
      seqs.add(e.seq);
    }
    return { serverTime: this.serverTime(), accepted, duplicates, ackedSeq: this.ackedSeq(epoch), rejected };
  }

  private async push(p: Parameters<TerminalApi['central']['push']>[0]): Promise<Result<PushResponse>> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await tick();
      await tick();
      const down = this.unreachable();
      if (down) return down;
      const parsed = requestSchemas['central:push'].safeParse(p);
      if (!parsed.success) return err('invalid-request', parsed.error.issues[0]?.message ?? 'invalid push');
      const bytes = JSON.stringify(p).length;
      if (bytes > MAX_PUSH_BYTES) return err('invalid-request', 'payload too large');
      const events = p.events as EventEnvelope[];
      const refusal = this.refuseRequestIf(events);
      if (refusal) return err('invalid-request', refusal);
      if (this.rateLimitNextPushes > 0) {
        this.rateLimitNextPushes--;
        return { ok: false, error: { code: 'rate-limited', message: 'too many requests', retryAfterMs: this.retryAfterMs } as never };
      }
      if (this.hangNextPush) {
        this.hangNextPush = false;
        return await new Promise<never>(() => undefined);
      }
      this.pushes.push({ epoch: p.epoch, seqs: events.map((e) => e.seq), bytes });
      let response = this.process(p.epoch, events);
      if (this.duplicateNextPushes > 0) {
        this.duplicateNextPushes--;
        response = this.process(p.epoch, events);
      }
      await tick();
      if (this.dropNextPushes > 0) {
        this.dropNextPushes--;
        return err('timeout', 'response lost');
      }
      return ok(response);
    } finally {
      this.inFlight--;
    }
  }

  readonly noticeListeners = new Set<(n: CentralNotice) => void>();

  /** What main does when its long poll to central answers (a central notice). */
  notice(n: CentralNotice): void {
    for (const cb of this.noticeListeners) cb(n);
  }

  private async pull(p: Parameters<TerminalApi['central']['pull']>[0]): Promise<Result<PullResponse>> {
    await tick();
    const down = this.unreachable();
    if (down) return down;
    const cursor = p.cursor ?? '0';
    this.pulls.push({ stream: p.stream, cursor });
    if (this.resetNext.delete(p.stream)) return ok({ reset: true, serverTime: this.serverTime() });
    const log = this.streams.get(p.stream) ?? [];
    const from = Number(cursor);
    const limit = this.pageSize ?? Number(p.limit ?? 1000);
    const rows = log.slice(from, from + limit);
    const next = from + rows.length;
    return ok({ rows, cursor: String(next), hasMore: next < log.length, serverTime: this.serverTime() });
  }

  readonly api: Pick<TerminalApi, 'central' | 'journal'> = {
    central: {
      hello: async (p) => {
        await tick();
        const down = this.unreachable();
        if (down) return down;
        this.hellos.push({ epoch: p.epoch, appVersion: p.appVersion });
        const seqs = this.forgetfulHello ? [] : [...(this.processed.get(p.epoch) ?? [])];
        return ok({
          serverTime: this.serverTime(),
          streams: [...streamNames],
          acked: {
            contiguousSeq: this.forgetfulHello ? 0 : this.ackedSeq(p.epoch),
            maxSeq: seqs.length ? Math.max(...seqs) : 0,
            count: seqs.length,
          },
          workstationId: 'WS-1',
        });
      },
      push: (p) => this.push(p),
      pull: (p) => this.pull(p),
      reconcile: async () => ok({ serverTime: this.serverTime(), missing: [] }),
      fetch: async (p) => err('not-found', `the fake central serves no ${p.path}`),
      onNotice: (cb) => {
        this.noticeListeners.add(cb);
        return () => this.noticeListeners.delete(cb);
      },
    },
    journal: {
      append: async (events) => {
        this.journal.push(...events);
        return ok({ appended: events.length });
      },
      acknowledge: async ({ epoch, ackedSeq }) => {
        this.acknowledgements.push({ epoch, ackedSeq });
        const before = this.journal.length;
        this.journal = this.journal.filter((e) => e.epoch !== epoch || e.seq > ackedSeq);
        return ok({ removed: before - this.journal.length });
      },
      pending: async () => ok(this.journal.map((e) => structuredClone(e))),
    },
  };
}
