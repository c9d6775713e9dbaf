/** The quality events' one entry point from sync/effects.ts (one case line there). */
import type { EventPayload, EventType } from '../../shared/sync/events';
import type { Tx } from '../db/connect';
import type { ChangeSet } from '../sync/changes';
import { changeGaugeStatus, checkWarehouseReceipt, raiseNc, recordInspection, requestHold, requestNcDisposition } from './effects';
import { reviewFirstArticleFlags } from './first-article-gate';

interface Ctx {
  tx: Tx;
  changes: ChangeSet;
  now: Date;
}
interface Stored {
  id: string;
  terminalId: string;
  type: string;
  workstationId: string;
  occurredAtCorrected: Date;
  payload: Record<string, unknown>;
}

export async function applyQualityEffects(ctx: Ctx, e: Stored): Promise<string | null> {
  const type = e.type as EventType;
  switch (type) {
    case 'inspection.recorded':
      return recordInspection(ctx, e, e.payload as EventPayload<'inspection.recorded'>);
    case 'nc.raised':
      return raiseNc(ctx, e, e.payload as EventPayload<'nc.raised'>);
    case 'nc.disposition.requested':
      return requestNcDisposition(ctx, e, e.payload as EventPayload<'nc.disposition.requested'>);
    case 'gauge.status.changed':
      return changeGaugeStatus(ctx, e, e.payload as EventPayload<'gauge.status.changed'>);
    case 'lot.hold.requested':
      return requestHold(ctx, e, e.payload as EventPayload<'lot.hold.requested'>);
    case 'warehouse.received':
      return checkWarehouseReceipt(ctx, e.payload as EventPayload<'warehouse.received'>);
    case 'first-article.flags.reviewed':
      return reviewFirstArticleFlags(ctx, e, e.payload as EventPayload<'first-article.flags.reviewed'>);
    default:
      return null;
  }
}
