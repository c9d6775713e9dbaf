/**
 * Test helpers for the sync engine: a manual clock/timer pair (no real sleeps), a recorder that
 * writes outbox events the way the app's recordEvent does (gapless seq in one transaction), and
 * valid stream rows.
 */
import { v7 as uuidv7 } from 'uuid';
import type { OutboxEvent, TaktDb } from '../../data/db';
import { ensureEpoch } from '../outbox';

interface ManualTimer {
  at: number;
  delay: number;
  fn: () => void;
}

export class ManualTimers {
  nowMs = Date.UTC(2026, 10, 26, 8, 0, 0);
  private nextId = 1;
  readonly timers = new Map<number, ManualTimer>();
  /** Every delay ever scheduled, in order. */
  readonly scheduled: number[] = [];

  now = (): number => this.nowMs;
  setTimer = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.nowMs + ms, delay: ms, fn });
    this.scheduled.push(ms);
    return id;
  };
  clearTimer = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  pendingDelays(): number[] {
    return [...this.timers.values()].map((t) => t.delay);
  }

  /** Moves the clock forward, firing due timers in time order (bounded). */
  advance(ms: number): void {
    const end = this.nowMs + ms;
    for (let guard = 0; guard < 10_000; guard++) {
      let dueId: number | undefined;
      let due: ManualTimer | undefined;
      for (const [id, t] of this.timers) {
        if (t.at <= end && (!due || t.at < due.at)) {
          due = t;
          dueId = id;
        }
      }
      if (!due || dueId === undefined) break;
      this.timers.delete(dueId);
      this.nowMs = Math.max(this.nowMs, due.at);
      due.fn();
    }
    this.nowMs = end;
  }
}

export interface RecordOptions {
  payload?: (i: number) => Record<string, unknown>;
  occurredAt?: string;
  workstationId?: string;
}

/** Records `n` events like recordEvent: epoch + gapless seq + pending, in one rw transaction. */
export async function recordEvents(db: TaktDb, n: number, opts: RecordOptions = {}): Promise<OutboxEvent[]> {
  return db.transaction('rw', db.events, db.meta, async () => {
    const epoch = await ensureEpoch(db);
    const row = await db.meta.get('nextSeq');
    let seq = typeof row?.value === 'number' ? row.value : 1;
    const out: OutboxEvent[] = [];
    for (let i = 0; i < n; i++) {
      const event: OutboxEvent = {
        id: uuidv7(),
        terminalId: 'T-01',
        epoch,
        seq: seq++,
        type: 'output.recorded',
        v: 1,
        occurredAt: opts.occurredAt ?? new Date(Date.UTC(2026, 10, 26, 7, 0, 0) + out.length * 1000).toISOString(),
        clockOffsetMs: 0,
        operatorId: 'OP-0007',
        workstationId: opts.workstationId ?? 'WS-1',
        payload: opts.payload?.(i) ?? { workOrderId: 'PO-1/10', goodQty: 1, scrapQty: 0 },
        state: 'pending',
      };
      await db.events.add(event);
      out.push(event);
    }
    await db.meta.put({ key: 'nextSeq', value: seq });
    return out;
  });
}

export function workOrderRow(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'work-order',
    id,
    productionOrderId: 'PO-1',
    operation: '10',
    productId: 'P-1',
    lineId: 'L-1',
    workstationIds: ['WS-1'],
    qty: 100,
    status: 'released',
    version: 0,
    goodQty: 0,
    scrapQty: 0,
    updatedAt: '2026-11-26T06:00:00.000Z',
    ...extra,
  };
}

export function noticeRow(id: string): Record<string, unknown> {
  return { type: 'notice', id, kind: 'info', title: `Notice ${id}`, createdAt: '2026-11-26T06:00:00.000Z' };
}

let dbCounter = 0;
export function uniqueDbName(): string {
  dbCounter++;
  return `t-${dbCounter}-${Math.random().toString(36).slice(2)}`;
}
