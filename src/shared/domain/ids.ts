import { z } from 'zod';

/** Calendar date in the plant's time zone, `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');
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
