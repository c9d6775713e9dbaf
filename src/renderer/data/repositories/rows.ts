/**
 * Row types of the server-owned tables, derived from the one Dexie schema (data/db.ts), so
 * repositories and screens name them without re-declaring them.
 */
import type { Table } from 'dexie';
import type { TaktDb } from '../db';

export type TableRow<K extends keyof TaktDb> = TaktDb[K] extends Table<infer R, string> ? R : never;

export type SettingsRow = TableRow<'settings'>;
export type WorkstationRow = TableRow<'workstations'>;
export type LineRow = TableRow<'lines'>;
export type ReasonRow = TableRow<'reasons'>;
export type ProductRow = TableRow<'products'>;
export type OperatorRow = TableRow<'operators'>;
export type T2LineRow = TableRow<'t2Lines'>;
export type WorkOrderRow = TableRow<'workOrders'>;
