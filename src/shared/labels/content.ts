/**
 * What a Takt label says (clauses 4.8, 4.9): the GS1 element string of a lot label — (01) GTIN
 * where the product has one, (11) production date, (10) lot, (21) serial, (91) internal work
 * order — or of a package label — (00) SSCC, plus (02) contents GTIN + (37) count when every lot
 * in it is one product, and (10) when it holds one lot — and the human-readable lines printed
 * with it. Pure, shared by the ZPL and PDF renderers and by tests that scan labels back.
 */
import { encodeElementString, isValidGtin } from '../gs1';

export interface LabelData {
  kind: 'lot' | 'package';
  /** Lot id, or the package's SSCC. */
  id: string;
  productId?: string | undefined;
  productName?: string | undefined;
  gtin?: string | undefined;
  /** Production (or packing) day, YYYY-MM-DD. */
  productionDate?: string | undefined;
  workOrderId?: string | undefined;
  serial?: string | undefined;
  qty: number;
  unit?: string | undefined;
  /** Package contents. */
  lotIds?: string[] | undefined;
}

export interface Ai {
  ai: string;
  value: string;
}

const yymmdd = (date: string) => date.replace(/-/g, '').slice(2);

export function labelElements(d: LabelData): Ai[] {
  const out: Ai[] = [];
  const gtin = d.gtin && isValidGtin(d.gtin) ? d.gtin.padStart(14, '0') : undefined;
  if (d.kind === 'package') {
    out.push({ ai: '00', value: d.id });
    if (gtin && Number.isInteger(d.qty) && d.qty > 0 && d.qty <= 99_999_999) {
      out.push({ ai: '02', value: gtin });
      if (d.productionDate) out.push({ ai: '11', value: yymmdd(d.productionDate) });
      if (d.lotIds?.length === 1 && d.lotIds[0]) out.push({ ai: '10', value: d.lotIds[0] });
      out.push({ ai: '37', value: String(d.qty) });
    }
    return out;
  }
  if (gtin) out.push({ ai: '01', value: gtin });
  if (d.productionDate) out.push({ ai: '11', value: yymmdd(d.productionDate) });
  out.push({ ai: '10', value: d.id });
  if (d.serial) out.push({ ai: '21', value: d.serial });
  if (d.workOrderId) out.push({ ai: '91', value: d.workOrderId });
  return out;
}

/** "(01)08412345001017(10)261126-M101-001" — the interpretation line under the bar code. */
export function humanReadable(ais: readonly Ai[]): string {
  return ais.map((a) => `(${a.ai})${a.value}`).join('');
}

/** The data a scanner sends for this label after the AIM id (GS between variable-length fields). */
export function labelElementString(d: LabelData): string {
  return encodeElementString(labelElements(d));
}

export interface LabelLine {
  text: string;
  /** Relative size: 'title' | 'big' | 'normal'. */
  size: 'title' | 'big' | 'normal';
}

const L = {
  es: { lot: 'LOTE', package: 'BULTO (SSCC)', qty: 'Cantidad', wo: 'Orden', date: 'Fecha', serial: 'N.º serie', lots: 'Lotes' },
  en: { lot: 'LOT', package: 'PACKAGE (SSCC)', qty: 'Quantity', wo: 'Order', date: 'Date', serial: 'Serial', lots: 'Lots' },
} as const;

/** The printed text, in the plant's language first (labels are read on the floor). */
export function labelLines(d: LabelData, lang: 'es' | 'en' = 'es'): LabelLine[] {
  const t = L[lang];
  const lines: LabelLine[] = [{ text: `${d.kind === 'lot' ? t.lot : t.package} ${d.id}`, size: 'title' }];
  if (d.productId || d.productName) lines.push({ text: [d.productId, d.productName].filter(Boolean).join(' · '), size: 'big' });
  lines.push({ text: `${t.qty}: ${d.qty} ${d.unit ?? ''}`.trim(), size: 'normal' });
  const facts = [
    d.productionDate ? `${t.date}: ${d.productionDate}` : null,
    d.workOrderId ? `${t.wo}: ${d.workOrderId}` : null,
    d.serial ? `${t.serial}: ${d.serial}` : null,
  ].filter((x): x is string => !!x);
  if (facts.length) lines.push({ text: facts.join('   '), size: 'normal' });
  if (d.kind === 'package' && d.lotIds?.length) {
    const shown = d.lotIds.slice(0, 4).join(', ') + (d.lotIds.length > 4 ? ` (+${d.lotIds.length - 4})` : '');
    lines.push({ text: `${t.lots}: ${shown}`, size: 'normal' });
  }
  return lines;
}
