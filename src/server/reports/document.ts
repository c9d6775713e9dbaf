/**
 * The printable shape of every report: titled tables of typed columns (text, integer, ratio),
 * optional totals rows, summary figures and a Pareto series. The CSV, XLSX and PDF renderers
 * (./render-*.ts) only ever see this, so the three files always carry the same figures.
 * Headers are in Spanish (the plant's language) or English (`lang`).
 */
import type { DailyReport } from './daily';
import type { PeriodicReport } from './periodic';
import type { ShortfallCause, ShortfallReport } from './shortfall';

export type Lang = 'es' | 'en';
export type Cell = string | number | null;
export interface Column {
  key: string;
  header: string;
  kind: 'text' | 'int' | 'ratio';
}
export interface Table {
  /** Sheet name (XLSX) and section name (CSV, PDF). */
  name: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  totals?: Record<string, Cell>;
}
export interface ReportDocument {
  title: string;
  plantName: string;
  periodLabel: string;
  /** File name without extension. */
  fileBase: string;
  summary: { label: string; value: Cell; kind: Column['kind'] }[];
  tables: Table[];
  pareto?: { label: string; value: number }[];
}

const L = {
  es: {
    daily: 'Parte diario de producción',
    shortfallTitle: 'Análisis de producción insuficiente',
    weekly: 'Informe semanal de producción',
    monthly: 'Informe mensual de producción',
    date: 'Fecha',
    period: 'Periodo',
    workshop: 'Taller',
    line: 'Línea',
    productionOrder: 'Orden de producción',
    operation: 'Operación',
    product: 'Producto',
    planned: 'Planificado',
    good: 'Buenas',
    scrap: 'Rechazo',
    attainment: 'Cumplimiento',
    shortfall: 'Déficit',
    cause: 'Causa',
    lostQty: 'Unidades perdidas',
    events: 'Eventos',
    share: 'Porcentaje',
    total: 'Total',
    rows: 'Detalle',
    causes: 'Causas',
    days: 'Tendencia diaria',
    byWorkshop: 'Por taller',
    byProduct: 'Por producto',
    topCauses: 'Causas principales',
    scrapRate: 'Tasa de rechazo',
    firstArticle: 'Aprobación de primera pieza',
    firstArticleCount: 'Primeras piezas aprobadas / inspeccionadas',
    allWorkshops: 'todos los talleres',
    causeNames: { supply: 'Falta de material', labour: 'Falta de personal', equipment: 'Avería de equipo', quality: 'Calidad / rechazo', other: 'Otras', unexplained: 'Sin explicar' },
  },
  en: {
    daily: 'Daily production report',
    shortfallTitle: 'Under-production analysis',
    weekly: 'Weekly production report',
    monthly: 'Monthly production report',
    date: 'Date',
    period: 'Period',
    workshop: 'Workshop',
    line: 'Line',
    productionOrder: 'Production order',
    operation: 'Operation',
    product: 'Product',
    planned: 'Planned',
    good: 'Good',
    scrap: 'Scrap',
    attainment: 'Attainment',
    shortfall: 'Shortfall',
    cause: 'Cause',
    lostQty: 'Lost units',
    events: 'Events',
    share: 'Share',
    total: 'Total',
    rows: 'Detail',
    causes: 'Causes',
    days: 'Daily trend',
    byWorkshop: 'By workshop',
    byProduct: 'By product',
    topCauses: 'Top causes',
    scrapRate: 'Scrap rate',
    firstArticle: 'First-article pass rate',
    firstArticleCount: 'First articles passed / inspected',
    allWorkshops: 'all workshops',
    causeNames: { supply: 'Supply interruption', labour: 'Labour shortage', equipment: 'Equipment failure', quality: 'Quality / scrap', other: 'Other', unexplained: 'Unexplained' },
  },
} as const;

const col = (lang: Lang, key: keyof (typeof L)['es'], kind: Column['kind'], dataKey: string = key): Column => ({
  key: dataKey,
  header: L[lang][key] as string,
  kind,
});
const figures = (lang: Lang): Column[] => [
  col(lang, 'planned', 'int'),
  col(lang, 'good', 'int'),
  col(lang, 'scrap', 'int'),
  col(lang, 'attainment', 'ratio'),
  col(lang, 'shortfall', 'int'),
];
const scope = (lang: Lang, workshop: string | null | undefined) => (workshop ? `${L[lang].workshop} ${workshop}` : L[lang].allWorkshops);

