/**
 * Production-order import. Persists `production_orders` and, for approved orders, one row in
 * `work_orders` per routing step (`<production_order>/<operation>`); both are mirrored to the
 * `orders` and `work-orders` streams. Re-importing the same file changes nothing.
 */
import { inArray } from 'drizzle-orm';
import type { ProductionOrder } from '../../shared/domain/orders';
import { productionOrders, workOrders } from '../db/schema';
import type { Db } from '../db/connect';
import { listStreamRows, withWrite } from '../sync/changes';
import { workOrderRow, type ProductRow } from '../db/master';
import { date, int, RowErrors, text, uniqueKey, type ImportResult } from './fields';
import type { RawRow } from './parse';

const reviewAliases: Record<string, ProductionOrder['reviewStatus']> = {
  approved: 'approved',
  aprobado: 'approved',
  aprobada: 'approved',
  pending: 'pending',
  pendiente: 'pending',
  rejected: 'rejected',
  rechazado: 'rejected',
  rechazada: 'rejected',
};

export async function importOrders(db: Db, rows: RawRow[], now: Date): Promise<ImportResult> {
  const errors = new RowErrors();
  const products = new Map((await listStreamRows(db, 'catalog', 'product')).map((p) => [p.id, p as ProductRow]));
  const seen = new Map<string, number>();
  const orders: ProductionOrder[] = [];
  const warnings: string[] = [];
  for (const r of rows) {
    const id = text(r, 'production_order', errors);
    const customerOrder = text(r, 'customer_order', errors, false);
    const productId = text(r, 'product', errors);
    const qty = int(r, 'qty', errors, 1);
    const dueDate = date(r, 'due_date', errors);
    const reviewRaw = text(r, 'review_status', errors);
    const reviewedBy = text(r, 'reviewed_by', errors, false) ?? '';
    const reviewStatus = reviewRaw === undefined ? undefined : reviewAliases[reviewRaw.toLowerCase()];
    if (reviewRaw !== undefined && !reviewStatus) {
      errors.add(r.row, 'review_status', `«${reviewRaw}» no es approved, pending ni rejected`, `"${reviewRaw}" is not approved, pending or rejected`);
    }
    if (productId !== undefined && !products.has(productId)) {
      errors.add(r.row, 'product', `el producto ${productId} no está en el catálogo`, `product ${productId} is not in the catalog`);
    }
    if (id !== undefined) uniqueKey(seen, id, r, 'production_order', errors);
    if (id && productId && qty !== undefined && dueDate && reviewStatus) {
      if (reviewStatus === 'approved' && !reviewedBy) {
        warnings.push(`row ${r.row}: order ${id} approved without reviewed_by / aprobada sin revisado_por`);
      }
      orders.push({ id, customerOrder: customerOrder ?? '', productId, qty, dueDate, reviewStatus, reviewedBy });
    }
  }
  errors.throwIfAny();

  await withWrite(db, async (tx, changes) => {
    const ids = orders.map((o) => o.id);
    const existingWos = ids.length
      ? await tx.select().from(workOrders).where(inArray(workOrders.productionOrderId, ids))
      : [];
    const wosByOrder = new Map<string, typeof existingWos>();
    for (const w of existingWos) wosByOrder.set(w.productionOrderId, [...(wosByOrder.get(w.productionOrderId) ?? []), w]);
    for (const o of orders) {
      const values = { customerOrder: o.customerOrder, productId: o.productId, qty: o.qty, dueDate: o.dueDate, reviewStatus: o.reviewStatus, reviewedBy: o.reviewedBy };
      await tx
        .insert(productionOrders)
        .values({ id: o.id, ...values, updatedAt: now })
        .onConflictDoUpdate({ target: productionOrders.id, set: { ...values, updatedAt: now } });
      changes.put('orders', { type: 'production-order', ...o });
      const existing = wosByOrder.get(o.id) ?? [];
      if (o.reviewStatus !== 'approved') {
        if (existing.length > 0) warnings.push(`order ${o.id} is now ${o.reviewStatus}; its ${existing.length} work order(s) stay as they are / sus órdenes de trabajo no cambian`);
        continue;
      }
      const product = products.get(o.productId);
      for (const step of product?.routing ?? []) {
        const id = `${o.id}/${step.operation}`;
        const old = existing.find((w) => w.id === id);
        if (old && old.qty === o.qty && old.lineId === step.lineId && old.productId === o.productId && sameList(old.workstationIds, step.workstationIds)) {
          continue;
        }
        const [saved] = await tx
          .insert(workOrders)
          .values({
            id,
            productionOrderId: o.id,
            operation: step.operation,
            productId: o.productId,
            lineId: step.lineId,
            workstationIds: step.workstationIds,
            qty: o.qty,
            status: 'released',
            version: 0,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: workOrders.id,
            set: { qty: o.qty, lineId: step.lineId, productId: o.productId, workstationIds: step.workstationIds, updatedAt: now },
          })
          .returning();
        if (saved) changes.put('work-orders', workOrderRow(saved));
      }
    }
  });
  return { imported: orders.length, warnings };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Approved orders by id (for plan validation). */
export async function loadOrders(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, typeof productionOrders.$inferSelect>();
  const found = await db.select().from(productionOrders).where(inArray(productionOrders.id, [...new Set(ids)]));
  return new Map(found.map((o) => [o.id, o]));
}

