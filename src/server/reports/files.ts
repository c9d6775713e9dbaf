/**
 * Turns a ReportDocument into a downloadable file (CSV, XLSX or PDF) with its content type and a
 * file name safe for Content-Disposition.
 */
import type { Lang, ReportDocument } from './document';
import { renderCsv } from './render-csv';
import { renderPdf } from './render-pdf';
import { renderXlsx } from './render-xlsx';

export const fileFormats = ['csv', 'xlsx', 'pdf'] as const;
export type FileFormat = (typeof fileFormats)[number];
export const contentTypes = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export interface ReportFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

export interface RenderOptions {
  lang: Lang;
  generatedAt: Date;
  /** PDF only: false leaves content streams uncompressed. */
  compress?: boolean;
}

export async function renderFile(doc: ReportDocument, format: FileFormat, opts: RenderOptions): Promise<ReportFile> {
  const filename = `${doc.fileBase}.${format}`;
  switch (format) {
    case 'csv':
      return { bytes: renderCsv(doc), contentType: contentTypes.csv, filename };
    case 'xlsx':
      return { bytes: await renderXlsx(doc, { summary: opts.lang === 'es' ? 'Resumen' : 'Summary' }), contentType: contentTypes.xlsx, filename };
    case 'pdf':
      return {
        bytes: await renderPdf(doc, { lang: opts.lang, generatedAt: opts.generatedAt, ...(opts.compress === undefined ? {} : { compress: opts.compress }) }),
        contentType: contentTypes.pdf,
        filename,
      };
  }
}

/** `attachment; filename="..."; filename*=UTF-8''...` with an ASCII fallback. */
export function contentDisposition(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
