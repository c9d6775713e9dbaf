/**
 * The server-owned streams a terminal pulls (ARCHITECTURE 4), and the shape of every row each
 * stream carries. Every row has a `type` discriminator; its key is `<type>:<id>`.
 */
import { z } from 'zod';
import {
  equipmentSchema,
  gaugeSchema,
  itemSchema,
  lineSchema,
  operatorSchema,
  plantSettingsSchema,
  productSchema,
  reasonSchema,
  workshopSchema,
  workstationSchema,
} from '../domain/plant';
import {
  monthlyPlanLineSchema,
  noticeSchema,
  productionOrderSchema,
  t2PlanLineSchema,
  workOrderSchema,
} from '../domain/orders';
import { qualityRowSchema } from '../quality/rows';
import { inventoryLotRowSchema } from '../trace/rows';
import { planAckSchema } from '../supervision/plan-ack';

export const streamNames = [
  'plant',
  'catalog',
  'people',
  'gauges',
  'orders',
  'plans',
  'work-orders',
  'inventory',
  'notices',
  'quality',
] as const;
export const streamNameSchema = z.enum(streamNames);
export type StreamName = z.infer<typeof streamNameSchema>;

const reasonRow = (type: 'scrap-reason' | 'downtime-reason' | 'defect-code') =>
  reasonSchema.extend({ type: z.literal(type), id: z.string() });

export const rowSchemas = {
  plant: z.discriminatedUnion('type', [
    plantSettingsSchema.extend({ type: z.literal('settings') }),
    workshopSchema.extend({ type: z.literal('workshop') }),
    lineSchema.extend({ type: z.literal('line') }),
    workstationSchema.extend({ type: z.literal('workstation') }),
    equipmentSchema.extend({
      type: z.literal('equipment'),
      /** Set by central while a downtime is open on this equipment (downtime.started .. ended). */
      openDowntime: z.object({ downtimeId: z.string(), reasonCode: z.string(), since: z.string() }).optional(),
    }),
    reasonRow('scrap-reason'),
    reasonRow('downtime-reason'),
    reasonRow('defect-code'),
  ]),
  catalog: z.discriminatedUnion('type', [
    itemSchema.extend({ type: z.literal('item') }),
    productSchema.extend({ type: z.literal('product') }),
  ]),
  people: operatorSchema.extend({ type: z.literal('operator') }),
  gauges: gaugeSchema.extend({ type: z.literal('gauge') }),
  orders: productionOrderSchema.extend({ type: z.literal('production-order') }),
  plans: z.discriminatedUnion('type', [
    t2PlanLineSchema.extend({ type: z.literal('t2-line') }),
    monthlyPlanLineSchema.extend({ type: z.literal('monthly-line') }),
    planAckSchema.extend({ type: z.literal('plan-ack') }),
  ]),
  'work-orders': workOrderSchema.extend({ type: z.literal('work-order') }),
  inventory: inventoryLotRowSchema,
  notices: noticeSchema.extend({ type: z.literal('notice') }),
  quality: qualityRowSchema,
} satisfies Record<StreamName, z.ZodType>;

export type StreamRow<S extends StreamName> = z.infer<(typeof rowSchemas)[S]>;
export type AnyStreamRow = { [S in StreamName]: StreamRow<S> }[StreamName];

export function rowKey(row: { type: string; id: string }): string {
  return `${row.type}:${row.id}`;
}
