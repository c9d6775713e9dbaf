/**
 * The notices feed (ARCHITECTURE 5, procedure 4.2.4): `GET /api/v1/notices?department=&open=true`
 * lists central's notices (the `notices` stream: disruptions, plan revisions, conflicts...) for the
 * departments that act on them (production, material-control, marketing). Admin or terminal token.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Notice } from '../../shared/domain/orders';
import { listStreamRows } from '../sync/changes';
import { parseOr400 } from '../http-errors';
import type { AppContext } from '../routes/context';

const querySchema = z.object({
  department: z.string().trim().min(1).max(60).optional(),
  kind: z.string().trim().min(1).max(40).optional(),
  open: z.enum(['true', 'false']).optional(),
  lineId: z.string().trim().min(1).max(120).optional(),
});

export function registerFloorRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/notices', async (req) => {
    await ctx.principal(req);
    const q = parseOr400(querySchema, req.query, 'notices query');
    const rows = (await listStreamRows(ctx.db, 'notices', 'notice')) as (Notice & { type: 'notice' })[];
    const notices = rows
      .filter((n) => !q.department || n.departments.includes(q.department))
      .filter((n) => !q.kind || n.kind === q.kind)
      .filter((n) => !q.lineId || n.lineId === q.lineId)
      .filter((n) => q.open === undefined || (q.open === 'true' ? !n.resolvedAt : !!n.resolvedAt))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id.localeCompare(b.id)))
      .map(({ type: _type, ...n }) => n);
    return { notices };
  });
}
