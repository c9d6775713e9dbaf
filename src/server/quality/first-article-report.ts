/**
 * The first-article report laid out like AS9102 Form 3 (characteristic accountability,
 * verification and compatibility evaluation): one row per characteristic with its requirement,
 * the result, the gauge that measured it (with its certificate and due date at that moment) and
 * pass/fail. Built from the stored inspection and the product's plan, rendered by the report
 * renderers (JSON, PDF, XLSX, CSV).
 */
import { eq } from 'drizzle-orm';
import type { Characteristic } from '../../shared/domain/plant';
import type { EventPayload } from '../../shared/sync/events';
import type { Queryable } from '../db/connect';
import { getProduct } from '../db/master';
import { workOrders } from '../db/schema';
import type { Lang, ReportDocument } from '../reports/document';
import { qualityInspections } from './tables';

export interface Form3Row {
  charNo: number;
  characteristicId: string;
  name: string;
  requirement: string;
  result: string;
  source: 'instrument' | 'manual';
  manualReason: string | null;
  gaugeId: string | null;
  gaugeCertificate: string | null;
  gaugeCalibrationDueOn: string | null;
  raw: string | null;
  verdict: 'pass' | 'fail';
}

export interface FirstArticleReport {
  inspectionId: string;
  kind: string;
  workOrderId: string | null;
  productId: string | null;
  productName: string | null;
  inspectorId: string;
  accepted: boolean;
  workstationId: string;
  occurredAt: string;
  verdict: 'pass' | 'fail';
  rows: Form3Row[];
}

function requirement(c: Characteristic | undefined): string {
  if (!c) return '';
  if (c.kind === 'attribute') return c.defectCodes.length ? `OK / NOK (${c.defectCodes.join(', ')})` : 'OK / NOK';
  return `${c.nominal} [${c.lower} … ${c.upper}] ${c.unit}`;
}

export async function firstArticleReport(q: Queryable, inspectionId: string): Promise<FirstArticleReport | null> {
  const [row] = await q.select().from(qualityInspections).where(eq(qualityInspections.id, inspectionId));
  if (!row) return null;
  const p = row.payload as EventPayload<'inspection.recorded'>;
  const [wo] = row.workOrderId ? await q.select().from(workOrders).where(eq(workOrders.id, row.workOrderId)) : [];
  const product = wo ? await getProduct(q, wo.productId) : null;
  const plan = product?.inspectionPlans.find((pl) => pl.operation === wo?.operation);
  const byId = new Map((plan?.characteristics ?? []).map((c) => [c.id, c]));
  return {
    inspectionId: row.id,
    kind: row.kind,
    workOrderId: row.workOrderId,
    productId: wo?.productId ?? null,
    productName: product?.name ?? null,
    inspectorId: row.inspectorId,
    accepted: row.accepted,
    workstationId: row.workstationId,
    occurredAt: row.occurredAt.toISOString(),
    verdict: row.verdict,
    rows: p.results.map((r, i) => {
      const c = byId.get(r.characteristicId);
      return {
        charNo: i + 1,
        characteristicId: r.characteristicId,
        name: c?.name ?? r.characteristicId,
        requirement: requirement(c),
        result: r.value != null ? `${r.value}${r.unit ? ` ${r.unit}` : ''}` : (r.attribute?.toUpperCase() ?? ''),
        source: r.source,
        manualReason: r.manualReason ?? null,
        gaugeId: r.gaugeId ?? null,
        gaugeCertificate: r.gaugeCertificate ?? null,
        gaugeCalibrationDueOn: r.gaugeCalibrationDueOn ?? null,
        raw: r.raw ?? null,
        verdict: r.verdict,
      };
    }),
  };
}

const L = {
  es: {
    title: 'Informe de primer artículo — AS9102 Formulario 3',
    char: 'Nº car.',
    name: 'Característica',
    requirement: 'Requisito',
    result: 'Resultado',
    source: 'Origen',
    gauge: 'Equipo de medición',
    certificate: 'Certificado',
    due: 'Calibración vence',
    verdict: 'Conforme',
    instrument: 'instrumento',
    manual: 'manual',
    pass: 'SÍ',
    fail: 'NO',
    inspection: 'Inspección',
    workOrder: 'Orden de trabajo',
    part: 'Pieza',
    inspector: 'Inspector',
    station: 'Puesto',
    date: 'Fecha',
    overall: 'Resultado global',
    roleCheck: 'Firma verificada (inspector)',
    sheet: 'Formulario 3',
  },
  en: {
    title: 'First article report — AS9102 Form 3',
    char: 'Char. no.',
    name: 'Characteristic',
    requirement: 'Requirement',
    result: 'Result',
    source: 'Source',
    gauge: 'Gauge',
    certificate: 'Certificate',
    due: 'Calibration due',
    verdict: 'Conforms',
    instrument: 'instrument',
    manual: 'manual',
    pass: 'YES',
    fail: 'NO',
    inspection: 'Inspection',
    workOrder: 'Work order',
    part: 'Part',
    inspector: 'Inspector',
    station: 'Station',
    date: 'Date',
    overall: 'Overall result',
    roleCheck: 'Signature verified (inspector)',
    sheet: 'Form 3',
  },
} as const;

export function firstArticleDocument(r: FirstArticleReport, plantName: string, lang: Lang): ReportDocument {
  const l = L[lang];
  return {
    title: l.title,
    plantName,
    periodLabel: `${l.inspection} ${r.inspectionId}`,
    fileBase: `FAI-${r.inspectionId}`.replace(/[^A-Za-z0-9._-]/g, '_'),
    summary: [
      { label: l.workOrder, value: r.workOrderId, kind: 'text' },
      { label: l.part, value: r.productId ? `${r.productId} ${r.productName ?? ''}`.trim() : null, kind: 'text' },
      { label: l.inspector, value: r.inspectorId, kind: 'text' },
      { label: l.station, value: r.workstationId, kind: 'text' },
      { label: l.date, value: r.occurredAt, kind: 'text' },
      { label: l.overall, value: r.verdict === 'pass' ? l.pass : l.fail, kind: 'text' },
      { label: l.roleCheck, value: r.accepted ? l.pass : l.fail, kind: 'text' },
    ],
    tables: [
      {
        name: l.sheet,
        columns: [
          { key: 'charNo', header: l.char, kind: 'int' },
          { key: 'name', header: l.name, kind: 'text' },
          { key: 'requirement', header: l.requirement, kind: 'text' },
          { key: 'result', header: l.result, kind: 'text' },
          { key: 'source', header: l.source, kind: 'text' },
          { key: 'gauge', header: l.gauge, kind: 'text' },
          { key: 'certificate', header: l.certificate, kind: 'text' },
          { key: 'due', header: l.due, kind: 'text' },
          { key: 'verdict', header: l.verdict, kind: 'text' },
        ],
        rows: r.rows.map((x) => ({
          charNo: x.charNo,
          name: x.name,
          requirement: x.requirement,
          result: x.result,
          source: x.source === 'manual' ? `${l.manual}: ${x.manualReason ?? ''}` : l.instrument,
          gauge: x.gaugeId,
          certificate: x.gaugeCertificate,
          due: x.gaugeCalibrationDueOn,
          verdict: x.verdict === 'pass' ? l.pass : l.fail,
        })),
      },
    ],
  };
}
