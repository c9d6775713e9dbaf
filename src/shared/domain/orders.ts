/**
 * Orders, plans and work orders: owned by central, read-only on terminals (streams `orders`,
 * `plans`, `work-orders`, `notices`). File formats for importing them: ARCHITECTURE section 6.
 */
import { z } from 'zod';
import { id, isoDate, isoInstant, qty } from './ids';
import { planRevisionSchema } from '../supervision/plan-revision';

export const reviewStatus = z.enum(['approved', 'pending', 'rejected']);
export const productionOrderSchema = z.object({
  id,
  customerOrder: z.string().default(''),
  productId: id,
  qty: qty,
  dueDate: isoDate,
  reviewStatus,
  reviewedBy: z.string().default(''),
});
export type ProductionOrder = z.infer<typeof productionOrderSchema>;

export const workOrderStatus = z.enum(['released', 'started', 'paused', 'blocked', 'completed']);
export type WorkOrderStatus = z.infer<typeof workOrderStatus>;

/** A work order is one operation of one production order: id `<production_order>/<operation>`. */
export const workOrderSchema = z.object({
  id,
  productionOrderId: id,
  operation: z.string(),
  productId: id,
  lineId: id,
  workstationIds: z.array(id),
  qty: qty,
  status: workOrderStatus,
  /** Incremented by central on every accepted transition; transitions are requested against it. */
  version: z.number().int().nonnegative(),
  goodQty: z.number().int(),
  scrapQty: z.number().int(),
  /**
   * Output of one production day (shared/supervision/day-output.ts): the latest day the work
   * order had output, and its good/scrap that day. Absent until central has recorded output for
   * it since it kept day figures (and on rows cached before that): read as 0 for any day.
   */
  dayDate: isoDate.optional(),
  dayGoodQty: z.number().int().optional(),
  dayScrapQty: z.number().int().optional(),
  /** Highest central change-log position folded into the totals above. */
  updatedAt: isoInstant,
  /** Rework work order (4.4): the NC whose accepted rework disposition created it. */
  reworkNcId: id.optional(),
  /** Rework work order: the work order whose nonconforming pieces it reworks. */
  reworkOf: id.optional(),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;

export const t2PlanLineSchema = z.object({
  /** `<date>|<line>|<shift>|<workOrderId>` */
  id,
  date: isoDate,
  workshopId: id,
  lineId: id,
  shift: z.string(),
  productionOrderId: id,
  operation: z.string(),
  workOrderId: id,
  plannedQty: qty,
  /** Plan version for this date; the latest wins, earlier ones are kept at central. */
  version: z.number().int().positive(),
});
export type T2PlanLine = z.infer<typeof t2PlanLineSchema>;

export const monthlyPlanLineSchema = z.object({
  /** `<date>|<workshop>|<productionOrder>` */
  id,
  date: isoDate,
  workshopId: id,
  productId: id,
  productionOrderId: id,
  plannedQty: qty,
  version: z.number().int().positive(),
});
export type MonthlyPlanLine = z.infer<typeof monthlyPlanLineSchema>;

export const noticeSchema = z.object({
  id,
  kind: z.enum(['plan-revised', 'disruption', 'disruption-resolved', 'gauge-hold', 'conflict', 'info']),
  /** Departments the notice is addressed to, e.g. production, material-control, marketing. */
  departments: z.array(z.string()).default([]),
  workshopId: id.optional(),
  lineId: id.optional(),
  title: z.string(),
  body: z.string().default(''),
  refId: z.string().optional(),
  createdAt: isoInstant,
  resolvedAt: isoInstant.optional(),
  /** kind plan-revised: what the new T+2 version changed on this line (shared/supervision). */
  revision: planRevisionSchema.optional(),
  /** kind disruption: the report as data, so every terminal shows it in its own language. */
  disruption: z
    .object({
      cause: z.enum(['supply', 'labor', 'equipment', 'quality', 'other']),
      description: z.string(),
      workOrderId: id.optional(),
      stockCheck: z.array(z.object({ itemId: id, availableQty: z.number(), lots: z.number().int() })).optional(),
      estimatedLossQty: z.number().int().nonnegative().optional(),
      estimatedMinutes: z.number().int().nonnegative().optional(),
      resolutionNote: z.string().optional(),
    })
    .optional(),
  /**
   * A work order's first-article gate notice (quality 4.3): the output central received before the
   * first article passed that no inspector has reviewed yet, and when the latest of it was flagged.
   */
  gateFlags: z
    .object({
      count: z.number().int().nonnegative(),
      goodQty: z.number().int().nonnegative(),
      scrapQty: z.number().int().nonnegative(),
      lastFlagAt: isoInstant,
    })
    .optional(),
});
export type Notice = z.infer<typeof noticeSchema>;
