/**
 * Splits an AIM / ISO/IEC 15424 symbology identifier (`]C1`, `]d2`, `]Q3`...) off the front of a
 * scan (reference: devices-and-barcodes 1.3). `]Y` carries a variable modifier and is not split
 * beyond its first modifier character; everything after is data.
 */
const AIM = /^\][A-Za-z][0-9A-Za-z]/;

export function splitAimPrefix(text: string): { symbology: string | null; data: string } {
  const match = AIM.exec(text);
  if (!match) return { symbology: null, data: text };
  return { symbology: match[0], data: text.slice(match[0].length) };
}
