/**
 * Report archive (table `report_archive`, migration 0002): at the start of each production day
 * central keeps the daily report of the day before, as JSON and as CSV, XLSX and PDF files.
 * `generateDueReports` is idempotent (one row per kind, period and format; a concurrent or repeated
 * run inserts nothing twice) and catches up: it looks at the 31 production days before `now`'s and
 * archives each one that is not archived yet and either is the day before or has report rows
 * (so a fresh install does not fill the archive with a month of empty days). An archived report
 * is a snapshot: output synchronised later changes the live report, not the archived file.
 */
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import { bigserial, customType, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { addDays, productionDay } from '../../shared/production-day';
import type { Db } from '../db/connect';
import { getPlantSettings } from '../db/master';
import { dailyReport } from './daily';
import { dailyDocument, type Lang } from './document';
import { contentTypes, fileFormats, renderFile } from './files';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

export const reportArchive = pgTable('report_archive', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  period: text('period').notNull(),
  format: text('format').$type<'json' | 'csv' | 'xlsx' | 'pdf'>().notNull(),
  contentType: text('content_type').notNull(),
  filename: text('filename').notNull(),
  generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }).notNull(),
  bytes: bytea('bytes').notNull(),
});

export const archiveKinds = ['daily'] as const;
export type ArchiveKind = (typeof archiveKinds)[number];
export const CATCH_UP_DAYS = 31;
const ALL_FORMATS = ['json', ...fileFormats] as const;

export interface ArchiveEntry {
  id: number;
  kind: string;
  period: string;
  format: string;
  contentType: string;
  filename: string;
  generatedAt: string;
  size: number;
}

/** Archives every due daily report; returns the production days it generated. */
export async function generateDueReports(db: Db, now: Date, opts: { lang?: Lang } = {}): Promise<{ generated: string[] }> {
  const settings = await getPlantSettings(db);
  const today = productionDay(now, settings.timezone, settings.dayStartsAt);
  const yesterday = addDays(today, -1);
  const earliest = addDays(today, -CATCH_UP_DAYS);
  const archived = await db
    .select({ period: reportArchive.period, formats: sql<number>`count(*)`.mapWith(Number) })
    .from(reportArchive)
    .where(and(eq(reportArchive.kind, 'daily'), gte(reportArchive.period, earliest)))
    .groupBy(reportArchive.period);
  const complete = new Set(archived.filter((a) => a.formats >= ALL_FORMATS.length).map((a) => a.period));
  const generated: string[] = [];
  for (let day = earliest; day <= yesterday; day = addDays(day, 1)) {
    if (complete.has(day)) continue;
    const report = await dailyReport(db, day);
    if (day !== yesterday && report.rows.length === 0) continue;
    const lang = opts.lang ?? 'es';
    const doc = dailyDocument(report, settings.name, lang);
    const files = [
      { format: 'json' as const, bytes: Buffer.from(JSON.stringify(report), 'utf8'), contentType: contentTypes.json, filename: `${doc.fileBase}.json` },
      ...(await Promise.all(fileFormats.map(async (format) => ({ format, ...(await renderFile(doc, format, { lang, generatedAt: now })) })))),
    ];
    await db
      .insert(reportArchive)
      .values(files.map((f) => ({ kind: 'daily', period: day, format: f.format, contentType: f.contentType, filename: f.filename, generatedAt: now, bytes: f.bytes })))
      .onConflictDoNothing();
    generated.push(day);
  }
  return { generated };
}

export async function listArchive(db: Db, kind?: ArchiveKind): Promise<ArchiveEntry[]> {
  const rows = await db
    .select({
      id: reportArchive.id,
      kind: reportArchive.kind,
      period: reportArchive.period,
      format: reportArchive.format,
      contentType: reportArchive.contentType,
      filename: reportArchive.filename,
      generatedAt: reportArchive.generatedAt,
      size: sql<number>`octet_length(${reportArchive.bytes})`.mapWith(Number),
    })
    .from(reportArchive)
    .where(kind ? eq(reportArchive.kind, kind) : undefined)
    .orderBy(desc(reportArchive.period), asc(reportArchive.kind), asc(reportArchive.format));
  return rows.map((r) => ({ ...r, generatedAt: r.generatedAt.toISOString() }));
}

export async function getArchived(db: Db, id: number) {
  const [row] = await db.select().from(reportArchive).where(eq(reportArchive.id, id));
  return row ?? null;
}
