/** Display helpers for the quality screens. */
import type { Characteristic } from '../../../shared/domain/plant';
import type { InspectionResult } from './inspection-session';

export function requirementText(c: Characteristic): string {
  return c.kind === 'variable' ? `${c.nominal} [${c.lower} … ${c.upper}] ${c.unit}` : 'OK / NOK';
}

export function resultText(r: InspectionResult | undefined): string {
  if (!r) return '—';
  if (r.value != null) return `${r.value} ${r.unit ?? ''}`.trim();
  return r.attribute === 'pass' ? 'OK' : 'NOK';
}
