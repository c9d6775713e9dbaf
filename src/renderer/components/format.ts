/** Display formatting in the interface language and the plant's time zone. */
import type { Language } from '../i18n';

const locales: Record<Language, string> = { es: 'es-ES', en: 'en-GB' };

// Building an Intl formatter costs far more than using one (~0.3 ms each in Chromium, which adds
// up on screens with hundreds of figures): one per language, made on first use.
const numberFormats = new Map<Language, Intl.NumberFormat>();
const dayFormats = new Map<Language, Intl.DateTimeFormat>();

export function formatNumber(n: number, lng: Language): string {
  let f = numberFormats.get(lng);
  if (!f) {
    f = new Intl.NumberFormat(locales[lng]);
    numberFormats.set(lng, f);
  }
  return f.format(n);
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
  let f = dayFormats.get(lng);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lng], { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    dayFormats.set(lng, f);
  }
  return f.format(d);
}

/** "jue 26 nov, 08:30" in the plant's time zone (falls back to the machine's if the zone is unknown). */
export function formatDateTime(iso: string, lng: Language, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locales[lng], { ...opts, timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(locales[lng], opts).format(d);
  }
}
