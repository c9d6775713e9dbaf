import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languageChosen, type Language } from '../i18n';

const options: { value: Language; label: string; name: string }[] = [
  { value: 'es', label: 'ES', name: 'Español' },
  { value: 'en', label: 'EN', name: 'English' },
];

/** ES / EN: two big toggle buttons; the choice is remembered on this terminal. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = currentLanguage(i18n);
  return (
    <div role="group" aria-label={t('header.language')}>
      <Button.Group>
        {options.map((o) => (
          <Button
            key={o.value}
            size="md"
            h={56}
            w={60}
            px={0}
            variant={current === o.value ? 'filled' : 'default'}
            aria-pressed={current === o.value}
            title={o.name}
            lang={o.value}
            onClick={() => void languageChosen(i18n, o.value)}
          >
            {o.label}
          </Button>
        ))}
      </Button.Group>
    </div>
  );
}
