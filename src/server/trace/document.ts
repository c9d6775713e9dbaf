/**
 * Trace and recall as a ReportDocument, so the report renderers write them as CSV or XLSX: one
 * row per tree node (depth-first, with its depth, so the tree can be rebuilt), in Spanish or English.
 */
import type { Lang, ReportDocument } from '../reports/document';
import { flattenTrace, type RecallResponse, type TraceResponse } from '../../shared/trace/types';

const L = {
  es: {
    backward: 'Trazabilidad hacia atrás',
    forward: 'Trazabilidad hacia delante',
    recall: 'Retirada (lotes y bultos afectados)',
    tree: 'Árbol',
    lots: 'Lotes',
    packages: 'Bultos',
    depth: 'Nivel',
    kind: 'Tipo',
    id: 'Identificador',
    item: 'Artículo',
    qty: 'Cantidad',
    status: 'Estado',
    location: 'Ubicación',
    workOrder: 'Orden de trabajo',
    workstation: 'Puesto',
    operators: 'Operarios',
    equipment: 'Equipos',
    gauges: 'Instrumentos',
    inspections: 'Inspecciones',
    ncs: 'No conformidades',
    contents: 'Contenido',
    nodes: 'Elementos',
    end: 'Final',
  },
  en: {
    backward: 'Backward trace',
    forward: 'Forward trace',
    recall: 'Recall (affected lots and packages)',
    tree: 'Tree',
    lots: 'Lots',
    packages: 'Packages',
    depth: 'Level',
    kind: 'Kind',
    id: 'Identifier',
    item: 'Item',
    qty: 'Quantity',
    status: 'Status',
    location: 'Location',
    workOrder: 'Work order',
    workstation: 'Workstation',
    operators: 'Operators',
    equipment: 'Equipment',
    gauges: 'Gauges',
    inspections: 'Inspections',
    ncs: 'Nonconformities',
    contents: 'Contents',
    nodes: 'Entries',
    end: 'End',
  },
} as const;

const col = (key: string, header: string, kind: 'text' | 'int' = 'text') => ({ key, header, kind });

export function traceDocument(t: TraceResponse, plantName: string, lang: Lang): ReportDocument {
  const l = L[lang];
  const rows = flattenTrace(t.root).map((n) => ({
    depth: n.depth,
    kind: n.kind,
    id: n.id,
    item: n.itemId,
    qty: n.qty,
    status: n.status,
    location: n.location,
    workOrder: n.workOrder?.id ?? null,
    workstation: n.workstationId,
    operators: n.operators.join(' '),
    equipment: n.equipment.join(' '),
    gauges: n.gauges.join(' '),
    inspections: n.inspections.map((i) => `${i.kind}:${i.verdict}`).join(' '),
    ncs: n.ncs.map((c) => `${c.ncId}:${c.defectCode}`).join(' '),
  }));
  return {
    title: `${t.direction === 'backward' ? l.backward : l.forward} ${t.query.id}`,
    plantName,
    periodLabel: `${t.query.kind} ${t.query.id}`,
    fileBase: `trace-${t.direction}-${t.query.id}`,
    summary: [{ label: l.nodes, value: t.count, kind: 'int' }],
    tables: [
      {
        name: l.tree,
        columns: [
          col('depth', l.depth, 'int'),
          col('kind', l.kind),
          col('id', l.id),
          col('item', l.item),
          col('qty', l.qty),
          col('status', l.status),
          col('location', l.location),
          col('workOrder', l.workOrder),
          col('workstation', l.workstation),
          col('operators', l.operators),
          col('equipment', l.equipment),
          col('gauges', l.gauges),
          col('inspections', l.inspections),
          col('ncs', l.ncs),
        ],
        rows,
      },
    ],
  };
}

export function recallDocument(r: RecallResponse, plantName: string, lang: Lang): ReportDocument {
  const l = L[lang];
  return {
    title: `${l.recall} ${r.lotId}`,
    plantName,
    periodLabel: r.lotId,
    fileBase: `recall-${r.lotId}`,
    summary: [
      { label: l.lots, value: r.lots.length, kind: 'int' },
      { label: l.packages, value: r.packages.length, kind: 'int' },
    ],
    tables: [
      {
        name: l.lots,
        columns: [col('depth', l.depth, 'int'), col('id', l.id), col('item', l.item), col('qty', l.qty), col('status', l.status), col('location', l.location), col('workOrder', l.workOrder), col('end', l.end)],
        rows: r.lots.map((x) => ({ depth: x.depth, id: x.lotId, item: x.itemId, qty: x.qty, status: x.status, location: x.location, workOrder: x.workOrderId, end: x.isEnd ? '✓' : '' })),
      },
      {
        name: l.packages,
        columns: [col('id', l.id), col('qty', l.qty), col('status', l.status), col('location', l.location), col('contents', l.contents)],
        rows: r.packages.map((p) => ({ id: p.packageId, qty: p.qty, status: p.status, location: p.location, contents: p.lotIds.join(' ') })),
      },
    ],
  };
}
