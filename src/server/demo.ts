/**
 * Loads the demo plant (resources/demo) through the normal import functions. Plan and order
 * files carry day offsets, turned into dates relative to `today`, so re-running it on every
 * demo start keeps the plans current; the imports are idempotent, so nothing doubles.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { addDays, productionDay } from '../shared/production-day';
import { plantSettingsSchema } from '../shared/domain/plant';
import type { Db } from './db/connect';
import { HttpProblem } from './http-errors';
import { importOrders } from './import/orders';
import { importPlant } from './import/plant';
import { importMonthlyPlan, importT2Plan } from './import/plans';
import { rowsFromJson } from './import/parse';

export const DEMO_DIR = fileURLToPath(new URL('../../resources/demo/', import.meta.url));

export interface DemoLoadResult {
  today: string;
  imported: { plant: number; orders: number; monthlyPlan: number; t2Plan: number };
}

async function readJson(dir: string, file: string): Promise<unknown> {
  const path = `${dir.replace(/\/$/, '')}/${file}`;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (e) {
    throw new Error(`Demo file ${path} could not be read: ${(e as Error).message}`, { cause: e });
  }
}

function withDates(rows: unknown, offsetKey: string, dateKey: string, today: string): unknown[] {
  if (!Array.isArray(rows)) throw new Error(`Demo file rows must be a JSON array (${offsetKey})`);
  return rows.map((r: unknown) => {
    const { [offsetKey]: offset, ...rest } = (r ?? {}) as Record<string, unknown>;
    return typeof offset === 'number' ? { ...rest, [dateKey]: addDays(today, offset) } : rest;
  });
}

async function step<T>(file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof HttpProblem) {
      throw new Error(`Demo file ${file} is invalid: ${e.details} ${JSON.stringify(e.extra.rows ?? [])}`, { cause: e });
    }
    throw e;
  }
}

export async function loadDemo(db: Db, opts: { dir?: string; today?: string; now?: Date } = {}): Promise<DemoLoadResult> {
  const dir = opts.dir ?? DEMO_DIR;
  const now = opts.now ?? new Date();
  const plant = await readJson(dir, 'plant.json');
  const settings = plantSettingsSchema.safeParse((plant as { plant?: unknown } | null)?.plant);
  const today =
    opts.today ?? (settings.success ? productionDay(now, settings.data.timezone, settings.data.dayStartsAt) : now.toISOString().slice(0, 10));
  const p = await step('plant.json', () => importPlant(db, plant));
  const orders = withDates(await readJson(dir, 'orders.json'), 'due_in_days', 'due_date', today);
  const o = await step('orders.json', () => importOrders(db, rowsFromJson(orders), now));
  const monthly = withDates(await readJson(dir, 'monthly-plan.json'), 'day_offset', 'date', today);
  const m = await step('monthly-plan.json', () => importMonthlyPlan(db, rowsFromJson(monthly), now));
  const t2 = withDates(await readJson(dir, 't2-plan.json'), 'day_offset', 'date', today);
  const t = await step('t2-plan.json', () => importT2Plan(db, rowsFromJson(t2), now));
  return { today, imported: { plant: p.imported, orders: o.imported, monthlyPlan: m.imported, t2Plan: t.imported } };
}
