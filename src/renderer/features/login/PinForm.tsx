import { Button, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The PIN step, when the plant requires one. */
export function PinForm({
  operatorName,
  onSubmit,
  onCancel,
  isBusy,
  hasError,
}: {
  operatorName: string;
  onSubmit: (pin: string) => Promise<void>;
  onCancel: () => void;
  isBusy: boolean;
  hasError: boolean;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit(pin).then(() => setPin(''));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2}>{t('login.pinTitle', { name: operatorName })}</Title>
        <PasswordInput
          label={t('login.pin')}
          value={pin}
          onChange={(e) => setPin(e.currentTarget.value)}
          autoFocus
          inputMode="numeric"
          autoComplete="off"
          error={hasError}
          size="xl"
          styles={{ input: { height: 72 }, innerInput: { fontSize: '1.75rem' } }}
        />
        <Group grow>
          <Button variant="default" size="xl" h={72} leftSection={<IconX />} onClick={onCancel}>
            {t('login.cancel')}
          </Button>
          <Button type="submit" size="xl" h={72} loading={isBusy} leftSection={<IconCheck />}>
            {t('login.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
