/**
 * Quality endpoints at central (admin or terminal token):
 *  - GET /api/v1/quality/first-article/:inspectionId?format=json|pdf|xlsx|csv&lang=es|en — the AS9102 Form 3-like report.
 *  - GET /api/v1/quality/gauges/:gaugeId/impact — every work order / lot measured with the gauge since its
 *    last good calibration (ISO 9001 7.1.5.2), for the out-of-tolerance review.
 *  - GET /api/v1/quality/first-article-flags[?workOrderId=] — output central received while the work
 *    order's first-article gate was closed (./first-article-gate.ts), newest first.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id } from '../../shared/domain/ids';
import { getPlantSettings } from '../db/master';
import { HttpProblem, parseOr400 } from '../http-errors';
import { contentDisposition, fileFormats, renderFile } from '../reports/files';
import type { AppContext } from '../routes/context';
import { getStreamRow } from '../sync/changes';
import { gaugeImpact } from './effects';
import { listFirstArticleFlags } from './first-article-gate';
import { firstArticleDocument, firstArticleReport } from './first-article-report';

const reportQuery = z.object({
  format: z.enum(['json', ...fileFormats], { message: 'format: json, csv, xlsx o/or pdf' }).default('json'),
  lang: z.enum(['es', 'en']).default('es'),
});

export function registerQualityRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/quality/first-article/:inspectionId', async (req, reply) => {
    await ctx.principal(req);
    const { inspectionId } = parseOr400(z.object({ inspectionId: id }), req.params, 'inspection');
    const q = parseOr400(reportQuery, req.query, 'first-article report');
    const report = await firstArticleReport(ctx.db, inspectionId);
    if (!report) {
      throw new HttpProblem(404, 'not-found', `La inspección ${inspectionId} no ha llegado a central. / Inspection ${inspectionId} has not reached central.`);
    }
    if (q.format === 'json') return report;
    const doc = firstArticleDocument(report, (await getPlantSettings(ctx.db)).name, q.lang);
    const file = await renderFile(doc, q.format, { lang: q.lang, generatedAt: ctx.now() });
    return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.filename)).send(file.bytes);
  });

  app.get('/api/v1/quality/gauges/:gaugeId/impact', async (req) => {
    await ctx.principal(req);
    const { gaugeId } = parseOr400(z.object({ gaugeId: id }), req.params, 'gauge');
    const gauge = await getStreamRow(ctx.db, 'gauges', `gauge:${gaugeId}`);
    if (!gauge) throw new HttpProblem(404, 'not-found', `El equipo ${gaugeId} no está en el registro. / Gauge ${gaugeId} is not in the register.`);
    const since = gauge.lastCalibratedOn ?? null;
    return { gaugeId, status: gauge.status, since, measured: await gaugeImpact(ctx.db, gaugeId, since) };
  });

  app.get('/api/v1/quality/first-article-flags', async (req) => {
    await ctx.principal(req);
    const q = parseOr400(z.object({ workOrderId: id.optional() }), req.query, 'first-article flags');
    return { flags: await listFirstArticleFlags(ctx.db, q.workOrderId) };
  });
}
