/**
 * PDF rendering of a ReportDocument with pdfkit: A4 portrait, the built-in Helvetica (its WinAnsi
 * encoding covers Spanish: á é í ó ú ü ñ ¿ ¡), a header (title, plant, period, generation time),
 * the summary figures, each table with its header repeated on every page, and, where the document
 * has one, a Pareto chart (bars by decreasing loss plus the cumulative percentage line) drawn with
 * pdfkit's vector primitives.
 */
import PDFDocument from 'pdfkit';
import type { Cell, Column, Lang, ReportDocument, Table } from './document';

const MARGIN = 40;
const ROW_H = 15;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

export interface PdfOptions {
  lang: Lang;
  generatedAt: Date;
  /** false writes uncompressed content streams (tests read the text back). */
  compress?: boolean;
}

function formatter(lang: Lang) {
  const locale = lang === 'es' ? 'es-ES' : 'en-GB';
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (value: Cell, kind: Column['kind']): string => {
    if (value === null || value === undefined) return '–';
    if (typeof value === 'string') return value;
    return kind === 'ratio' ? pct.format(value) : kind === 'int' ? int.format(value) : String(value);
  };
}

export function renderPdf(doc: ReportDocument, opts: PdfOptions): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: opts.compress ?? true,
    info: { Title: doc.title, Author: doc.plantName, Creator: 'Takt' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const fmt = formatter(opts.lang);
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = () => pdf.page.height - MARGIN;

  pdf.font(BOLD).fontSize(16).fillColor('#000').text(doc.title, MARGIN, MARGIN, { width });
  pdf.font(FONT).fontSize(11).text(doc.plantName, { width });
  pdf.fontSize(10).text(doc.periodLabel, { width });
  pdf.fontSize(8).fillColor('#555').text(opts.generatedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC', { width });
  pdf.fillColor('#000').moveDown(0.8);

  for (const s of doc.summary) {
    const y = pdf.y;
    pdf.font(FONT).fontSize(10).text(s.label, MARGIN, y, { width: width * 0.6 });
    pdf.font(BOLD).text(fmt(s.value, s.kind), MARGIN + width * 0.6, y, { width: width * 0.4, align: 'right' });
    pdf.y = Math.max(pdf.y, y + 14);
  }
  pdf.moveDown(0.8);

  if (doc.pareto && doc.pareto.length > 0) drawPareto(pdf, doc.pareto, width, fmt, bottom);
  for (const t of doc.tables) drawTable(pdf, t, width, fmt, bottom);
  pdf.end();
  return done;
}

type Fmt = ReturnType<typeof formatter>;

function ensureSpace(pdf: PDFKit.PDFDocument, needed: number, bottom: () => number): boolean {
  if (pdf.y + needed <= bottom()) return false;
  pdf.addPage();
  pdf.y = MARGIN;
  return true;
}

function drawTable(pdf: PDFKit.PDFDocument, t: Table, width: number, fmt: Fmt, bottom: () => number): void {
  const weights = t.columns.map((c) => (c.kind === 'text' ? 1.6 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cell = (text: string, i: number, y: number, c: Column) =>
    pdf.text(text, (xs[i] ?? MARGIN) + 2, y + 4, { width: (widths[i] ?? 40) - 4, align: c.kind === 'text' ? 'left' : 'right', lineBreak: false, ellipsis: true });
  const header = () => {
    const y = pdf.y;
    pdf.rect(MARGIN, y, width, ROW_H).fill('#DCE6F1');
    pdf.fillColor('#000').font(BOLD).fontSize(8);
    t.columns.forEach((c, i) => cell(c.header, i, y, c));
    pdf.y = y + ROW_H;
  };
  const row = (r: Record<string, Cell>, bold: boolean) => {
    if (ensureSpace(pdf, ROW_H, bottom)) header();
    const y = pdf.y;
    pdf.font(bold ? BOLD : FONT).fontSize(8).fillColor('#000');
    t.columns.forEach((c, i) => cell(fmt(r[c.key] ?? null, c.kind), i, y, c));
    pdf.moveTo(MARGIN, y + ROW_H).lineTo(MARGIN + width, y + ROW_H).lineWidth(0.3).strokeColor('#BBBBBB').stroke();
    pdf.y = y + ROW_H;
  };

  ensureSpace(pdf, 3 * ROW_H + 16, bottom);
  pdf.font(BOLD).fontSize(11).fillColor('#000').text(t.name, MARGIN, pdf.y, { width });
  pdf.y += 4;
  header();
  for (const r of t.rows) row(r, false);
  if (t.totals) row(t.totals, true);
  pdf.y += 12;
}

function drawPareto(pdf: PDFKit.PDFDocument, data: { label: string; value: number }[], width: number, fmt: Fmt, bottom: () => number): void {
  const chartH = 170;
  ensureSpace(pdf, chartH + 60, bottom);
  const sum = data.reduce((a, d) => a + d.value, 0);
  const max = Math.max(...data.map((d) => d.value), 1);
  const top = pdf.y + 10;
  const left = MARGIN + 30;
  const plotW = width - 60;
  const base = top + chartH;
  // Axes: units on the left, cumulative percentage on the right.
  pdf.lineWidth(0.8).strokeColor('#000').moveTo(left, top).lineTo(left, base).lineTo(left + plotW, base).lineTo(left + plotW, top).stroke();
  pdf.font(FONT).fontSize(7).fillColor('#000');
  for (const f of [0, 0.5, 1]) {
    const y = base - f * chartH;
    pdf.text(fmt(Math.round(max * f), 'int'), MARGIN - 4, y - 3, { width: 32, align: 'right', lineBreak: false });
    pdf.text(fmt(f, 'ratio'), left + plotW + 3, y - 3, { width: 30, lineBreak: false });
  }
  const slot = plotW / data.length;
  const barW = Math.min(60, slot * 0.6);
  let cumulative = 0;
  const points: [number, number][] = [];
  data.forEach((d, i) => {
    const h = (d.value / max) * chartH;
    const x = left + i * slot + (slot - barW) / 2;
    pdf.rect(x, base - h, barW, h).fill('#4A7EBB');
    pdf.fillColor('#000').fontSize(7).text(fmt(d.value, 'int'), x - 10, base - h - 9, { width: barW + 20, align: 'center', lineBreak: false });
    pdf.text(d.label, left + i * slot, base + 4, { width: slot, align: 'center' });
    cumulative += d.value;
    points.push([left + i * slot + slot / 2, base - (sum > 0 ? cumulative / sum : 0) * chartH]);
  });
  const [first, ...rest] = points;
  if (first) {
    pdf.moveTo(first[0], first[1]);
    for (const [x, y] of rest) pdf.lineTo(x, y);
    pdf.lineWidth(1.2).strokeColor('#C0504D').stroke();
    for (const [x, y] of points) pdf.circle(x, y, 2.2).fill('#C0504D');
  }
  pdf.fillColor('#000');
  pdf.y = base + 34;
}
