/**
 * Interface language: Spanish and English, complete catalogues for both. The default follows the
 * machine's locale (from the TerminalApi's app info, or the browser's), falling back to Spanish;
 * the operator's explicit choice is kept in localStorage and wins from then on.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';

export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'takt.language';

/** 'es' for "es-ES", 'en' for "en_GB"...; null for anything else. */
export function languageFromLocale(locale: string | null | undefined): Language | null {
  const l = (locale ?? '').trim().toLowerCase();
  if (l.startsWith('es')) return 'es';
  if (l.startsWith('en')) return 'en';
  return null;
}

export function storedLanguage(): Language | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'es' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

/** The stored choice, else the system locale, else the browser's, else Spanish. */
export function pickLanguage(opts: {
  stored: Language | null;
  systemLocale?: string | null;
  browserLocale?: string | null;
}): Language {
  return opts.stored ?? languageFromLocale(opts.systemLocale) ?? languageFromLocale(opts.browserLocale) ?? 'es';
}

function reflectInDocument(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

/** A ready (synchronously initialised) i18next instance. */
export function createI18n(lng: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng,
    fallbackLng: 'es',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  reflectInDocument(lng);
  return instance;
}

/** The operator picked a language: switch and remember it. */
export async function languageChosen(i18n: I18n, lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // Remembering is a convenience; switching still works.
  }
  await i18n.changeLanguage(lng);
  reflectInDocument(lng);
}

/** Startup learned the system locale: follow it unless the operator has chosen. */
export async function systemLocaleKnown(i18n: I18n, systemLocale: string | null | undefined): Promise<void> {
  const lng = pickLanguage({ stored: storedLanguage(), systemLocale, browserLocale: globalThis.navigator?.language });
  if (i18n.language !== lng) {
    await i18n.changeLanguage(lng);
    reflectInDocument(lng);
  }
}

export function currentLanguage(i18n: I18n): Language {
  return languageFromLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'es';
}
