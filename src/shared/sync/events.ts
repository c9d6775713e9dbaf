/**
 * Event catalogue v1 (ARCHITECTURE 4): the facts a terminal records and central stores once.
 * Payload schemas are the contract; a payload change bumps `v` and central keeps an upgrader.
 * Never rename a type.
 */
import { z } from 'zod';
import { decimalString, id, isoDate } from '../domain/ids';

const empty = z.object({}).strict();
const check = z.enum(['ok', 'failed', 'overridden']);

export const inspectionResultSchema = z.object({
  characteristicId: id,
  value: decimalString.optional(),
  attribute: z.enum(['pass', 'fail']).optional(),
  unit: z.string().optional(),
  gaugeId: id.optional(),
  source: z.enum(['instrument', 'manual']),
  raw: z.string().optional(),
  verdict: z.enum(['pass', 'fail']),
  manualReason: z.string().optional(),
  gaugeCalibrationDueOn: isoDate.optional(),
  gaugeCertificate: z.string().optional(),
});

export const eventPayloadSchemas = {
  'shift.login': empty,
  'shift.logout': empty,
  'plan.acknowledged': z.object({ planDate: isoDate, workshopId: id, planVersion: z.number().int().positive() }),
  'wo.transition.requested': z.object({
    workOrderId: id,
    to: z.enum(['started', 'paused', 'blocked', 'completed']),
    reason: z.string().optional(),
    basedOnVersion: z.number().int().nonnegative(),
  }),
  'readiness.checked': z.object({
    workOrderId: id,
    checks: z.object({ materials: check, equipment: check, operator: check, gauges: check }),
    notes: z.string().optional(),
    overriddenBy: id.optional(),
  }),
  'material.consumed': z.object({ workOrderId: id, lotId: id, itemId: id, qty: z.number().positive() }),
  'output.recorded': z
    .object({
      workOrderId: id,
      goodQty: z.number().int().nonnegative(),
      scrapQty: z.number().int().nonnegative(),
      scrapReason: z.string().optional(),
      lotId: id.optional(),
      serials: z.array(z.string()).optional(),
    })
    .refine((p) => p.goodQty + p.scrapQty > 0, { message: 'output must count at least one piece' })
    .refine((p) => p.scrapQty === 0 || !!p.scrapReason, { message: 'scrap needs a reason', path: ['scrapReason'] }),
  'output.reversed': z.object({ reversesEventId: z.string().uuid(), reason: z.string().min(1) }),
  'inspection.recorded': z.object({
    inspectionId: id,
    kind: z.enum(['first-article', 'patrol', 'final']),
    workOrderId: id.optional(),
    lotId: id.optional(),
    results: z.array(inspectionResultSchema).min(1),
    verdict: z.enum(['pass', 'fail']),
    inspectorId: id,
  }),
  'nc.raised': z.object({
    ncId: id,
    workOrderId: id.optional(),
    lotId: id.optional(),
    qty: z.number().int().positive(),
    defectCode: z.string().min(1),
    description: z.string(),
    quarantineLocation: z.string().optional(),
    /** The failed inspection it was raised from (quality). */
    inspectionId: id.optional(),
  }),
  'nc.disposition.requested': z.object({
    ncId: id,
    disposition: z.enum(['rework', 'scrap', 'use-as-is', 'return']),
    basedOnVersion: z.number().int().nonnegative(),
    /** Use as is is a concession: a second person (inspector or supervisor) signs it (quality). */
    concessionBy: id.optional(),
    note: z.string().optional(),
  }),
  'disruption.reported': z.object({
    disruptionId: id,
    cause: z.enum(['supply', 'labor', 'equipment', 'quality', 'other']),
    lineId: id,
    workOrderId: id.optional(),
    description: z.string(),
    stockCheck: z.array(z.object({ itemId: id, availableQty: z.number(), lots: z.number().int() })).optional(),
    estimatedLossQty: z.number().int().nonnegative().optional(),
    estimatedMinutes: z.number().int().nonnegative().optional(),
  }),
  'disruption.resolved': z.object({ disruptionId: id, note: z.string().optional() }),
  'downtime.started': z.object({ downtimeId: id, equipmentId: id, reasonCode: z.string().min(1) }),
  'downtime.ended': z.object({ downtimeId: id, equipmentId: id, reasonCode: z.string().min(1) }),
  'lot.created': z.object({
    lotId: id,
    itemId: id,
    workOrderId: id,
    qty: z.number().positive(),
    parentLotIds: z.array(id),
    /** trace: serial numbers of the lot's pieces, for serialized products (AI 21). */
    serials: z.array(id).optional(),
  }),
  'package.recorded': z.object({ packageId: id, lotIds: z.array(id).min(1), qty: z.number().positive() }),
  'label.printed': z.object({
    labelId: id,
    lotId: id.optional(),
    packageId: id.optional(),
    printer: z.string(),
    /** trace: a reprint of a label printed before (clause 4.8: reprints are recorded as such). */
    reprint: z.boolean().optional(),
    serial: id.optional(),
  }),
  'warehouse.received': z.object({ lotId: id, location: z.string().min(1), qty: z.number().positive() }),
  // quality (issue 6): a setup or tooling change asks for a new first article; gauge status and holds (ISO 9001 7.1.5.2).
  'setup.changed': z.object({ workOrderId: id, change: z.enum(['setup', 'tooling']), note: z.string().optional() }),
  'gauge.status.changed': z.object({ gaugeId: id, status: z.enum(['active', 'blocked', 'out-of-tolerance']), reason: z.string().min(1) }),
  'lot.hold.requested': z
    .object({ lotId: id.optional(), workOrderId: id.optional(), gaugeId: id.optional(), reason: z.string().min(1) })
    .refine((p) => !!p.lotId || !!p.workOrderId, { message: 'a hold names a lot or a work order' }),
  /**
   * quality (4.3): an inspector reviewed the output central flagged as recorded before the work
   * order's first article passed, every flag up to `reviewedThrough` (the notice's `gateFlags.lastFlagAt`):
   * the pieces were checked and accepted, or NC `ncId` was raised for them.
   */
  'first-article.flags.reviewed': z
    .object({
      workOrderId: id,
      reviewedThrough: z.string().datetime({ offset: true }),
      decision: z.enum(['accepted', 'nc']),
      ncId: id.optional(),
      note: z.string().optional(),
    })
    .refine((p) => p.decision !== 'nc' || !!p.ncId, { message: 'an NC decision names the NC' }),
} as const;

