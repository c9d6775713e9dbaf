/**
 * Disruption notices (procedure 4.2.4): central titles them in both languages from the cause, and
 * a terminal that only has the notice (reported elsewhere) reads the cause back from the title.
 */
import type { EventPayload } from '../sync/events';

export type DisruptionCause = EventPayload<'disruption.reported'>['cause'];

export const DISRUPTION_CAUSE_NAMES: Record<DisruptionCause, { es: string; en: string }> = {
  supply: { es: 'Falta de suministro', en: 'Supply interruption' },
  labor: { es: 'Falta de personal', en: 'Labour shortage' },
  equipment: { es: 'Avería de equipo clave', en: 'Key equipment failure' },
  quality: { es: 'Calidad', en: 'Quality' },
  other: { es: 'Otra causa', en: 'Other cause' },
};

export function disruptionTitle(cause: DisruptionCause, lineName: string): string {
  const c = DISRUPTION_CAUSE_NAMES[cause];
  return `Interrupción: ${c.es} / Disruption: ${c.en} — ${lineName}`;
}

export function causeFromTitle(title: string): DisruptionCause {
  const found = (Object.keys(DISRUPTION_CAUSE_NAMES) as DisruptionCause[]).find((c) => title.includes(`/ Disruption: ${DISRUPTION_CAUSE_NAMES[c].en} —`));
  return found ?? 'other';
}
