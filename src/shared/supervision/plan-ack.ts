/**
 * A supervisor's acknowledgement of a day's T+2 plan for a workshop (event `plan.acknowledged`,
 * clause 4.1.2). Central records each one and sends it back down in the `plans` stream as a
 * `plan-ack` row, so every terminal shows who acknowledged which version; a newer version of the
 * plan needs a new acknowledgement.
 */
import { z } from 'zod';
import { id, isoDate, isoInstant } from '../domain/ids';

export const planAckSchema = z.object({
  /** `<planDate>|<workshopId>|v<planVersion>` */
  id,
  planDate: isoDate,
  workshopId: id,
  planVersion: z.number().int().positive(),
  operatorId: id.nullable(),
  terminalId: id,
  acknowledgedAt: isoInstant,
});
export type PlanAck = z.infer<typeof planAckSchema>;

export const planAckId = (planDate: string, workshopId: string, planVersion: number) => `${planDate}|${workshopId}|v${planVersion}`;
