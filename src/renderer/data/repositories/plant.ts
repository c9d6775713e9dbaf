/**
 * Plant master data as this terminal sees it (read-only, pulled from central's `plant` stream):
 * the plant settings, this workstation and its line, and the reason lists.
 */
import type { TaktDb } from '../db';
import type { LineRow, ReasonRow, SettingsRow, WorkstationRow } from './rows';

/** What the terminal assumes about time until the plant settings have arrived from central. */
export const defaultPlantTime = { timezone: 'Europe/Madrid', dayStartsAt: '06:00' } as const;

/** The plant settings row, or null before the first pull. */
export async function getSettings(db: TaktDb): Promise<SettingsRow | null> {
  return (await db.settings.toCollection().first()) ?? null;
}

export interface WorkstationInfo {
  workstation: WorkstationRow | null;
  line: LineRow | null;
}

/** This workstation and its line (either may still be missing before the first pull). */
export async function getWorkstationInfo(db: TaktDb, workstationId: string): Promise<WorkstationInfo> {
  const workstation = (await db.workstations.where('id').equals(workstationId).first()) ?? null;
  const line = workstation ? ((await db.lines.where('id').equals(workstation.lineId).first()) ?? null) : null;
  return { workstation, line };
}

/** Reasons of one kind, ordered by code. */
export async function listReasons(db: TaktDb, type: ReasonRow['type']): Promise<ReasonRow[]> {
  const rows = await db.reasons.where('type').equals(type).toArray();
  return rows.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
}
