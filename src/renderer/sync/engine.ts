/**
 * The terminal's sync engine (renderer side). It makes every recorded event reach central exactly
 * once: at-least-once delivery (retry until acknowledged) + central's dedupe by event id.
 *  - Push: pending events of `db.events` in seq order, batches within the wire limits, exactly one
 *    request in flight, debounced after `nudge()`, exponential backoff with full jitter on failure.
 *  - Pull: all streams on start and every 30 s; work orders, notices and plans after each push;
 *    the streams a central notice names at once (main keeps a long poll open to central).
 *  - A central notice that central is reachable again cuts a backoff short (as `online` does).
 *  - Hello on start and after errors: clock offset (meta 'clockOffsetMs') and central's acked seq.
 *  - Journal restore on start: unsynced events the main process kept, if IndexedDB lost them.
 *  - One leader across windows (Web Locks), and a watchdog that rebuilds a wedged loop.
 * It persists only through db.events states, db.meta and the pull tables/cursors; it never deletes
 * an event except through retention (`pruneAcked`).
 */
import { liveQuery } from 'dexie';
import type { CentralNotice, TerminalApi } from '../../shared/api';

/** What sync needs of the terminal API: central and the journal (the app passes the whole TerminalApi). */
export type SyncApi = Pick<TerminalApi, 'central' | 'journal'>;
import type { Result } from '../../shared/result';
import type { EventEnvelope } from '../../shared/sync/events';
import { PROTOCOL_VERSION, type PushResponse } from '../../shared/sync/protocol';
import { streamNames, type StreamName } from '../../shared/sync/streams';
import type { TaktDb } from '../data/db';
import {
  applyPushResult,
  latestPending,
  oldestPendingAt,
  ensureEpoch,
  fillBatch,
  markAckedUpTo,
  nextPushBatch,
  pruneAcked,
  raiseNextSeq,
  readQueueCounts,
  rejectLocally,
  restoreFromJournal,
  type Unsendable,
} from './outbox';
import { pullStream } from './pull';
import { reconcile } from './reconcile';
import {
  backoffDelay,
  describe,
  failureOf,
  isReachable,
  MAX_BATCHES_PER_CYCLE,
  nextClockOffset,
  PRUNE_EVERY_MS,
  PULL_INTERVAL_MS,
  PUSH_DEBOUNCE_MS,
  RECONCILE_EVERY_MS,
  RECOUNT_EVERY_MS,
  retryAfterOf,
  STREAMS_AFTER_PUSH,
  SYNC_LOCK_NAME,
  WATCHDOG_AFTER_MS,
  type Failure,
} from './policy';
import * as status from './status-store';

export interface SyncEngine {
  start(): void;
  stop(): void;
  /**
   * Runs a full cycle now (hello if needed, push everything, pull every stream) and audits with
   * central that it still holds every acknowledged event (reconcile); never rejects.
   */
  syncNow(): Promise<void>;
  /** Something was recorded: recount the queue and push soon (debounced). Also cuts a backoff short. */
  nudge(): void;
}

