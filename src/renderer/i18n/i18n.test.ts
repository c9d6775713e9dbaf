import { describe, expect, it } from 'vitest';
import { workOrderStatus } from '../../shared/domain/orders';
import { eventTypes } from '../../shared/sync/events';
import { en } from './en';
import { es } from './es';
import {
  createI18n,
  languageChosen,
  languageFromLocale,
  pickLanguage,
  storedLanguage,
  systemLocaleKnown,
} from './index';

type Tree = { [k: string]: string | Tree };
function leaves(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`),
  );
}
const withoutPlural = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

describe('catalogues', () => {
  it('Spanish and English have the same keys and no empty strings', () => {
    expect(leaves(en).sort()).toEqual(leaves(es).sort());
    for (const cat of [es, en]) {
      for (const k of leaves(cat)) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Tree)[p], cat);
        expect(typeof v === 'string' && v.trim().length > 0, k).toBe(true);
      }
    }
  });

  it('every literal key used in the renderer exists in the catalogue', () => {
    const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../sync/**'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const known = new Set(leaves(es).map(withoutPlural));
    const used = new Set<string>();
    for (const src of Object.values(sources)) {
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) if (m[1]) used.add(m[1]);
      for (const m of src.matchAll(
        /'((?:login|output|home|wo|fatal|crash|sync|records|status|header|app)\.[a-zA-Z]+)'/g,
      ))
        if (m[1]) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(30);
    const events = new Set<string>(eventTypes);
    const missing = [...used].filter((k) => !known.has(k) && !events.has(k));
    expect(missing).toEqual([]);
    // Keys built from data: every work-order status and every outbox state.
    for (const s of workOrderStatus.options) expect(known.has(`status.${s}`), s).toBe(true);
    for (const s of ['pending', 'acked', 'rejected']) expect(known.has(`records.${s}`), s).toBe(true);
  });
});

describe('language choice', () => {
  it('maps locales to es/en and falls back to Spanish', () => {
    expect(languageFromLocale('es-MX')).toBe('es');
    expect(languageFromLocale('en_GB')).toBe('en');
    expect(languageFromLocale('fr-FR')).toBeNull();
    expect(pickLanguage({ stored: null, systemLocale: 'en-US', browserLocale: 'es-ES' })).toBe('en');
    expect(pickLanguage({ stored: null, systemLocale: 'de-DE', browserLocale: 'en-US' })).toBe('en');
    expect(pickLanguage({ stored: null, systemLocale: 'de-DE', browserLocale: 'fr' })).toBe('es');
    expect(pickLanguage({ stored: 'es', systemLocale: 'en-US' })).toBe('es');
  });

  it('follows the system locale until the operator chooses, then keeps the choice', async () => {
    localStorage.clear();
    const i18n = createI18n('es');
    await systemLocaleKnown(i18n, 'en-GB');
    expect(i18n.language).toBe('en');
    expect(i18n.t('login.title')).toBe('Scan your badge');
    await languageChosen(i18n, 'es');
    expect(storedLanguage()).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    await systemLocaleKnown(i18n, 'en-GB');
    expect(i18n.language).toBe('es');
    expect(i18n.t('login.title')).toBe('Escanea tu tarjeta');
    localStorage.clear();
  });

  it('uses the right plural forms', () => {
    const i18n = createI18n('en');
    expect(i18n.t('sync.waiting', { state: 'offline', count: 1 })).toBe('offline, 1 record waiting');
    expect(i18n.t('sync.waiting', { state: 'offline', count: 3 })).toBe('offline, 3 records waiting');
    const esI18n = createI18n('es');
    expect(esI18n.t('sync.waiting', { state: 'sin conexión', count: 3 })).toBe('sin conexión, 3 registros pendientes');
    expect(esI18n.t('sync.waiting', { state: 'sin conexión', count: 1000000 })).toBe(
      'sin conexión, 1000000 registros pendientes',
    );
  });
});
