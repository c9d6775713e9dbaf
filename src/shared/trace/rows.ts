/**
 * The `inventory` stream's rows: material lots and, from trace, produced lots, both as `lot` rows
 * (so a later work order can consume a produced lot and the readiness scan knows it), produced
 * ones carrying the work order that made them. Packages are not streamed (the floor helper's
 * effects read every inventory row as a lot); `packageRowSchema` is the shape central's trace and
 * the packaging screen use for them.
 */
import { z } from 'zod';
import { id, isoInstant } from '../domain/ids';
import { materialLotSchema } from '../domain/plant';

export const inventoryLotRowSchema = materialLotSchema.extend({
  type: z.literal('lot'),
  /** Produced lots only: the work order that made it and when. */
  workOrderId: id.optional(),
  producedAt: isoInstant.optional(),
});

export const packageRowSchema = z.object({
  type: z.literal('package'),
  /** The SSCC (18 digits). */
  id,
  lotIds: z.array(id).min(1),
  qty: z.number().nonnegative(),
  /** packed | received | shipped */
  status: z.string().min(1),
  location: z.string().min(1),
  createdAt: isoInstant,
});
export type PackageRow = z.infer<typeof packageRowSchema>;
