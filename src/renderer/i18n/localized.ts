/** Data that comes in both languages ({es, en}) shown in the interface's current one. */
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../shared/domain/ids';
import { currentLanguage, type Language } from './index';

export function pickLocalized(text: LocalizedText | null | undefined, lng: Language): string {
  if (!text) return '';
  return text[lng] || text.es || text.en;
}

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return currentLanguage(i18n);
}

export function useLocalized(): (text: LocalizedText | null | undefined) => string {
  const lng = useLanguage();
  return (text) => pickLocalized(text, lng);
}