export type EventType = keyof typeof eventPayloadSchemas;
export const eventTypes = Object.keys(eventPayloadSchemas) as EventType[];
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

/** Current payload version per type. */
export const eventVersions: Record<EventType, number> = Object.fromEntries(
  eventTypes.map((t) => [t, 1]),
) as Record<EventType, number>;

export const eventEnvelopeSchema = z.object({
  id: z.string().uuid(),
  terminalId: id,
  epoch: id,
  seq: z.number().int().positive(),
  type: z.string().min(1),
  v: z.number().int().positive(),
  occurredAt: z.string().datetime({ offset: true }),
  clockOffsetMs: z.number().int(),
  operatorId: id.nullable(),
  workstationId: id,
  payload: z.record(z.string(), z.unknown()),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

export type TypedEvent<T extends EventType> = Omit<EventEnvelope, 'type' | 'payload'> & {
  type: T;
  payload: EventPayload<T>;
};

/**
 * Validates an envelope's payload against the catalogue. Returns a reason string when the event
 * cannot be accepted (unknown type, unknown version, invalid payload), or null.
 */
export function validateEventPayload(e: Pick<EventEnvelope, 'type' | 'v' | 'payload'>): string | null {
  if (!(e.type in eventPayloadSchemas)) return `unknown event type ${e.type}`;
  const type = e.type as EventType;
  if (e.v > eventVersions[type]) return `unsupported version ${e.v} of ${type}`;
  const parsed = eventPayloadSchemas[type].safeParse(e.payload);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
  }
  return null;
}
