/**
 * ZPL II for a Takt label: the text lines, the GS1 bar code — GS1-128 as ^BC in automatic mode
 * starting with FNC1 (`>;>8`, FNC1 between fields as `>8`), or GS1 DataMatrix as ^BX ECC 200 with
 * `_` as escape character (FNC1 = `_1`) — and its interpretation line. UTF-8 text (^CI28) goes
 * through ^FH hex escapes so no product name can inject a command.
 */
import { humanReadable, labelElements, labelLines, type LabelData } from './content';
import type { LabelTemplate } from './template';
import { isPredefinedLengthAi } from '../gs1/ai-table';

const dots = (mm: number, dpi: number) => Math.round((mm * dpi) / 25.4);

/** ^FH\ field text: the ZPL specials and backslash as hex escapes. */
export function zplText(text: string): string {
  return text.replace(/[\\^~]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Field data for ^BC (GS1-128): FNC1 first, FNC1 after each variable-length field but the last. */
export function gs1128FieldData(d: LabelData): string {
  const ais = labelElements(d);
  let out = '>;>8';
  ais.forEach((a, i) => {
    if (/[>^~]/.test(a.value)) throw new RangeError(`The value of AI (${a.ai}) cannot be printed in ZPL: ${a.value}`);
    out += a.ai + a.value;
    if (i < ais.length - 1 && !isPredefinedLengthAi(a.ai)) out += '>8';
  });
  return out;
}

/** Field data for ^BX with escape character `_` (GS1 DataMatrix). */
export function dataMatrixFieldData(d: LabelData): string {
  const ais = labelElements(d);
  let out = '_1';
  ais.forEach((a, i) => {
    if (/[\^~]/.test(a.value)) throw new RangeError(`The value of AI (${a.ai}) cannot be printed in ZPL: ${a.value}`);
    out += a.ai + a.value.replace(/_/g, '__');
    if (i < ais.length - 1 && !isPredefinedLengthAi(a.ai)) out += '_1';
  });
  return out;
}

export function buildZpl(d: LabelData, tpl: LabelTemplate, lang: 'es' | 'en' = 'es', copies = 1): string {
  const w = dots(tpl.widthMm, tpl.dpi);
  const h = dots(tpl.heightMm, tpl.dpi);
  const margin = dots(3, tpl.dpi);
  const sizes = { title: dots(4.5, tpl.dpi), big: dots(3.6, tpl.dpi), normal: dots(2.8, tpl.dpi) };
  const out: string[] = ['^XA', '^CI28', `^PW${w}`, `^LL${h}`, '^LH0,0'];
  let y = margin;
  for (const line of labelLines(d, lang)) {
    const s = sizes[line.size];
    out.push(`^FO${margin},${y}^A0N,${s},${s}^FH\\^FD${zplText(line.text)}^FS`);
    y += Math.round(s * 1.25);
  }
  const hr = humanReadable(labelElements(d));
  const bh = dots(tpl.barcodeHeightMm, tpl.dpi);
  if (tpl.symbology === 'gs1-128') {
    out.push(`^FO${margin},${y + margin}^BY${tpl.moduleDots},3,${bh}^BCN,${bh},N,N,N,A^FD${gs1128FieldData(d)}^FS`);
    out.push(`^FO${margin},${y + margin + bh + dots(1, tpl.dpi)}^A0N,${sizes.normal},${sizes.normal}^FH\\^FD${zplText(hr)}^FS`);
  } else {
    const module = Math.max(3, tpl.moduleDots * 3);
    out.push(`^FO${w - margin - dots(25, tpl.dpi)},${margin}^BXN,${module},200,0,0,6,_^FD${dataMatrixFieldData(d)}^FS`);
    out.push(`^FO${margin},${y + margin}^A0N,${sizes.normal},${sizes.normal}^FH\\^FD${zplText(hr)}^FS`);
  }
  out.push(`^PQ${Math.max(1, Math.trunc(copies))}`, '^XZ');
  return out.join('\n') + '\n';
}
