/**
 * The `labels:print` request (TerminalApi): which lot or package, where to print it, and the
 * label's content as the terminal knows it (product, GTIN, day, work order come from its local
 * data, so labels print offline). Main renders and sends it; the renderer records label.printed.
 */
import { z } from 'zod';
import { isValidGtin } from '../gs1';
import { isPrintableIdentifier } from '../trace/numbering';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const labelDataSchema = z
  .object({
    kind: z.enum(['lot', 'package']),
    id: z.string().min(1).max(20),
    productId: z.string().max(120).optional(),
    productName: z.string().max(200).optional(),
    gtin: z.string().refine(isValidGtin, 'not a valid GTIN').optional(),
    productionDate: isoDay.optional(),
    workOrderId: z.string().max(90).optional(),
    serial: z.string().refine(isPrintableIdentifier, 'a serial has at most 20 printable GS1 characters').optional(),
    qty: z.number().nonnegative(),
    unit: z.string().max(20).optional(),
    lotIds: z.array(z.string().max(120)).max(500).optional(),
  })
  .refine((d) => (d.kind === 'package' ? /^\d{18}$/.test(d.id) : isPrintableIdentifier(d.id)), {
    message: 'a lot id has at most 20 printable GS1 characters; a package id is an 18-digit SSCC',
    path: ['id'],
  })
  .refine((d) => !d.workOrderId || /^[A-Za-z0-9!"%&'*+,\-./:;<=?]+$/.test(d.workOrderId), { message: 'work order id not printable', path: ['workOrderId'] });

export const printTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pdf') }),
  z.object({ type: z.literal('zpl-serial'), path: z.string().min(1).max(200), baudRate: z.number().int().positive().optional() }),
  z.object({ type: z.literal('zpl-tcp'), host: z.string().min(1).max(255), port: z.number().int().min(1).max(65535).default(9100) }),
]);
export type PrintTarget = z.infer<typeof printTargetSchema>;

export const labelPrintRequestSchema = z
  .object({
    kind: z.enum(['lot', 'package']),
    id: z.string().min(1),
    target: printTargetSchema,
    data: labelDataSchema,
    lang: z.enum(['es', 'en']).default('es'),
    copies: z.number().int().min(1).max(50).default(1),
  })
  .refine((r) => r.data.kind === r.kind && r.data.id === r.id, { message: 'the label content is for another lot or package', path: ['data'] });
export type LabelPrintRequest = z.input<typeof labelPrintRequestSchema>;

export interface LabelPrintResult {
  labelId: string;
  /** The GS1 element string the bar code carries (GS between variable-length fields). */
  elementString: string;
  /** Printer as recorded in label.printed: "pdf", "zpl-tcp:host:port", "zpl-serial:/dev/...". */
  printer: string;
  pdfBase64?: string;
  zpl?: string;
  warning?: string;
}

export function printerName(t: PrintTarget): string {
  switch (t.type) {
    case 'pdf':
      return 'pdf';
    case 'zpl-serial':
      return `zpl-serial:${t.path}`;
    case 'zpl-tcp':
      return `zpl-tcp:${t.host}:${t.port}`;
  }
}
