/**
 * The services every screen reaches through context: the TerminalApi (one contract, IPC or
 * WebSocket underneath), the one Dexie database, the sync engine's controls and this terminal's
 * identity. Built once at startup (app/bootstrap.ts).
 */
import { createContext, useContext } from 'react';
import type { AppInfo, TerminalApi } from '../../shared/api';
import type { TaktDb } from '../data/db';

/** The parts of the sync engine the UI drives. */
export interface SyncControls {
  syncNow(): Promise<void>;
  nudge(): void;
}

export interface AppServices {
  api: TerminalApi;
  db: TaktDb;
  engine: SyncControls;
  info: AppInfo;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesContext');
  return s;
}
