/**
 * A TerminalApi for component tests: answers app:info and journal:append, records what was
 * appended, and lets a test push scans as the device layer would.
 */
import {
  createTerminalApi,
  type AppInfo,
  type Invoke,
  type PushedChannel,
  type PushedEvents,
  type Subscribe,
  type TerminalApi,
} from '../../shared/api';
import type { Reading, ScanEvent } from '../../shared/devices/types';
import type { EventEnvelope } from '../../shared/sync/events';
import { err, ok, type Result } from '../../shared/result';
import { WS } from './fixtures';

export const testInfo: AppInfo = {
  appVersion: '0.1.0-test',
  mode: 'web',
  terminalId: 'T-TEST-1',
  workstationId: WS,
  centralUrl: 'http://127.0.0.1:4780',
  systemLocale: 'es-ES',
};

export interface FakeApi {
  api: TerminalApi;
  journal: EventEnvelope[];
  scan(text: string): void;
  /** Pushes an instrument reading as the device layer would (quality screens). */
  reading(r: Reading): void;
}

export function createFakeApi(info: AppInfo = testInfo): FakeApi {
  const journal: EventEnvelope[] = [];
  const listeners = new Map<string, Set<(d: unknown) => void>>();
  const invoke = (async (channel: string, params: unknown): Promise<Result<unknown>> => {
    switch (channel) {
      case 'app:info':
        return ok(info);
      case 'journal:append':
        journal.push(...(params as EventEnvelope[]));
        return ok({ appended: (params as EventEnvelope[]).length });
      default:
        return err('offline', `${channel} is not available in tests`);
    }
  }) as Invoke;
  const subscribe = ((channel: PushedChannel, cb: (d: PushedEvents[PushedChannel]) => void) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    const fn = cb as (d: unknown) => void;
    set.add(fn);
    return () => set.delete(fn);
  }) as Subscribe;
  return {
    api: createTerminalApi(invoke, subscribe),
    journal,
    scan(text) {
      const e: ScanEvent = {
        portId: 'scanner-1',
        text,
        symbology: null,
        source: 'serial',
        receivedAt: new Date().toISOString(),
      };
      for (const cb of listeners.get('devices:scan') ?? []) cb(e);
    },
    reading(r) {
      for (const cb of listeners.get('devices:reading') ?? []) cb(r);
    },
  };
}
