/**
 * Report endpoints (clause 4.11, ARCHITECTURE 5): daily, shortfall, weekly, monthly (JSON, or a
 * file with `format=csv|xlsx|pdf`, headers in `lang=es|en`, default es) and the report archive.
 * All need the admin token or a terminal token. Also starts the archive scheduler when the server
 * starts listening (not under inject(), so tests drive generateDueReports themselves).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { id, isCalendarDate, isoDate } from '../../shared/domain/ids';
import { addDays } from '../../shared/production-day';
import { getPlantSettings } from '../db/master';
import { HttpProblem, parseOr400 } from '../http-errors';
import { archiveKinds, getArchived, listArchive } from '../reports/archive';
import { dailyReport } from '../reports/daily';
import { dailyDocument, periodicDocument, shortfallDocument, type ReportDocument } from '../reports/document';
import { contentDisposition, fileFormats, renderFile } from '../reports/files';
import { monthDates, weekDates } from '../reports/period';
import { periodicReport } from '../reports/periodic';
import { startReportScheduler, type ReportScheduler } from '../reports/scheduler';
import { MAX_REPORT_DAYS, shortfallReport } from '../reports/shortfall';
import type { AppContext } from './context';

/** A YYYY-MM-DD that exists in the calendar (2026-02-31 does not). */
const common = {
  workshop: id.optional(),
  format: z.enum(['json', ...fileFormats], { message: 'format: json, csv, xlsx o/or pdf' }).default('json'),
  lang: z.enum(['es', 'en']).default('es'),
};
const dailySchema = z.object({ date: isoDate, ...common });
const shortfallSchema = z
  .object({ from: isoDate, to: isoDate, ...common })
  .refine((q) => q.from <= q.to, { message: 'from debe ser <= to / from must be <= to', path: ['from'] })
  // zod runs object refinements even when a field failed: only compare real dates.
  .refine((q) => !isCalendarDate(q.from) || !isCalendarDate(q.to) || q.to <= addDays(q.from, MAX_REPORT_DAYS - 1), {
    message: `como máximo ${MAX_REPORT_DAYS} días / at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });
const weeklySchema = z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/, 'YYYY-Www'), ...common });
const monthlySchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM'), ...common });
const archiveListSchema = z.object({ kind: z.enum(archiveKinds).optional() });
const archiveIdSchema = z.object({ id: z.coerce.number().int().positive() });

export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  type Common = { format: 'json' | (typeof fileFormats)[number]; lang: 'es' | 'en' };
  const send = async (reply: FastifyReply, q: Common, json: unknown, doc: () => ReportDocument) => {
    if (q.format === 'json') return json;
    const file = await renderFile(doc(), q.format, { lang: q.lang, generatedAt: ctx.now() });
    return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.filename)).send(file.bytes);
  };
  const plantName = async () => (await getPlantSettings(ctx.db)).name;

  app.get('/api/v1/reports/daily', async (req, reply) => {
    await ctx.principal(req);
    const q = parseOr400(dailySchema, req.query, 'daily report');
    const report = await dailyReport(ctx.db, q.date, q.workshop);
    const name = await plantName();
    return send(reply, q, report, () => dailyDocument(report, name, q.lang, q.workshop));
  });

  app.get('/api/v1/reports/shortfall', async (req, reply) => {
    await ctx.principal(req);
    const q = parseOr400(shortfallSchema, req.query, 'shortfall report');
    const report = await shortfallReport(ctx.db, q.from, q.to, ctx.now(), q.workshop);
    const name = await plantName();
    return send(reply, q, report, () => shortfallDocument(report, name, q.lang, q.workshop));
  });

  app.get('/api/v1/reports/weekly', async (req, reply) => {
    await ctx.principal(req);
    const q = parseOr400(weeklySchema, req.query, 'weekly report');
    const dates = weekDates(q.week);
    if (!dates) throw new HttpProblem(400, 'invalid-request', `La semana ${q.week} no existe. / Week ${q.week} does not exist.`);
    const report = await periodicReport(ctx.db, 'weekly', q.week, dates, ctx.now(), q.workshop);
    const name = await plantName();
    return send(reply, q, report, () => periodicDocument(report, name, q.lang));
  });

  app.get('/api/v1/reports/monthly', async (req, reply) => {
    await ctx.principal(req);
    const q = parseOr400(monthlySchema, req.query, 'monthly report');
    const dates = monthDates(q.month);
    if (!dates) throw new HttpProblem(400, 'invalid-request', `El mes ${q.month} no existe. / Month ${q.month} does not exist.`);
    const report = await periodicReport(ctx.db, 'monthly', q.month, dates, ctx.now(), q.workshop);
    const name = await plantName();
    return send(reply, q, report, () => periodicDocument(report, name, q.lang));
  });

  app.get('/api/v1/reports/archive', async (req) => {
    await ctx.principal(req);
    const q = parseOr400(archiveListSchema, req.query, 'report archive');
    return { reports: await listArchive(ctx.db, q.kind) };
  });

  app.get('/api/v1/reports/archive/:id', async (req, reply) => {
    await ctx.principal(req);
    const { id: archiveId } = parseOr400(archiveIdSchema, req.params, 'archived report');
    const found = await getArchived(ctx.db, archiveId);
    if (!found) throw new HttpProblem(404, 'not-found', `El informe archivado ${archiveId} no existe. / Archived report ${archiveId} does not exist.`);
    return reply.header('content-type', found.contentType).header('content-disposition', contentDisposition(found.filename)).send(found.bytes);
  });

  let scheduler: ReportScheduler | null = null;
  app.addHook('onListen', async () => {
    scheduler ??= startReportScheduler(ctx.db, app.log, ctx.now);
  });
  app.addHook('onClose', async () => {
    await scheduler?.stop();
    scheduler = null;
  });
}
