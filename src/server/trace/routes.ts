/**
 * Trace endpoints (clause 4.8, ARCHITECTURE 5), admin or terminal token:
 *   GET /api/v1/trace/lot/{lotId}?direction=backward|forward[&format=json|csv|xlsx][&lang=es|en]
 *   GET /api/v1/trace/serial/{serial}?...   GET /api/v1/trace/package/{sscc}?...
 *   GET /api/v1/trace/recall/{lotId}[?format=json|csv|xlsx]
 *   GET /api/v1/trace/sscc-counter?prefix=&block=  the highest package counter used in a block
 *     (the packaging screen continues after it; see shared/trace/package-id.ts)
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { id } from '../../shared/domain/ids';
import { ssccCounter } from '../../shared/trace/package-id';
import { rowsOf } from '../db/connect';
import { getPlantSettings } from '../db/master';
import { HttpProblem, parseOr400 } from '../http-errors';
import { contentDisposition, renderFile } from '../reports/files';
import type { ReportDocument } from '../reports/document';
import type { AppContext } from '../routes/context';
import { recallDocument, traceDocument } from './document';
import { recall, traceGenealogy, TraceNotFound } from './trace';

const exportQuery = {
  format: z.enum(['json', 'csv', 'xlsx'], { message: 'format: json, csv o/or xlsx' }).default('json'),
  lang: z.enum(['es', 'en']).default('es'),
};
const traceQuery = z.object({ direction: z.enum(['backward', 'forward'], { message: 'direction: backward o/or forward' }).default('backward'), ...exportQuery });
const traceParams = z.object({ kind: z.enum(['lot', 'serial', 'package']), id });
const counterQuery = z.object({ prefix: z.string().regex(/^\d{6,12}$/), block: z.coerce.number().int().min(0).max(99) });

export function registerTraceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const send = async (reply: FastifyReply, q: { format: 'json' | 'csv' | 'xlsx'; lang: 'es' | 'en' }, json: unknown, doc: (plant: string) => ReportDocument) => {
    if (q.format === 'json') return json;
    const plant = (await getPlantSettings(ctx.db)).name;
    const file = await renderFile(doc(plant), q.format, { lang: q.lang, generatedAt: ctx.now() });
    return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.filename)).send(file.bytes);
  };
  const notFound = (e: unknown): never => {
    if (e instanceof TraceNotFound) throw new HttpProblem(404, 'not-found', e.message);
    throw e;
  };

  app.get('/api/v1/trace/recall/:id', async (req, reply) => {
    await ctx.principal(req);
    const { id: lotId } = parseOr400(z.object({ id }), req.params, 'lot');
    const q = parseOr400(z.object(exportQuery), req.query, 'recall');
    const r = await recall(ctx.db, lotId).catch(notFound);
    return send(reply, q, r, (plant) => recallDocument(r, plant, q.lang));
  });

  app.get('/api/v1/trace/sscc-counter', async (req) => {
    await ctx.principal(req);
    const q = parseOr400(counterQuery, req.query, 'sscc counter');
    const rows = rowsOf<{ package_id: string }>(
      await ctx.db.execute(sql`SELECT package_id FROM trace_packages WHERE substr(package_id, 2, ${q.prefix.length}) = ${q.prefix}`),
    );
    const counters = rows.map((r) => ssccCounter(r.package_id, q.prefix, q.block)).filter((c): c is number => c !== null);
    return { prefix: q.prefix, block: q.block, highest: counters.length ? Math.max(...counters) : 0 };
  });

  app.get('/api/v1/trace/:kind/:id', async (req, reply) => {
    await ctx.principal(req);
    const p = parseOr400(traceParams, req.params, 'trace');
    const q = parseOr400(traceQuery, req.query, 'trace');
    const t = await traceGenealogy(ctx.db, { kind: p.kind, id: p.id }, q.direction).catch(notFound);
    return send(reply, q, t, (plant) => traceDocument(t, plant, q.lang));
  });
}
