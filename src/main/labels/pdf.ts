/**
 * A label as a one-page PDF the size of the label: the text lines and the bar code drawn by
 * bwip-js (GS1-128 or GS1 DataMatrix) with its interpretation line. The GS1 element string is
 * also written in the PDF's Keywords, so a person or a test can read what the bar code holds.
 */
import PDFDocument from 'pdfkit';
import bwipjs from 'bwip-js/node';
import { humanReadable, labelElements, labelLines, type LabelData } from '../../shared/labels/content';
import type { LabelTemplate } from '../../shared/labels/template';

const PT_PER_MM = 72 / 25.4;

export async function renderBarcodePng(d: LabelData, tpl: LabelTemplate): Promise<Buffer> {
  const text = humanReadable(labelElements(d));
  return bwipjs.toBuffer(
    tpl.symbology === 'gs1-128'
      ? { bcid: 'gs1-128', text, scale: 3, height: tpl.barcodeHeightMm, includetext: false }
      : { bcid: 'gs1datamatrix', text, scale: 4 },
  );
}

export async function renderLabelPdf(d: LabelData, tpl: LabelTemplate, lang: 'es' | 'en' = 'es', compress = true): Promise<Buffer> {
  const png = await renderBarcodePng(d, tpl);
  const w = tpl.widthMm * PT_PER_MM;
  const h = tpl.heightMm * PT_PER_MM;
  const m = 3 * PT_PER_MM;
  const hr = humanReadable(labelElements(d));
  const pdf = new PDFDocument({ size: [w, h], margin: 0, compress, info: { Title: `${d.kind} ${d.id}`, Keywords: hr, Subject: 'Takt GS1 label' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const sizes = { title: 11, big: 9, normal: 7.5 };
  let y = m;
  const textWidth = tpl.symbology === 'gs1-datamatrix' ? w - 2 * m - 28 * PT_PER_MM : w - 2 * m;
  for (const line of labelLines(d, lang)) {
    pdf.font(line.size === 'title' ? 'Helvetica-Bold' : 'Helvetica').fontSize(sizes[line.size]).text(line.text, m, y, { width: textWidth, lineBreak: false, ellipsis: true });
    y += sizes[line.size] * 1.3;
  }
  if (tpl.symbology === 'gs1-128') {
    const bh = tpl.barcodeHeightMm * PT_PER_MM;
    pdf.image(png, m, y + 2, { fit: [w - 2 * m, bh], align: 'center' });
    pdf.font('Helvetica').fontSize(7).text(hr, m, y + 4 + bh, { width: w - 2 * m, align: 'center' });
  } else {
    const side = 25 * PT_PER_MM;
    pdf.image(png, w - m - side, m, { fit: [side, side] });
    pdf.font('Helvetica').fontSize(6.5).text(hr, m, y + 2, { width: textWidth });
  }
  pdf.end();
  return done;
}
