import { Alert, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useScanClaim } from '../../store/scan-router';
import { BadgeForm } from './BadgeForm';
import { PinForm } from './PinForm';
import { useLogin } from './useLogin';

/** "Scan your badge": the first thing an operator sees. Scans sign in directly. */
export function LoginScreen() {
  const { t } = useTranslation();
  const login = useLogin();
  useScanClaim((scan) => {
    if (login.step.step === 'badge') void login.badgeSubmitted(scan.text);
  });
  return (
    <Center mih="calc(100vh - 140px)">
      <Paper withBorder shadow="md" radius="lg" p={40} w="100%" maw={640}>
        <Stack gap="xl">
          {login.step.step === 'badge' ? (
            <>
              <Stack align="center" gap="sm">
                <ThemeIcon size={120} radius={60} variant="light" aria-hidden>
                  <IconId size={80} />
                </ThemeIcon>
                <Title order={1} ta="center">
                  {t('login.title')}
                </Title>
                <Text size="lg" ta="center" c="dimmed">
                  {t('login.subtitle')}
                </Text>
              </Stack>
              <BadgeForm onSubmit={login.badgeSubmitted} isBusy={login.isBusy} hasError={login.error !== null} />
            </>
          ) : (
            <PinForm
              operatorName={login.step.operator.name}
              onSubmit={login.pinSubmitted}
              onCancel={login.pinCancelled}
              isBusy={login.isBusy}
              hasError={login.error !== null}
            />
          )}
          {login.error ? (
            <Alert color="red" variant="filled" icon={<IconAlertCircle size={28} />} role="alert">
              <Text size="lg" fw={600} c="white">
                {t(login.error.key, login.error.params ?? {})}
              </Text>
            </Alert>
          ) : null}
        </Stack>
      </Paper>
    </Center>
  );
}
