/** Operators (pulled from central's `people` stream), looked up by the badge they scan. */
import type { TaktDb } from '../db';
import type { OperatorRow } from './rows';

/** Badges are compared exactly after trimming what scanners and keyboards add around them. */
export function normalizeBadge(badge: string): string {
  return badge.trim();
}

export async function findOperatorByBadge(db: TaktDb, badge: string): Promise<OperatorRow | null> {
  const b = normalizeBadge(badge);
  if (!b) return null;
  return (await db.operators.where('badge').equals(b).first()) ?? null;
}

export async function getOperator(db: TaktDb, id: string): Promise<OperatorRow | null> {
  return (await db.operators.where('id').equals(id).first()) ?? null;
}

export async function countOperators(db: TaktDb): Promise<number> {
  return db.operators.count();
}
