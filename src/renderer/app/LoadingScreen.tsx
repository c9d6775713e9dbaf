import { Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppState } from './app-state';

/** Shown while the terminal starts (database, terminal service, language). */
export function LoadingScreen() {
  const { t } = useTranslation();
  useAppState('loading');
  return (
    <Center h="100vh">
      <Stack align="center" gap="lg">
        <Loader size="xl" />
        <Text size="xl" fw={600}>
          {t('app.loading')}
        </Text>
      </Stack>
    </Center>
  );
}
