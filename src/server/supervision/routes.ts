/**
 * Supervision endpoints (admin token or a terminal token; under /api/v1/reports/ so a terminal
 * reaches them through central:fetch):
 * - GET /api/v1/reports/monthly-actual?month=YYYY-MM -> {month, rows:[{date, product, good, scrap}]}
 * - GET /api/v1/reports/plan-acknowledgements?date=YYYY-MM-DD[&workshop=ID]
 *     -> {date, acknowledgements:[{planDate, workshopId, planVersion, operatorId, terminalId, workstationId, acknowledgedAt}]}
 */
import type { FastifyInstance } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { id, isoDate } from '../../shared/domain/ids';
import { HttpProblem, parseOr400 } from '../http-errors';
import { monthDates } from '../reports/period';
import type { AppContext } from '../routes/context';
import { monthlyActual } from './monthly-actual';
import { planAcknowledgements } from './schema';

const monthSchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM') });
const ackSchema = z.object({ date: isoDate, workshop: id.optional() });

export function registerSupervisionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/reports/monthly-actual', async (req) => {
    await ctx.principal(req);
    const q = parseOr400(monthSchema, req.query, 'monthly actual');
    const dates = monthDates(q.month);
    if (!dates) throw new HttpProblem(400, 'invalid-request', `«${q.month}» no es un mes / is not a month`);
    return monthlyActual(ctx.db, q.month, dates);
  });

  app.get('/api/v1/reports/plan-acknowledgements', async (req) => {
    await ctx.principal(req);
    const q = parseOr400(ackSchema, req.query, 'plan acknowledgements');
    const found = await ctx.db
      .select()
      .from(planAcknowledgements)
      .where(and(eq(planAcknowledgements.planDate, q.date), q.workshop ? eq(planAcknowledgements.workshopId, q.workshop) : undefined))
      .orderBy(asc(planAcknowledgements.acknowledgedAt), asc(planAcknowledgements.eventId));
    return {
      date: q.date,
      acknowledgements: found.map((a) => ({
        planDate: a.planDate,
        workshopId: a.workshopId,
        planVersion: a.planVersion,
        operatorId: a.operatorId,
        terminalId: a.terminalId,
        workstationId: a.workstationId,
        acknowledgedAt: a.acknowledgedAt.toISOString(),
      })),
    };
  });
}
