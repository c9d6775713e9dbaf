/** Formatting shared by the report views: percentages and attainment colours. */
import type { Language } from '../../i18n';
import { formatNumber } from '../../components/format';

/** 0.9234 -> "92,3 %" (es) / "92.3%" (en); null (nothing planned) -> "—". */
export function formatPct(ratio: number | null, lng: Language): string {
  if (ratio === null) return '—';
  return new Intl.NumberFormat(lng === 'es' ? 'es-ES' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Green at or above plan, orange from 85 %, red below. */
export function attainmentColor(ratio: number | null): string {
  if (ratio === null) return 'gray';
  if (ratio >= 1) return 'green.8';
  if (ratio >= 0.85) return 'orange.8';
  return 'red.8';
}

export const fmt = formatNumber;
