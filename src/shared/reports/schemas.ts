/**
 * The JSON shapes of central's 4.11 reports (ARCHITECTURE 5 and 6), as the terminal reads them:
 * the report screens validate what `central:fetch` returns with these, and an integration test
 * parses central's real answers with them, so the two ends cannot drift apart silently.
 */
import { z } from 'zod';

const ratio = z.number().nullable();
const count = z.number().int();

export const dailyRowSchema = z.object({
  workshop: z.string(),
  line: z.string(),
  productionOrder: z.string(),
  operation: z.string(),
  product: z.string(),
  planned: count,
  good: count,
  scrap: count,
  attainment: ratio,
  shortfall: count,
});
export type DailyReportRow = z.infer<typeof dailyRowSchema>;

export const dailyReportSchema = z.object({
  date: z.string(),
  planVersion: z.number().int(),
  rows: z.array(dailyRowSchema),
  totals: z.object({ planned: count, good: count, scrap: count, attainment: ratio, shortfall: count }),
});
export type DailyReportData = z.infer<typeof dailyReportSchema>;

export const shortfallCauseIds = ['supply', 'labour', 'equipment', 'quality', 'other', 'unexplained'] as const;
export type ShortfallCauseId = (typeof shortfallCauseIds)[number];
export const causeTotalSchema = z.object({ cause: z.enum(shortfallCauseIds), lostQty: count, events: count });
export type CauseTotalData = z.infer<typeof causeTotalSchema>;

export const shortfallReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  shortfall: count,
  causes: z.array(causeTotalSchema),
});
export type ShortfallReportData = z.infer<typeof shortfallReportSchema>;

const totals = z.object({ planned: count, good: count, scrap: count, shortfall: count, attainment: ratio });
export const periodicReportSchema = z.object({
  kind: z.enum(['weekly', 'monthly']),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  workshop: z.string().nullable(),
  days: z.array(totals.extend({ date: z.string() })),
  byWorkshop: z.array(totals.extend({ workshop: z.string() })),
  byProduct: z.array(totals.extend({ product: z.string() })),
  totals,
  scrapRate: ratio,
  firstArticle: z.object({ passed: count, total: count, passRate: ratio }),
  topCauses: z.array(causeTotalSchema),
});
export type PeriodicReportData = z.infer<typeof periodicReportSchema>;

export interface ParetoBar {
  cause: ShortfallCauseId;
  lostQty: number;
  /** Share of the shortfall covered by this cause and every bigger one, 0..100 (one decimal). */
  cumulativePct: number;
}

/**
 * A Pareto of the shortfall causes: biggest first (ties in the catalogue's order), zero causes
 * left out, with the cumulative percentage of the whole shortfall. The last bar reaches 100 when
 * the causes add up to the shortfall, as the analysis guarantees.
 */
export function pareto(causes: readonly CauseTotalData[]): ParetoBar[] {
  const order = (c: ShortfallCauseId) => shortfallCauseIds.indexOf(c);
  const sorted = causes.filter((c) => c.lostQty > 0).sort((a, b) => b.lostQty - a.lostQty || order(a.cause) - order(b.cause));
  const total = sorted.reduce((s, c) => s + c.lostQty, 0);
  let running = 0;
  return sorted.map((c) => {
    running += c.lostQty;
    return { cause: c.cause, lostQty: c.lostQty, cumulativePct: Math.round((running / total) * 1000) / 10 };
  });
}
