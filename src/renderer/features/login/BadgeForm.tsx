import { Button, Stack, TextInput } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Typing a badge (or a keyboard-wedge scanner typing it, ending with Enter). */
export function BadgeForm({
  onSubmit,
  isBusy,
  hasError,
}: {
  onSubmit: (badge: string) => Promise<void>;
  isBusy: boolean;
  hasError: boolean;
}) {
  const { t } = useTranslation();
  const [badge, setBadge] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit(badge).then(() => setBadge(''));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('login.badge')}
          value={badge}
          onChange={(e) => setBadge(e.currentTarget.value)}
          autoFocus
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          error={hasError}
          size="xl"
          styles={{ input: { height: 72, fontSize: '1.75rem' } }}
        />
        <Button type="submit" size="xl" h={72} fullWidth loading={isBusy} leftSection={<IconLogin size={28} />}>
          {t('login.signIn')}
        </Button>
      </Stack>
    </form>
  );
}
