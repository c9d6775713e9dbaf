import { z } from 'zod';

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a `YYYY-MM-DD` string naming a day that exists (no 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Calendar date in the plant's time zone, `YYYY-MM-DD`, that exists. */
export const isoDate = z
  .string()
  .regex(DATE_RE, 'expected YYYY-MM-DD')
  // zod runs refinements even after the regex failed: only judge well-formed strings here.
  .refine((s) => !DATE_RE.test(s) || isCalendarDate(s), 'no such date');
/** Wall-clock time of day, `HH:MM`. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
/** ISO 8601 instant with offset, as produced by Date#toISOString. */
export const isoInstant = z.string().datetime({ offset: true });
/** A decimal number kept as a string so limits and sums never go through binary floats. */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number like 12.345');
export const id = z.string().min(1).max(120);
/** Whole units (pieces, or the smallest unit of the item). */
export const qty = z.number().int().nonnegative();

export const localizedText = z.object({ es: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedText>;