export interface SyncEngineOptions {
  api: SyncApi;
  db: TaktDb;
  appVersion: string;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelay,
  PRUNE_EVERY_MS,
  PULL_INTERVAL_MS,
  PUSH_DEBOUNCE_MS,
  RECONCILE_EVERY_MS,
  RECOUNT_EVERY_MS,
  RETRY_AFTER_CAP_MS,
  retryAfterOf,
  STREAMS_AFTER_PUSH,
  SYNC_LOCK_NAME,
  WATCHDOG_AFTER_MS,
} from './policy';

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { api, db, appVersion } = opts;
  const now = opts.now ?? (() => Date.now());
  const random = opts.random ?? Math.random;
  const setTimer = opts.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const iso = (ms = now()) => new Date(ms).toISOString();

  let started = false;
  let leader = false;
  /** Bumped by stop() and the watchdog: a cycle from an older generation stops touching state. */
  let generation = 0;
  let helloDone = false;
  let restoreDone = false;
  let serverStreams: StreamName[] = [...streamNames];
  let attempt = 0;
  let offsetMs: number | null = null;
  let journalOnly: EventEnvelope[] = [];
  let lastProgressAt = now();
  let lastPruneAt = Number.NEGATIVE_INFINITY;
  let reconcileRequested = false;
  /** -1 until the first count: the first observation is not "something new was recorded". */
  let lastPending = -1;
  let lastCountAt = Number.NEGATIVE_INFINITY;
  let counting: Promise<void> | null = null;
  let countAgain = false;
  /** The newest pending event seen by the outbox watch (to tell "recorded" from "acknowledged"). */
  let newestPending: { id: string; seq: number } | null = null;

  let running: Promise<void> | null = null;
  let runningGeneration = -1;
  let wantPush = false;
  let wantPullAll = false;

  let retryTimer: unknown;
  /** The pending retry waits for central's Retry-After, not just our backoff. */
  let pausedByCentral = false;
  let retryPullAll = false;
  let debounceTimer: unknown;
  let tickTimer: unknown;
  let onlineListenerAdded = false;
  let unsubscribeQueue: (() => void) | undefined;
  let unsubscribeNotice: (() => void) | undefined;
  /** Streams a central notice named, pulled in the next cycle (kept across a failed one). */
  const wantStreams = new Set<StreamName>();
  let releaseLock: (() => void) | undefined;
  let lockAbort: AbortController | undefined;

  // ---- queue counts --------------------------------------------------------------------------

  function publishCounts(counts: { pending: number; rejected: number; oldestPendingAt: string | null }): void {
    let oldest = counts.oldestPendingAt;
    for (const e of journalOnly) if (oldest === null || e.occurredAt < oldest) oldest = e.occurredAt;
    const pending = counts.pending + journalOnly.length;
    if (pending === 0 || lastPending <= 0) lastProgressAt = now();
    const grew = lastPending >= 0 && pending > lastPending;
    lastPending = pending;
    status.queueChanged({ pending, rejected: counts.rejected, oldestPendingAt: oldest });
    // Something new was recorded (maybe in another window): push it soon.
    if (grew && leader) schedulePush();
  }

  /** Exact counts; concurrent requests fold into one more count after the running one. */
  function recount(): Promise<void> {
    if (counting) {
      countAgain = true;
      return counting;
    }
    const run = async (): Promise<void> => {
      try {
        do {
          countAgain = false;
          lastCountAt = now();
          publishCounts(await readQueueCounts(db));
        } while (countAgain);
      } catch (e) {
        status.problemNoticed(`Could not count the outbox: ${describe(e)}`);
      } finally {
        counting = null;
      }
    };
    counting = run();
    return counting;
  }

  /** After a pushed batch: subtract what central took, and count exactly only every RECOUNT_EVERY_MS. */
  async function batchSettled(acked: number, rejected: number): Promise<void> {
    if (now() - lastCountAt >= RECOUNT_EVERY_MS) return recount();
    const s = status.getSyncStatus();
    const pending = Math.max(0, s.pending - acked - rejected);
    lastPending = pending;
    if (pending === 0) lastProgressAt = now();
    status.queueChanged({
      pending,
      rejected: s.rejected + rejected,
      oldestPendingAt: pending === 0 ? null : await oldestPendingAt(db),
    });
  }

  /** The outbox watch fired: something was recorded (push soon) or changed state (recount unless a drain is on it). */
  function outboxChanged(newest: { id: string; seq: number } | null): void {
    const recorded = newest !== null && newest.id !== newestPending?.id && newest.seq >= (newestPending?.seq ?? 0);
    const first = lastPending < 0;
    newestPending = newest;
    if (first || recorded || !running) void recount();
    if (recorded && !first && leader) schedulePush();
  }

  // ---- clock ---------------------------------------------------------------------------------

  async function clockSample(serverTime: string, sentAt: number, receivedAt: number): Promise<void> {
    const serverMs = Date.parse(serverTime);
    if (Number.isNaN(serverMs)) return;
    const sample = serverMs - (sentAt + receivedAt) / 2;
    offsetMs = nextClockOffset(offsetMs, sample);
    const rounded = Math.round(offsetMs);
    status.clockMeasured(rounded);
    await db.meta.put({ key: 'clockOffsetMs', value: rounded });
  }

  // ---- steps of a cycle ----------------------------------------------------------------------

  async function restore(): Promise<string | null> {
    const result = await api.journal.pending();
    if (!result.ok) return `Could not read the local journal: ${result.error.message}`;
    const restored = await restoreFromJournal(db, result.value);
    const known = new Set(journalOnly.map((e) => e.id));
    journalOnly = [...journalOnly, ...restored.journalOnly.filter((e) => !known.has(e.id))];
    restoreDone = true;
    return restored.invalid > 0
      ? `${restored.invalid} journal entries are not valid events and were left in the journal`
      : null;
  }

  async function hello(epoch: string, problems: string[]): Promise<Failure | null> {
    const sentAt = now();
    const result = await api.central.hello({ epoch, appVersion });
    const receivedAt = now();
    if (!result.ok) return failureOf(result.error);
    status.centralAnswered();
    const { serverTime, acked, streams } = result.value;
    await clockSample(serverTime, sentAt, receivedAt);
    await markAckedUpTo(db, epoch, acked.contiguousSeq, iso());
    // What central holds can leave the journal, even when nothing is left to push (a lost push response).
    await acknowledgeJournal(epoch, acked.contiguousSeq, problems);
    // A counter rolled back by a power cut must not hand out a seq central already holds.
    if (acked.maxSeq > 0) await raiseNextSeq(db, acked.maxSeq + 1);
    const known = streams.filter((s): s is StreamName => (streamNames as readonly string[]).includes(s));
    serverStreams = known.length > 0 ? known : [...streamNames];
    await db.meta.put({ key: 'lastHelloAt', value: iso(receivedAt) });
    helloDone = true;
    return null;
  }

  async function sendBatch(epoch: string, events: EventEnvelope[]): Promise<Result<PushResponse>> {
    const sentAt = now();
    const result = await api.central.push({ protocol: PROTOCOL_VERSION, epoch, events });
    if (result.ok || isReachable(result.error)) status.centralAnswered();
    if (result.ok) await clockSample(result.value.serverTime, sentAt, now());
    return result;
  }

  async function acknowledgeJournal(epoch: string, ackedSeq: number, problems: string[]): Promise<void> {
    if (ackedSeq <= 0) return;
    const r = await api.journal.acknowledge({ epoch, ackedSeq });
    if (!r.ok) problems.push(`Could not trim the local journal: ${r.error.message}`);
  }

  /**
   * Pushes one batch of outbox events; when central refuses the whole request as invalid, sends
   * the events one by one so only the bad one is marked rejected and the queue keeps moving.
   */
  async function pushOutboxBatch(epoch: string, events: EventEnvelope[], problems: string[]): Promise<Failure | null> {
    const result = await sendBatch(epoch, events);
    if (result.ok) {
      const settled = await applyPushResult(
        db,
        epoch,
        events.map((e) => e.id),
        result.value,
        iso(),
      );
      await acknowledgeJournal(epoch, result.value.ackedSeq, problems);
      await batchSettled(settled.acked, settled.rejected);
      return null;
    }
    if (result.error.code !== 'invalid-request') return failureOf(result.error);
    if (events.length === 1) {
      await rejectLocally(db, [{ id: events[0]!.id, reason: `invalid-request: ${result.error.message}` }]);
      return null;
    }
    for (const e of events) {
      const failure = await pushOutboxBatch(epoch, [e], problems);
      if (failure) return failure;
    }
    return null;
  }

  /** Events only the journal still has (their seq cannot go into db.events): pushed per epoch from memory. */
  async function pushJournalOnly(problems: string[]): Promise<Failure | null> {
    for (let guard = 0; guard < MAX_BATCHES_PER_CYCLE && journalOnly.length > 0; guard++) {
      const epoch = journalOnly[0]!.epoch;
      const ofEpoch = journalOnly.filter((e) => e.epoch === epoch).sort((a, b) => a.seq - b.seq);
      const { events, unsendable } = fillBatch(ofEpoch);
      const done = new Set<string>(unsendable.map((u) => u.id));
      for (const u of unsendable) problems.push(`A journal event cannot be sent (${u.reason})`);
      if (events.length > 0) {
        const result = await sendBatch(epoch, events);
        if (!result.ok) {
          if (result.error.code !== 'invalid-request') return failureOf(result.error);
          for (const e of events) done.add(e.id);
          problems.push(`Central refused ${events.length} journal events: ${result.error.message}`);
        } else {
          for (const e of events) done.add(e.id);
          for (const r of result.value.rejected) problems.push(`Central refused journal event ${r.id}: ${r.reason}`);
          await acknowledgeJournal(epoch, result.value.ackedSeq, problems);
        }
      }
      journalOnly = journalOnly.filter((e) => !done.has(e.id));
      lastProgressAt = now();
    }
    return null;
  }

  async function pushAll(myGen: number, problems: string[]): Promise<{ failure: Failure | null; pushed: boolean }> {
    let pushed = false;
    const journalFailure = await pushJournalOnly(problems);
    if (journalFailure) return { failure: journalFailure, pushed };
    for (let i = 0; i < MAX_BATCHES_PER_CYCLE; i++) {
      if (myGen !== generation) return { failure: null, pushed };
      const { batch, unsendable } = await nextPushBatch(db);
      if (unsendable.length > 0) await markUnsendable(unsendable, problems);
      if (!batch) {
        if (unsendable.length > 0) continue;
        return { failure: null, pushed };
      }
      const failure = await pushOutboxBatch(batch.epoch, batch.events, problems);
      if (failure) return { failure, pushed };
      pushed = true;
      lastProgressAt = now();
    }
    wantPush = true; // more than one cycle's worth: continue in the next cycle
    return { failure: null, pushed };
  }

  async function markUnsendable(items: Unsendable[], problems: string[]): Promise<void> {
    await rejectLocally(db, items);
    problems.push(`${items.length} record(s) cannot be sent and need attention: ${items[0]!.reason}`);
  }

  async function pullStreams(streams: readonly StreamName[], problems: string[]): Promise<Failure | null> {
    for (const stream of streams) {
      const outcome = await pullStream(api, db, stream, {
        now,
        onServerTime: (t, s, r) => void clockSample(t, s, r).catch(() => undefined),
      });
      if (outcome.ok) continue;
      if (outcome.kind === 'network' && !isReachable(outcome.error))
        return { message: outcome.message, reachable: false };
      // Central asked for a pause (429/503): every further stream would be refused too.
      if (outcome.kind === 'network' && retryAfterOf(outcome.error) !== undefined)
        return { ...failureOf(outcome.error), message: outcome.message };
      // Central answered but this stream could not be applied: keep its cursor, go on with the rest.
      problems.push(outcome.message);
    }
    return null;
  }

  async function runCycle(pullAll: boolean, myGen: number): Promise<boolean> {
    status.syncStarted();
    const problems: string[] = [];
    const noticed = [...wantStreams];
    wantStreams.clear();
    let failure: Failure | null = null;
    try {
      if (!restoreDone) {
        const problem = await restore().catch((e: unknown) => `Could not restore from the journal: ${describe(e)}`);
        if (problem) problems.push(problem);
      }
      if (offsetMs === null) {
        const saved = await db.meta.get('clockOffsetMs');
        if (typeof saved?.value === 'number') offsetMs = saved.value;
      }
      const epoch = await ensureEpoch(db);
      if (!helloDone) failure = await hello(epoch, problems);
      let pushed = false;
      if (!failure) ({ failure, pushed } = await pushAll(myGen, problems));
      if (!failure && myGen === generation) {
        const wanted = new Set<StreamName>(noticed);
        if (pushed) for (const s of STREAMS_AFTER_PUSH) wanted.add(s);
        const streams = pullAll ? serverStreams : serverStreams.filter((s) => wanted.has(s));
        failure = await pullStreams(streams, problems);
      }
    } catch (e) {
      failure = { message: `Sync stopped on a local error: ${describe(e)}`, reachable: status.getSyncStatus().online };
    }
    if (myGen !== generation) return false;
    if (!failure) {
      await db.meta.put({ key: 'lastSyncAt', value: iso() }).catch(() => undefined);
      // Before pruning, so every retained acknowledged event is audited at least once.
      if (myGen === generation) await reconcileIfDue(problems).catch((e: unknown) => problems.push(`Reconcile with central failed: ${describe(e)}`));
      if (now() - lastPruneAt >= PRUNE_EVERY_MS) {
        lastPruneAt = now();
        await pruneAcked(db, now()).catch((e: unknown) => problems.push(`Could not prune old records: ${describe(e)}`));
      }
    }
    await recount();
    if (myGen !== generation) return false;
    // Nothing is awaited from here on, so a retry timer cannot fire before the drain loop sees the result.
    if (failure) {
      for (const s of noticed) wantStreams.add(s);
      attempt++;
      helloDone = false;
      status.syncFailed(failure.message, failure.reachable);
      scheduleRetry(pullAll, failure.retryAfterMs ?? 0);
      return false;
    }
    attempt = 0;
    status.syncSucceeded(iso(), problems.length > 0 ? problems.join(' | ') : null);
    return true;
  }

  async function reconcileIfDue(problems: string[]): Promise<void> {
    const last = await db.meta.get('lastReconcileAt');
    const due = reconcileRequested || typeof last?.value !== 'number' || now() - last.value >= RECONCILE_EVERY_MS;
    if (!due) return;
    reconcileRequested = false;
    const outcome = await reconcile(api, db).catch(
      (e: unknown): Result<never> => ({ ok: false, error: { code: 'internal', message: describe(e) } }),
    );
    if (!outcome.ok) {
      problems.push(`Reconcile with central failed: ${outcome.error.message}`);
      return;
    }
    await db.meta.put({ key: 'lastReconcileAt', value: now() });
  }

  /** Single flight: a request while a cycle runs is folded into the next cycle of the same drain. */
  function request(pullAll: boolean): Promise<void> {
    wantPush = true;
    if (pullAll) wantPullAll = true;
    if (running && runningGeneration === generation) return running;
    const myGen = generation;
    const drain = async (): Promise<void> => {
      await Promise.resolve(); // `running` is assigned before anything below can finish
      try {
        for (let guard = 0; guard < 1000 && (wantPush || wantPullAll) && myGen === generation; guard++) {
          const all = wantPullAll;
          wantPush = false;
          wantPullAll = false;
          if (!(await runCycle(all, myGen))) break; // failed: the backoff timer decides when to retry
        }
      } catch (e) {
        // runCycle reports its own failures; anything else (the local database closed under it) is
        // shown, never left as an unhandled rejection of a fire-and-forget request.
        status.problemNoticed(`Sync stopped on a local error: ${describe(e)}`);
      } finally {
        if (running === current) running = null;
      }
    };
    const current = drain();
    running = current;
    runningGeneration = myGen;
    return current;
  }

  // ---- timers ------------------------------------------------------------------------------

  function clear(handle: unknown): undefined {
    if (handle !== undefined) clearTimer(handle);
    return undefined;
  }

  function isLooping(): boolean {
    return started && leader;
  }

  /** Backoff with jitter, but never sooner than central's Retry-After. */
  function scheduleRetry(pullAll: boolean, retryAfterMs: number): void {
    if (!isLooping()) return;
    retryPullAll = retryPullAll || pullAll;
    retryTimer = clear(retryTimer);
    pausedByCentral = retryAfterMs > 0;
    wantPush = false;
    wantPullAll = false;
    retryTimer = setTimer(
      () => {
        retryTimer = undefined;
        const all = retryPullAll;
        retryPullAll = false;
        void request(all);
      },
      Math.max(backoffDelay(attempt - 1, random), retryAfterMs),
    );
  }

  function retryNow(pullAll: boolean): void {
    if (!isLooping()) return;
    const all = pullAll || retryPullAll;
    retryPullAll = false;
    retryTimer = clear(retryTimer);
    void request(all);
  }

  function schedulePush(): void {
    if (!isLooping()) return;
    debounceTimer = clear(debounceTimer);
    debounceTimer = setTimer(() => {
      debounceTimer = undefined;
      retryNow(false);
    }, PUSH_DEBOUNCE_MS);
  }

  function scheduleTick(): void {
    tickTimer = clear(tickTimer);
    if (!isLooping()) return;
    tickTimer = setTimer(() => {
      tickTimer = undefined;
      if (!isLooping()) return;
      scheduleTick();
      if (watchdogCheck()) return;
      if (retryTimer === undefined && !running) void request(true);
    }, PULL_INTERVAL_MS);
  }

  /** Rebuilds the loop when the outbox is stuck although central is reachable (wedged request, lost timer). */
  function watchdogCheck(): boolean {
    const s = status.getSyncStatus();
    if (s.pending === 0 || !s.online || now() - lastProgressAt < WATCHDOG_AFTER_MS) return false;
    generation++;
    running = null;
    wantPush = false;
    wantPullAll = false;
    retryTimer = clear(retryTimer);
    debounceTimer = clear(debounceTimer);
    attempt = 0;
    helloDone = false;
    lastProgressAt = now();
    status.problemNoticed(
      `Sync restarted: nothing was acknowledged for ${WATCHDOG_AFTER_MS / 1000} s with records waiting`,
    );
    void request(true);
    return true;
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  const onOnline = (): void => retryNow(true);

  /** Main heard from central: pull the streams that changed now; central back after an outage: retry now. */
  function centralNoticed(n: CentralNotice): void {
    if (!isLooping()) return;
    for (const s of n.streams) wantStreams.add(s);
    // Central's own Retry-After (429/503) stands: what it named is pulled when that pause ends.
    if (retryTimer !== undefined && pausedByCentral) return;
    if (n.reconnected || retryTimer !== undefined) retryNow(false);
    else if (wantStreams.size > 0) void request(false);
  }

  function becomeLeader(): void {
    if (!started) return;
    leader = true;
    lastProgressAt = now();
    scheduleTick();
    void request(true);
  }

  function start(): void {
    if (started) return;
    started = true;
    generation++;
    if (typeof window !== 'undefined') {
      window.addEventListener('online', onOnline);
      onlineListenerAdded = true;
    }
    // Watches only the newest pending event (an index lookup), not the counts: see RECOUNT_EVERY_MS.
    const subscription = liveQuery(() => latestPending(db)).subscribe({
      next: (newest) => outboxChanged(newest),
      error: (e: unknown) => status.problemNoticed(`Could not watch the outbox: ${describe(e)}`),
    });
    unsubscribeQueue = () => subscription.unsubscribe();
    unsubscribeNotice = api.central.onNotice((n) => centralNoticed(n));
    const locks =
      typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
    if (!locks) {
      becomeLeader();
      return;
    }
    const abort = new AbortController();
    lockAbort = abort;
    locks
      .request(SYNC_LOCK_NAME, { signal: abort.signal }, () => {
        if (!started || abort.signal.aborted) return Promise.resolve();
        return new Promise<void>((resolve) => {
          releaseLock = resolve;
          becomeLeader();
        });
      })
      .catch(() => undefined); // aborted by stop() while waiting: another window leads
  }

  function stop(): void {
    if (!started) return;
    started = false;
    leader = false;
    generation++;
    running = null;
    wantPush = false;
    wantPullAll = false;
    retryTimer = clear(retryTimer);
    debounceTimer = clear(debounceTimer);
    tickTimer = clear(tickTimer);
    if (onlineListenerAdded) window.removeEventListener('online', onOnline);
    onlineListenerAdded = false;
    unsubscribeQueue?.();
    unsubscribeQueue = undefined;
    unsubscribeNotice?.();
    unsubscribeNotice = undefined;
    wantStreams.clear();
    lockAbort?.abort();
    lockAbort = undefined;
    releaseLock?.();
    releaseLock = undefined;
    status.syncStopped();
  }

  function syncNow(): Promise<void> {
    // A window that is waiting for the lock leaves syncing to the leader.
    if (started && !leader) return Promise.resolve();
    retryTimer = clear(retryTimer);
    retryPullAll = false;
    reconcileRequested = true;
    return request(true);
  }

  function nudge(): void {
    void recount();
    schedulePush();
  }

  return { start, stop, syncNow, nudge };
}
