/**
 * Package ids (clause 4.9) are SSCCs, GS1 AI (00): extension digit + the plant's GS1 Company
 * Prefix + serial reference + check digit. The serial reference is split so terminals never hand
 * out the same number offline: its first two digits are the workstation's block (its position in
 * the plant's workstation list ordered by id), the rest a counter per block. The counter starts
 * after the highest number this terminal knows in its block (its own packages and those central
 * publishes in the `inventory` stream), so a re-installed terminal continues after sync.
 */
import { buildSscc } from '../gs1';

export const SSCC_EXTENSION_DEFAULT = '0';

export function workstationBlock(workstationIds: readonly string[], workstationId: string): number | null {
  const sorted = [...new Set(workstationIds)].sort();
  const i = sorted.indexOf(workstationId);
  return i < 0 || i > 99 ? null : i;
}

function serialRefLength(companyPrefix: string): number {
  return 16 - companyPrefix.length;
}

/** The counter part of an SSCC in `block`, or null when it belongs to another block or prefix. */
export function ssccCounter(sscc: string, companyPrefix: string, block: number): number | null {
  if (!/^\d{18}$/.test(sscc) || sscc.slice(1, 1 + companyPrefix.length) !== companyPrefix) return null;
  const ref = sscc.slice(1 + companyPrefix.length, 17);
  if (Number(ref.slice(0, 2)) !== block) return null;
  return Number(ref.slice(2));
}

export function nextSscc(opts: {
  companyPrefix: string;
  extension?: string | undefined;
  block: number;
  known: readonly string[];
  /** Highest counter central reports for this block, when it could be asked. */
  after?: number;
}): string {
  const refLen = serialRefLength(opts.companyPrefix);
  const counterLen = refLen - 2;
  if (counterLen < 1) throw new RangeError('The GS1 Company Prefix leaves no room for a package serial reference');
  let max = opts.after ?? 0;
  for (const id of opts.known) {
    const c = ssccCounter(id, opts.companyPrefix, opts.block);
    if (c !== null && c > max) max = c;
  }
  const next = max + 1;
  if (String(next).length > counterLen) throw new RangeError('This workstation has used every package number of its block');
  const ref = `${String(opts.block).padStart(2, '0')}${String(next).padStart(counterLen, '0')}`;
  return buildSscc(opts.companyPrefix, opts.extension ?? SSCC_EXTENSION_DEFAULT, ref);
}
