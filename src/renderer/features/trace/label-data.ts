/**
 * The content of a lot or package label from what this terminal knows (so labels print offline):
 * the lot's own lot.created event (or the lot row central sent), its product (name, GTIN, unit),
 * its production day; a package's package.recorded event and its lots' product.
 */
import type { LabelData } from '../../../shared/labels/content';
import { productionDay } from '../../../shared/production-day';
import type { EventPayload } from '../../../shared/sync/events';
import type { TaktDb } from '../../data/db';

async function dayOf(db: TaktDb, instant: string): Promise<string> {
  const settings = await db.settings.toCollection().first();
  return productionDay(instant, settings?.timezone ?? 'Europe/Madrid', settings?.dayStartsAt ?? '06:00');
}

async function lotFacts(db: TaktDb, lotId: string) {
  const created = (await db.events.where('type').equals('lot.created').toArray()).find((e) => (e.payload as { lotId?: string }).lotId === lotId);
  if (created) {
    const p = created.payload as EventPayload<'lot.created'>;
    return { itemId: p.itemId, workOrderId: p.workOrderId, qty: p.qty, at: created.occurredAt };
  }
  const row = await db.lots.get(`lot:${lotId}`);
  if (!row) return null;
  return { itemId: row.itemId, workOrderId: row.workOrderId, qty: row.qty, at: row.producedAt ?? (row.receivedOn ? `${row.receivedOn}T12:00:00.000Z` : undefined) };
}

export async function lotLabelData(db: TaktDb, lotId: string, serial?: string): Promise<LabelData | null> {
  const lot = await lotFacts(db, lotId);
  if (!lot) return null;
  const product = await db.products.get(`product:${lot.itemId}`);
  const item = product ? null : await db.items.get(`item:${lot.itemId}`);
  return {
    kind: 'lot',
    id: lotId,
    productId: lot.itemId,
    productName: product?.name ?? item?.name,
    gtin: product?.gtin,
    productionDate: lot.at ? await dayOf(db, lot.at) : undefined,
    workOrderId: lot.workOrderId,
    serial,
    qty: lot.qty,
    unit: product?.unit ?? item?.unit,
  };
}

export async function packageLabelData(db: TaktDb, packageId: string): Promise<LabelData | null> {
  const recorded = (await db.events.where('type').equals('package.recorded').toArray()).find((e) => (e.payload as { packageId?: string }).packageId === packageId);
  if (!recorded) return null;
  const p = recorded.payload as EventPayload<'package.recorded'>;
  const items = new Set<string>();
  for (const lotId of p.lotIds) {
    const f = await lotFacts(db, lotId);
    items.add(f?.itemId ?? `?${lotId}`);
  }
  const [only] = items.size === 1 ? [...items] : [];
  const product = only ? await db.products.get(`product:${only}`) : undefined;
  return {
    kind: 'package',
    id: packageId,
    productId: product?.id,
    productName: product?.name,
    gtin: product?.gtin,
    productionDate: await dayOf(db, recorded.occurredAt),
    qty: p.qty,
    unit: product?.unit,
    lotIds: p.lotIds,
  };
}

/** True when a label for this lot or package was printed here before (the next one is a reprint). */
export async function wasPrinted(db: TaktDb, kind: 'lot' | 'package', id: string): Promise<boolean> {
  const printed = await db.events.where('type').equals('label.printed').toArray();
  return printed.some((e) => (e.payload as { lotId?: string; packageId?: string })[kind === 'lot' ? 'lotId' : 'packageId'] === id);
}
