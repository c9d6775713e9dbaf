/**
 * Startup: pick the TerminalApi transport, open the one IndexedDB database, learn who this
 * terminal is (app info, with retries while the terminal service comes up), settle the interface
 * language, and start the sync engine once. Never throws: a failure becomes a FatalReason the
 * fatal screen explains.
 */
import type { i18n as I18n } from 'i18next';
import type { AppInfo, TerminalApi } from '../../shared/api';
import { getDb, type TaktDb } from '../data/db';
import { systemLocaleKnown } from '../i18n';
import { resolveTerminalApi, type TerminalApiResolution } from '../platform/terminal-api';
import { createSyncEngine } from '../sync/engine';
import type { AppServices, SyncControls } from './services';

export type FatalReason = 'missing-secret' | 'bad-secret' | 'indexeddb' | 'unreachable' | 'unknown';

export type BootResult = { ok: true; services: AppServices } | { ok: false; reason: FatalReason; message: string };

export interface BootDeps {
  resolveApi: () => TerminalApiResolution;
  openDb: () => TaktDb;
  createEngine: (args: { api: TerminalApi; db: TaktDb; appVersion: string }) => SyncControls & { start: () => void };
  i18n: I18n;
  hasIndexedDb: () => boolean;
  /** Delays between app-info attempts (their count is the number of retries). */
  infoRetryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const defaultRetryDelays = [250, 500, 1000, 2000, 3000, 3000, 3000, 3000];

async function appInfoWithRetries(api: TerminalApi, deps: BootDeps): Promise<AppInfo | 'unauthorized' | null> {
  const delays = deps.infoRetryDelaysMs ?? defaultRetryDelays;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    try {
      const r = await api.app.info();
      if (r.ok) return r.value;
      if (r.error.code === 'unauthorized') return 'unauthorized';
      console.warn('app info failed', r.error);
    } catch (e) {
      console.warn('app info failed', e);
    }
    const delay = delays[attempt];
    if (delay === undefined) break;
    await sleep(delay);
  }
  return null;
}

export async function bootstrap(deps: BootDeps): Promise<BootResult> {
  try {
    const resolved = deps.resolveApi();
    if (!resolved.ok)
      return { ok: false, reason: 'missing-secret', message: 'no ?secret= in the address and none stored' };
    const { api } = resolved;

    if (!deps.hasIndexedDb()) return { ok: false, reason: 'indexeddb', message: 'indexedDB is not available' };
    const db = deps.openDb();
    try {
      await db.open();
    } catch (e) {
      return { ok: false, reason: 'indexeddb', message: e instanceof Error ? e.message : String(e) };
    }

    const info = await appInfoWithRetries(api, deps);
    if (info === 'unauthorized')
      return { ok: false, reason: 'bad-secret', message: 'the terminal service refused the access key' };
    if (!info) return { ok: false, reason: 'unreachable', message: 'app:info did not answer' };
    await systemLocaleKnown(deps.i18n, info.systemLocale);

    const engine = deps.createEngine({ api, db, appVersion: info.appVersion });
    engine.start();
    return { ok: true, services: { api, db, engine, info } };
  } catch (e) {
    console.error('startup failed', e);
    return { ok: false, reason: 'unknown', message: e instanceof Error ? e.message : String(e) };
  }
}

/** The real wiring used by main.tsx. */
export function productionBootDeps(i18n: I18n): BootDeps {
  return {
    resolveApi: () => resolveTerminalApi(window),
    openDb: getDb,
    createEngine: (args) => createSyncEngine(args),
    i18n,
    hasIndexedDb: () => {
      try {
        return typeof indexedDB !== 'undefined' && indexedDB !== null;
      } catch {
        return false;
      }
    },
  };
}
