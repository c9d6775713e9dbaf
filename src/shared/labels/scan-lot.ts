/**
 * The lot a scanned label names (4.8, 4.10): Takt's lot labels carry it in AI (10) together with
 * the work order that made it in AI (91); a package label holding a single lot carries (10) too.
 * Any other scan (a badge, a work-order sheet, a bare GTIN, plain text) names no lot: null, so the
 * screen can say it was not a lot label instead of filling something wrong.
 */
import { parseGs1 } from '../gs1';

export interface ScannedLot {
  lotId: string;
  /** AI (91) of a Takt lot label: the work order that produced the lot. */
  workOrderId: string | null;
}

export function lotOfScan(text: string, symbology: string | null, gsSubstitute?: string): ScannedLot | null {
  const parsed = parseGs1(text, { symbology, ...(gsSubstitute ? { gsSubstitute } : {}) });
  if (!parsed.ok || parsed.kind !== 'gs1') return null;
  const value = (ai: string) => parsed.elements.find((e) => e.ai === ai)?.value;
  const lotId = value('10');
  return lotId ? { lotId, workOrderId: value('91') ?? null } : null;
}
