/**
 * Printing a lot or package label: builds its content from local data, asks the main process to
 * render/send it (api.labels.print), records `label.printed` (a reprint when one was printed here
 * before) and, for PDF, saves the file. The outcome is shown where the button is.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelPrintResult } from '../../../shared/labels/print-request';
import { useServices } from '../../app/services';
import { useRecorder } from '../../data/use-recorder';
import { saveBase64File } from '../../platform/download';
import { lotLabelData, packageLabelData, wasPrinted } from './label-data';
import { parsePrinter, savedPrinter } from './printer-setting';

export type PrintState =
  | { kind: 'idle' }
  | { kind: 'printing' }
  | { kind: 'printed'; result: LabelPrintResult; reprint: boolean }
  | { kind: 'failed'; message: string };

export function useLabelPrint(kind: 'lot' | 'package', id: string) {
  const { db, api } = useServices();
  const record = useRecorder();
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<PrintState>({ kind: 'idle' });

  const print = useCallback(
    async (printer: string = savedPrinter()) => {
      const target = parsePrinter(printer);
      if (!target) {
        setState({ kind: 'failed', message: t('trace.label.badPrinter', { printer }) });
        return;
      }
      setState({ kind: 'printing' });
      const data = kind === 'lot' ? await lotLabelData(db, id) : await packageLabelData(db, id);
      if (!data) {
        setState({ kind: 'failed', message: t('trace.label.unknown', { id }) });
        return;
      }
      const lang = i18n.language.startsWith('en') ? 'en' : 'es';
      const r = await api.labels.print({ kind, id, target, data, lang });
      if (!r.ok) {
        setState({ kind: 'failed', message: t('trace.label.failed', { message: r.error.message }) });
        return;
      }
      const reprint = await wasPrinted(db, kind, id);
      try {
        await record('label.printed', {
          labelId: r.value.labelId,
          ...(kind === 'lot' ? { lotId: id } : { packageId: id }),
          printer: r.value.printer,
          ...(reprint ? { reprint: true } : {}),
        });
      } catch (e) {
        setState({ kind: 'failed', message: t('trace.label.notRecorded', { message: e instanceof Error ? e.message : String(e) }) });
        return;
      }
      if (r.value.pdfBase64) saveBase64File(r.value.pdfBase64, 'application/pdf', `${kind}-${id}.pdf`);
      setState({ kind: 'printed', result: r.value, reprint });
    },
    [api, db, id, i18n.language, kind, record, t],
  );
  return { state, print };
}
