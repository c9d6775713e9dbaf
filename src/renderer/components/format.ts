/** Display formatting in the interface language and the plant's time zone. */
import type { Language } from '../i18n';

const locales: Record<Language, string> = { es: 'es-ES', en: 'en-GB' };

export function formatNumber(n: number, lng: Language): string {
  return new Intl.NumberFormat(locales[lng]).format(n);
}

/** "14:05" in the plant's time zone (falls back to the machine's if the zone is unknown). */
export function formatTime(iso: string, lng: Language, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locales[lng], { hour: '2-digit', minute: '2-digit', timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(locales[lng], { hour: '2-digit', minute: '2-digit' }).format(d);
  }
}

/** "mié 26 nov" for a `YYYY-MM-DD` production day. */
export function formatDay(date: string, lng: Language): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locales[lng], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(d);
}
