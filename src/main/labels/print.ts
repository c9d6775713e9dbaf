/**
 * The `labels:print` handler: renders a lot or package label from its template as PDF or ZPL and
 * sends ZPL to the printer (TCP 9100 or a serial port). Returns the label id the renderer records
 * in label.printed. The system printer (Electron webContents.print) is not offered here: the PDF
 * is what a person prints through the operating system.
 */
import { v7 as uuidv7 } from 'uuid';
import { labelElementString } from '../../shared/labels/content';
import type { z } from 'zod';
import { printerName, type LabelPrintResult, type labelPrintRequestSchema } from '../../shared/labels/print-request';
import { buildZpl } from '../../shared/labels/zpl';
import { err, ok, type Result } from '../../shared/result';
import { renderLabelPdf } from './pdf';
import { loadTemplate } from './templates';
import { sendSerial, sendTcp } from './transport';

type Parsed = z.output<typeof labelPrintRequestSchema>;

export interface LabelPrinterOptions {
  templatesDir?: string;
}

export function createLabelPrinter(opts: LabelPrinterOptions = {}) {
  return async function print(req: Parsed): Promise<Result<LabelPrintResult>> {
    const { template, warning } = await loadTemplate(req.kind, opts.templatesDir);
    const base = {
      labelId: uuidv7(),
      elementString: labelElementString(req.data),
      printer: printerName(req.target),
      ...(warning ? { warning } : {}),
    };
    if (req.target.type === 'pdf') {
      const pdf = await renderLabelPdf(req.data, template, req.lang);
      return ok({ ...base, pdfBase64: pdf.toString('base64') });
    }
    let zpl: string;
    try {
      zpl = buildZpl(req.data, template, req.lang, req.copies);
    } catch (e) {
      return err('invalid-request', e instanceof Error ? e.message : String(e));
    }
    try {
      if (req.target.type === 'zpl-tcp') await sendTcp(req.target.host, req.target.port, zpl);
      else await sendSerial(req.target.path, zpl, req.target.baudRate);
    } catch (e) {
      return err('device-error', `La etiqueta no se pudo enviar a la impresora. / The label could not be sent to the printer: ${e instanceof Error ? e.message : String(e)}`);
    }
    return ok({ ...base, zpl });
  };
}
