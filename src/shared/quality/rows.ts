/**
 * Rows of the `quality` stream central publishes: inspections as central accepted them (with the
 * role re-check: `accepted` is false when the signer was not an inspector, so no terminal opens
 * a first-article gate on it) and nonconformance reports with their disposition and conflicts.
 */
import { z } from 'zod';
import { id, isoInstant } from '../domain/ids';
import { inspectionResultSchema } from '../sync/events';

export const inspectionKinds = ['first-article', 'patrol', 'final'] as const;
export const ncDispositions = ['rework', 'scrap', 'use-as-is', 'return'] as const;

export const inspectionRowSchema = z.object({
  type: z.literal('inspection'),
  id,
  kind: z.enum(inspectionKinds),
  workOrderId: id.optional(),
  lotId: id.optional(),
  verdict: z.enum(['pass', 'fail']),
  inspectorId: id,
  /** Central's role re-check: only an inspector's first article opens the gate. */
  accepted: z.boolean(),
  issue: z.string().optional(),
  results: z.array(inspectionResultSchema),
  terminalId: id,
  workstationId: id,
  occurredAt: isoInstant,
});
export type InspectionRow = z.infer<typeof inspectionRowSchema>;

export const ncConflictSchema = z.object({
  eventId: z.string(),
  requested: z.enum(ncDispositions),
  requestedBy: z.string().nullable(),
  basedOnVersion: z.number().int().nonnegative(),
  currentVersion: z.number().int().nonnegative(),
  at: isoInstant,
});

export const ncRowSchema = z.object({
  type: z.literal('nc'),
  id,
  workOrderId: id.optional(),
  lotId: id.optional(),
  inspectionId: id.optional(),
  qty: z.number().int().positive(),
  defectCode: z.string(),
  description: z.string(),
  quarantineLocation: z.string().optional(),
  raisedBy: z.string().nullable(),
  raisedAt: isoInstant,
  status: z.enum(['open', 'dispositioned']),
  disposition: z.enum(ncDispositions).optional(),
  decidedBy: z.string().optional(),
  concessionBy: z.string().optional(),
  decidedAt: isoInstant.optional(),
  version: z.number().int().nonnegative(),
  conflicts: z.array(ncConflictSchema).default([]),
  /** Rework disposition: the rework work order central created for the NC's quantity. */
  reworkWorkOrderId: id.optional(),
  /** Rework disposition with no work order or produced lot to take a workstation from. */
  reworkNeedsStation: z.boolean().optional(),
});
export type NcRow = z.infer<typeof ncRowSchema>;

export const holdRowSchema = z.object({
  type: z.literal('hold'),
  /** `<lot or work order id>`: one hold per held thing. */
  id,
  lotId: id.optional(),
  workOrderId: id.optional(),
  gaugeId: id.optional(),
  reason: z.string(),
  requestedBy: z.string().nullable(),
  at: isoInstant,
});
export type HoldRow = z.infer<typeof holdRowSchema>;

export const qualityRowSchema = z.discriminatedUnion('type', [inspectionRowSchema, ncRowSchema, holdRowSchema]);
