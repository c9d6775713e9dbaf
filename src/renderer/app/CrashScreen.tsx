import { Button, Center, Code, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { IconMoodSad, IconReload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppState } from './app-state';

/** What the error boundary renders: a clear recovery screen instead of a blank one. */
export function CrashScreen({ error }: { error: Error }) {
  const { t } = useTranslation();
  useAppState('fatal');
  return (
    <Center mih="100vh" p="xl">
      <Paper withBorder shadow="md" p="xl" maw={760} w="100%" role="alert">
        <Stack gap="lg">
          <Title order={1}>
            <IconMoodSad size={40} style={{ verticalAlign: 'middle', marginRight: 12 }} />
            {t('crash.title')}
          </Title>
          <Text size="lg">{t('crash.body')}</Text>
          <Button leftSection={<IconReload />} onClick={() => window.location.reload()}>
            {t('crash.reload')}
          </Button>
          <Spoiler maxHeight={0} showLabel={t('crash.details')} hideLabel={t('crash.details')}>
            <Code block>{`${error.name}: ${error.message}`}</Code>
          </Spoiler>
        </Stack>
      </Paper>
    </Center>
  );
}
