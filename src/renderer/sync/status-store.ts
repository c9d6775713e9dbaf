/**
 * What the operator (and support) can see of sync: is central reachable, how much is waiting,
 * how old the oldest unsent record is, how many records central refused, the last problem and the
 * device clock's skew. Held in memory only (zustand); the sync engine is the only writer, through
 * the actions below, which are named for what happened. Counts come from `db.events`.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface SyncStatus {
  /** Central answered the last request (a refusal counts as reachable; offline/timeout does not). */
  online: boolean;
  /** Events not yet acknowledged by central (outbox plus journal-only events). */
  pending: number;
  /** `occurredAt` of the oldest pending event. */
  oldestPendingAt: string | null;
  lastSuccessAt: string | null;
  /** Events central (or the local pre-check) refused; they need attention and never block the queue. */
  rejected: number;
  syncing: boolean;
  lastError: string | null;
  /** Smoothed estimate of central's clock minus this device's clock, in ms. */
  clockSkewMs: number | null;
}

export interface QueueCounts {
  pending: number;
  rejected: number;
  oldestPendingAt: string | null;
}

const initialStatus: SyncStatus = {
  online: false,
  pending: 0,
  oldestPendingAt: null,
  lastSuccessAt: null,
  rejected: 0,
  syncing: false,
  lastError: null,
  clockSkewMs: null,
};

const store = createStore<SyncStatus>(() => ({ ...initialStatus }));

/** The whole status; re-renders when any field changes. */
export function useSyncStatus(): SyncStatus {
  return useStore(store);
}

/** One derived value of the status (re-renders only when it changes). */
export function useSyncStatusValue<T>(selector: (status: SyncStatus) => T): T {
  return useStore(store, selector);
}

export function getSyncStatus(): SyncStatus {
  return store.getState();
}

export function subscribeSyncStatus(listener: (status: SyncStatus) => void): () => void {
  return store.subscribe(listener);
}

/** Back to the state of a terminal that has not synced yet (tests, or a new database). */
export function resetSyncStatus(): void {
  store.setState({ ...initialStatus }, true);
}

export function syncStarted(): void {
  store.setState({ syncing: true });
}

/** A cycle reached central and finished; `problem` is a non-blocking issue met on the way (e.g. a bad pull page). */
export function syncSucceeded(at: string, problem: string | null = null): void {
  store.setState({ syncing: false, online: true, lastSuccessAt: at, lastError: problem });
}

export function syncFailed(message: string, reachable: boolean): void {
  store.setState({ syncing: false, online: reachable, lastError: message });
}

/** A request got an answer from central (even a refusal): it is reachable. */
export function centralAnswered(): void {
  if (!store.getState().online) store.setState({ online: true });
}

export function syncStopped(): void {
  store.setState({ syncing: false });
}

export function queueChanged(counts: QueueCounts): void {
  const s = store.getState();
  if (s.pending === counts.pending && s.rejected === counts.rejected && s.oldestPendingAt === counts.oldestPendingAt)
    return;
  store.setState({ ...counts });
}

export function clockMeasured(skewMs: number): void {
  store.setState({ clockSkewMs: skewMs });
}

/** Something went wrong that did not stop the cycle (journal unavailable, watchdog restart...). */
export function problemNoticed(message: string): void {
  store.setState({ lastError: message });
}