export function dailyDocument(r: DailyReport, plantName: string, lang: Lang, workshop?: string): ReportDocument {
  const t = L[lang];
  return {
    title: t.daily,
    plantName,
    periodLabel: `${t.date}: ${r.date} · ${scope(lang, workshop)}`,
    fileBase: `takt-daily-${r.date}${workshop ? `-${workshop}` : ''}`,
    summary: [
      { label: t.planned, value: r.totals.planned, kind: 'int' },
      { label: t.good, value: r.totals.good, kind: 'int' },
      { label: t.attainment, value: r.totals.attainment, kind: 'ratio' },
      { label: t.shortfall, value: r.totals.shortfall, kind: 'int' },
    ],
    tables: [
      {
        name: t.rows,
        columns: [
          col(lang, 'workshop', 'text'),
          col(lang, 'line', 'text'),
          col(lang, 'productionOrder', 'text'),
          col(lang, 'operation', 'text'),
          col(lang, 'product', 'text'),
          ...figures(lang),
        ],
        rows: r.rows.map((x) => ({ ...x })),
        totals: { workshop: t.total, ...r.totals },
      },
    ],
  };
}

export function shortfallDocument(r: ShortfallReport, plantName: string, lang: Lang, workshop?: string): ReportDocument {
  const t = L[lang];
  const name = (c: ShortfallCause) => t.causeNames[c];
  const sorted = [...r.causes].sort((a, b) => b.lostQty - a.lostQty);
  return {
    title: t.shortfallTitle,
    plantName,
    periodLabel: `${t.period}: ${r.from} – ${r.to} · ${scope(lang, workshop)}`,
    fileBase: `takt-shortfall-${r.from}_${r.to}${workshop ? `-${workshop}` : ''}`,
    summary: [{ label: t.shortfall, value: r.shortfall, kind: 'int' }],
    tables: [
      {
        name: t.causes,
        columns: [col(lang, 'cause', 'text'), col(lang, 'lostQty', 'int'), col(lang, 'share', 'ratio'), col(lang, 'events', 'int')],
        rows: sorted.map((c) => ({
          cause: name(c.cause),
          lostQty: c.lostQty,
          share: r.shortfall > 0 ? Math.round((c.lostQty / r.shortfall) * 10_000) / 10_000 : null,
          events: c.events,
        })),
        totals: {
          cause: t.total,
          lostQty: r.shortfall,
          share: r.shortfall > 0 ? 1 : null,
          events: r.causes.reduce((n, c) => n + c.events, 0),
        },
      },
    ],
    pareto: sorted.filter((c) => c.lostQty > 0).map((c) => ({ label: name(c.cause), value: c.lostQty })),
  };
}

export function periodicDocument(r: PeriodicReport, plantName: string, lang: Lang): ReportDocument {
  const t = L[lang];
  const causeCols = [col(lang, 'cause', 'text'), col(lang, 'lostQty', 'int'), col(lang, 'events', 'int')];
  return {
    title: r.kind === 'weekly' ? t.weekly : t.monthly,
    plantName,
    periodLabel: `${t.period}: ${r.period} (${r.from} – ${r.to}) · ${scope(lang, r.workshop)}`,
    fileBase: `takt-${r.kind}-${r.period}${r.workshop ? `-${r.workshop}` : ''}`,
    summary: [
      { label: t.planned, value: r.totals.planned, kind: 'int' },
      { label: t.good, value: r.totals.good, kind: 'int' },
      { label: t.attainment, value: r.totals.attainment, kind: 'ratio' },
      { label: t.scrapRate, value: r.scrapRate, kind: 'ratio' },
      { label: t.firstArticle, value: r.firstArticle.passRate, kind: 'ratio' },
      { label: t.firstArticleCount, value: `${r.firstArticle.passed} / ${r.firstArticle.total}`, kind: 'text' },
    ],
    tables: [
      {
        name: t.days,
        columns: [col(lang, 'date', 'text'), ...figures(lang)],
        rows: r.days.map((d) => ({ ...d })),
        totals: { date: t.total, ...r.totals },
      },
      {
        name: t.byWorkshop,
        columns: [col(lang, 'workshop', 'text'), ...figures(lang)],
        rows: r.byWorkshop.map((d) => ({ ...d })),
        totals: { workshop: t.total, ...r.totals },
      },
      {
        name: t.byProduct,
        columns: [col(lang, 'product', 'text'), ...figures(lang)],
        rows: r.byProduct.map((d) => ({ ...d })),
        totals: { product: t.total, ...r.totals },
      },
      {
        name: t.topCauses,
        columns: causeCols,
        rows: r.topCauses.map((c) => ({ cause: t.causeNames[c.cause], lostQty: c.lostQty, events: c.events })),
      },
    ],
    pareto: r.topCauses.map((c) => ({ label: t.causeNames[c.cause], value: c.lostQty })),
  };
}
