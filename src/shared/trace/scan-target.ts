/**
 * What a scanned label points at: a package (AI 00), a serial (AI 21) or a lot (AI 10), as Takt's
 * own labels carry them. Anything else is not a trace target (`null`), so other screens' scans
 * (work orders, badges, material lots) keep working.
 */
import { parseGs1 } from '../gs1';

export type TraceTarget = { kind: 'lot' | 'serial' | 'package'; id: string };

export function traceTargetOfScan(text: string, symbology: string | null, gsSubstitute?: string): TraceTarget | null {
  const parsed = parseGs1(text, { symbology, ...(gsSubstitute ? { gsSubstitute } : {}) });
  if (!parsed.ok || parsed.kind !== 'gs1') return null;
  const value = (ai: string) => parsed.elements.find((e) => e.ai === ai)?.value;
  const sscc = value('00');
  if (sscc) return { kind: 'package', id: sscc };
  const serial = value('21');
  if (serial) return { kind: 'serial', id: serial };
  const lot = value('10');
  if (lot) return { kind: 'lot', id: lot };
  return null;
}

/** The central path of a trace query (the terminal reaches it through api.central.fetch). */
export function tracePath(target: TraceTarget, direction: 'backward' | 'forward', format?: 'csv' | 'xlsx' | 'json'): string {
  const q = `direction=${direction}${format ? `&format=${format}` : ''}`;
  return `/api/v1/trace/${target.kind}/${encodeURIComponent(target.id)}?${q}`;
}
export function recallPath(lotId: string, format?: 'csv' | 'xlsx'): string {
  return `/api/v1/trace/recall/${encodeURIComponent(lotId)}${format ? `?format=${format}` : ''}`;
}
