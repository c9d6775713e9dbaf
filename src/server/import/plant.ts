/**
 * Plant bundle import (one JSON document, plantBundleSchema). The master data lives in the
 * change log as the rows of the `plant`, `catalog`, `people`, `gauges` and `inventory` streams;
 * rows missing from a newer bundle are deleted (tombstoned), except material lots, which
 * production consumes rather than deletes.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { plantBundleSchema, type PlantBundle } from '../../shared/domain/plant';
import { rowKey, type StreamName, type StreamRow } from '../../shared/sync/streams';
import { changeLog } from '../db/schema';
import type { Db } from '../db/connect';
import { withWrite } from '../sync/changes';
import { RowErrors, type ImportResult } from './fields';

const replacedStreams = ['plant', 'catalog', 'people', 'gauges'] as const satisfies readonly StreamName[];

function crossCheck(b: PlantBundle, errors: RowErrors): void {
  const add = (field: string, es: string, en: string) => errors.add(1, field, es, en);
  const ids = (list: { id: string }[], field: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) add(`${field}.${i}.id`, `id repetido ${x.id}`, `duplicate id ${x.id}`);
      seen.add(x.id);
    });
    return seen;
  };
  const workshops = ids(b.workshops, 'workshops');
  const lines = ids(b.lines, 'lines');
  const stations = ids(b.workstations, 'workstations');
  const equipment = ids(b.equipment, 'equipment');
  const items = ids(b.items, 'items');
  ids(b.products, 'products');
  ids(b.operators, 'operators');
  ids(b.gauges, 'gauges');
  ids(b.lots, 'lots');
  b.lines.forEach((l, i) => {
    if (!workshops.has(l.workshopId)) add(`lines.${i}.workshopId`, `taller desconocido ${l.workshopId}`, `unknown workshop ${l.workshopId}`);
  });
  b.workstations.forEach((w, i) => {
    if (!lines.has(w.lineId)) add(`workstations.${i}.lineId`, `línea desconocida ${w.lineId}`, `unknown line ${w.lineId}`);
    w.equipmentIds.forEach((e, j) => {
      if (!equipment.has(e)) add(`workstations.${i}.equipmentIds.${j}`, `equipo desconocido ${e}`, `unknown equipment ${e}`);
    });
  });
  b.equipment.forEach((e, i) => {
    if (!lines.has(e.lineId)) add(`equipment.${i}.lineId`, `línea desconocida ${e.lineId}`, `unknown line ${e.lineId}`);
  });
  b.products.forEach((p, i) => {
    const ops = new Set<string>();
    p.routing.forEach((s, j) => {
      if (ops.has(s.operation)) add(`products.${i}.routing.${j}.operation`, `operación repetida ${s.operation}`, `duplicate operation ${s.operation}`);
      ops.add(s.operation);
      if (!lines.has(s.lineId)) add(`products.${i}.routing.${j}.lineId`, `línea desconocida ${s.lineId}`, `unknown line ${s.lineId}`);
      s.workstationIds.forEach((w, k) => {
        if (!stations.has(w)) add(`products.${i}.routing.${j}.workstationIds.${k}`, `puesto desconocido ${w}`, `unknown workstation ${w}`);
      });
    });
    p.bom.forEach((l, j) => {
      if (!items.has(l.itemId)) add(`products.${i}.bom.${j}.itemId`, `artículo desconocido ${l.itemId}`, `unknown item ${l.itemId}`);
    });
  });
  b.lots.forEach((l, i) => {
    if (!items.has(l.itemId)) add(`lots.${i}.itemId`, `artículo desconocido ${l.itemId}`, `unknown item ${l.itemId}`);
  });
  const badges = new Set<string>();
  b.operators.forEach((o, i) => {
    if (badges.has(o.badge)) add(`operators.${i}.badge`, `tarjeta repetida ${o.badge}`, `duplicate badge ${o.badge}`);
    badges.add(o.badge);
  });
}

export function parsePlantBundle(body: unknown): PlantBundle {
  const errors = new RowErrors();
  const parsed = plantBundleSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.add(1, issue.path.join('.') || 'plant', issue.message, issue.message);
    errors.throwIfAny();
  }
  const bundle = parsed.data as PlantBundle;
  crossCheck(bundle, errors);
  errors.throwIfAny();
  return bundle;
}

export async function importPlant(db: Db, body: unknown): Promise<ImportResult> {
  const b = parsePlantBundle(body);
  const warnings: string[] = [];
  await withWrite(db, async (tx, changes) => {
    const kept = new Map<StreamName, Set<string>>();
    const put = <S extends StreamName>(stream: S, row: StreamRow<S>) => {
      changes.put(stream, row);
      kept.set(stream, (kept.get(stream) ?? new Set()).add(rowKey(row)));
    };
    put('plant', { type: 'settings', ...b.plant });
    for (const w of b.workshops) put('plant', { type: 'workshop', ...w });
    for (const l of b.lines) put('plant', { type: 'line', ...l });
    for (const w of b.workstations) put('plant', { type: 'workstation', ...w });
    for (const e of b.equipment) put('plant', { type: 'equipment', ...e });
    for (const r of b.scrapReasons) put('plant', { type: 'scrap-reason', id: r.code, ...r });
    for (const r of b.downtimeReasons) put('plant', { type: 'downtime-reason', id: r.code, ...r });
    for (const r of b.defectCodes) put('plant', { type: 'defect-code', id: r.code, ...r });
    for (const i of b.items) put('catalog', { type: 'item', ...i });
    for (const p of b.products) put('catalog', { type: 'product', ...p });
    for (const o of b.operators) put('people', { type: 'operator', ...o });
    for (const g of b.gauges) put('gauges', { type: 'gauge', ...g });
    for (const l of b.lots) put('inventory', { type: 'lot', ...l });
    const live = await tx
      .select({ stream: changeLog.stream, key: changeLog.key })
      .from(changeLog)
      .where(and(inArray(changeLog.stream, [...replacedStreams]), eq(changeLog.op, 'put')));
    for (const row of live) {
      const stream = row.stream as StreamName;
      if (!kept.get(stream)?.has(row.key)) {
        changes.del(stream, row.key);
        warnings.push(`${stream} ${row.key} no está en el nuevo fichero: retirado / not in the new bundle: removed`);
      }
    }
  });
  const imported =
    1 + b.workshops.length + b.lines.length + b.workstations.length + b.equipment.length + b.items.length +
    b.products.length + b.operators.length + b.gauges.length + b.lots.length +
    b.scrapReasons.length + b.downtimeReasons.length + b.defectCodes.length;
  return { imported, warnings };
}
