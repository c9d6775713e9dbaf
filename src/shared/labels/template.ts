/**
 * Label templates (resources/labels/*.json): size, resolution and symbology of a lot or package
 * label. The same template drives the ZPL (./zpl.ts) and the PDF (src/main/labels/pdf.ts).
 */
import { z } from 'zod';

export const labelTemplateSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['lot', 'package']),
  widthMm: z.number().min(20).max(200),
  heightMm: z.number().min(15).max(300),
  /** Printer resolution in dots per inch (ZPL); 203 and 300 are the usual ones. */
  dpi: z.number().int().min(150).max(600).default(203),
  symbology: z.enum(['gs1-128', 'gs1-datamatrix']),
  /** Narrow bar / module width in dots. */
  moduleDots: z.number().int().min(1).max(10).default(2),
  barcodeHeightMm: z.number().min(5).max(100).default(15),
});
export type LabelTemplate = z.infer<typeof labelTemplateSchema>;

export const defaultTemplates: Record<'lot' | 'package', LabelTemplate> = {
  lot: { id: 'lot-100x50', kind: 'lot', widthMm: 100, heightMm: 50, dpi: 203, symbology: 'gs1-128', moduleDots: 2, barcodeHeightMm: 13 },
  package: { id: 'package-100x70', kind: 'package', widthMm: 100, heightMm: 70, dpi: 203, symbology: 'gs1-128', moduleDots: 2, barcodeHeightMm: 18 },
};
