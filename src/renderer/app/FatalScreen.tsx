import { Button, Center, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconReload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppState } from './app-state';
import type { FatalReason } from './bootstrap';

const messageKey: Record<FatalReason, string> = {
  'missing-secret': 'fatal.missingSecret',
  'bad-secret': 'fatal.badSecret',
  indexeddb: 'fatal.indexeddb',
  unreachable: 'fatal.unreachable',
  unknown: 'fatal.unknown',
};

/** Startup could not complete: says why in the operator's language and offers a reload. */
export function FatalScreen({ reason, message }: { reason: FatalReason; message: string }) {
  const { t } = useTranslation();
  useAppState('fatal');
  return (
    <Center mih="100vh" p="xl">
      <Paper withBorder shadow="md" p="xl" maw={760} w="100%" role="alert" data-fatal-reason={reason}>
        <Stack gap="lg">
          <Title order={1}>
            <IconAlertOctagon
              size={40}
              color="var(--mantine-color-red-8)"
              style={{ verticalAlign: 'middle', marginRight: 12 }}
            />
            {t('fatal.title')}
          </Title>
          <Text size="lg">{t(messageKey[reason], { message })}</Text>
          {reason !== 'unknown' && message ? (
            <Stack gap={4}>
              <Text size="sm" c="dimmed" fw={600}>
                {t('crash.details')}
              </Text>
              <Code block>{message}</Code>
            </Stack>
          ) : null}
          <Button leftSection={<IconReload />} onClick={() => window.location.reload()}>
            {t('fatal.reload')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
