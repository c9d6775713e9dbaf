/**
 * The lot id in a scan at material issue: a GS1 label's batch/lot (AI 10), or a plain internal lot
 * label as printed by the warehouse. A GS1 label without AI 10 names no lot; a damaged GS1 label is
 * refused, never read as plain text.
 */
import { parseGs1 } from '../gs1';

export type LotScan = { ok: true; lotId: string } | { ok: false; reason: 'no-lot-in-label' | 'unreadable'; detail?: string };

export function lotIdFromScan(text: string, symbology: string | null): LotScan {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'unreadable', detail: 'empty' };
  const r = parseGs1(symbology === null ? trimmed : symbology + trimmed);
  if (!r.ok) return { ok: false, reason: 'unreadable', detail: r.error.message };
  if (r.kind === 'plain') return { ok: true, lotId: (r.plain ?? trimmed).trim() };
  const lot = r.elements.find((e) => e.ai === '10');
  return lot ? { ok: true, lotId: lot.value } : { ok: false, reason: 'no-lot-in-label' };
}
