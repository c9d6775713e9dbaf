/** Central HTTP API (ARCHITECTURE 5): health, enrolment, work orders, imports (reports: ./reports.ts). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { id } from '../../shared/domain/ids';
import { woConflicts, workOrders } from '../db/schema';
import { workOrderRow } from '../db/master';
import { enrolTerminal, requireAdmin } from '../auth/tokens';
import { HttpProblem, parseOr400 } from '../http-errors';
import { importMonthlyPlan, importT2Plan } from '../import/plans';
import { importOrders } from '../import/orders';
import { importPlant } from '../import/plant';
import { rowsFromCsv, rowsFromJson, rowsFromXlsx, type RawRow } from '../import/parse';
import type { AppContext } from './context';
import { registerFloorRoutes } from '../floor/routes';
import { registerTraceRoutes } from '../trace/routes';
import { registerQualityRoutes } from '../quality/routes';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const enrolSchema = z.object({ workstationId: id, name: z.string().trim().min(1).max(120) });
const importKindSchema = z.object({ kind: z.enum(['plant', 'orders', 'monthly-plan', 't2-plan']) });

async function tableRows(req: FastifyRequest): Promise<RawRow[]> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return rowsFromJson(req.body);
  if (type === XLSX_TYPE) return rowsFromXlsx(req.body as Buffer);
  if (typeof req.body === 'string') return rowsFromCsv(req.body);
  throw new HttpProblem(415, 'invalid-request', 'Envíe CSV, XLSX o JSON. / Send CSV, XLSX or JSON.');
}

export function registerApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/csv'], { parseAs: 'string' }, (_req, body, done) => {
    done(null, body);
  });
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer' }, (_req, body, done) => {
    done(null, body);
  });

  app.get('/api/v1/health', async () => ({ status: 'ok', database: ctx.database, version: ctx.version }));
  registerFloorRoutes(app, ctx);
  registerTraceRoutes(app, ctx);
  registerQualityRoutes(app, ctx);

  app.post('/api/v1/terminals', async (req, reply) => {
    requireAdmin(await ctx.principal(req));
    const body = parseOr400(enrolSchema, req.body, 'terminal');
    const created = await enrolTerminal(ctx.db, body.workstationId, body.name);
    req.log.info({ terminalId: created.terminalId, workstationId: body.workstationId }, 'terminal enrolled');
    return reply.code(201).send(created);
  });

  app.get('/api/v1/work-orders/:id', async (req) => {
    await ctx.principal(req);
    const { id: woId } = parseOr400(z.object({ id }), req.params, 'work order');
    const [wo] = await ctx.db.select().from(workOrders).where(eq(workOrders.id, woId));
    if (!wo) throw new HttpProblem(404, 'not-found', `La orden de trabajo ${woId} no existe. / Work order ${woId} does not exist.`);
    const conflicts = await ctx.db.select().from(woConflicts).where(eq(woConflicts.workOrderId, woId)).orderBy(woConflicts.createdAt);
    return {
      ...workOrderRow(wo),
      totals: { good: Number(wo.goodQty), scrap: Number(wo.scrapQty) },
      conflicts: conflicts.map((c) => ({
        eventId: c.eventId,
        terminalId: c.terminalId,
        from: c.fromStatus,
        to: c.requestedTo,
        basedOnVersion: c.basedOnVersion,
        currentVersion: c.currentVersion,
        reason: c.reason,
        createdAt: c.createdAt.toISOString(),
      })),
    };
  });

  app.post('/api/v1/import/:kind', async (req) => {
    requireAdmin(await ctx.principal(req));
    const { kind } = parseOr400(importKindSchema, req.params, 'import kind');
    const now = ctx.now();
    let result;
    if (kind === 'plant') {
      if (typeof req.body !== 'object' || req.body === null || Buffer.isBuffer(req.body)) {
        throw new HttpProblem(415, 'invalid-request', 'La planta se importa como un documento JSON. / The plant is imported as one JSON document.');
      }
      result = await importPlant(ctx.db, req.body);
    } else {
      const rows = await tableRows(req);
      if (kind === 'orders') result = await importOrders(ctx.db, rows, now);
      else if (kind === 'monthly-plan') result = await importMonthlyPlan(ctx.db, rows, now);
      else result = await importT2Plan(ctx.db, rows, now);
    }
    req.log.info({ kind, imported: result.imported, warnings: result.warnings.length }, 'import done');
    return result;
  });
}
