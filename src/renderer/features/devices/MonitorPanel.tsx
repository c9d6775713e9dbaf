import { Alert, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { useServices } from '../../app/services';
import { TrafficRow } from './TrafficRow';
import type { TrafficLine } from './useTraffic';

interface Props {
  portId: string;
  /** Saved and an instrument: a test request can be sent. */
  canTest: boolean;
  /** The device is saved (the monitor shows only what main runs). */
  isSaved: boolean;
  lines: TrafficLine[];
  onClear: () => void;
}

type TestState = { kind: 'idle' } | { kind: 'waiting' } | { kind: 'answered'; value: string } | { kind: 'failed'; error: AppError };

/** Live monitor of one device: raw bytes in hex and what they meant, and the test request. */
export function MonitorPanel({ portId, canTest, isSaved, lines, onClear }: Props) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const mine = lines.filter((l) => l.portId === portId);

  const testRequested = async () => {
    setTest({ kind: 'waiting' });
    const r = await api.devices.test({ portId });
    if (!r.ok) {
      setTest({ kind: 'failed', error: r.error });
      return;
    }
    const reading = r.value.reading;
    setTest({ kind: 'answered', value: `${reading.value ?? '—'} ${reading.unit ?? ''} (${reading.status})`.trim() });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('devices.monitor.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('devices.monitor.title')}</Title>
          <Group gap="sm">
            {canTest ? (
              <Button size="lg" h={56} leftSection={<IconSend />} loading={test.kind === 'waiting'} onClick={() => void testRequested()}>
                {t('devices.test.button')}
              </Button>
            ) : null}
            <Button size="lg" h={56} variant="default" leftSection={<IconTrash />} onClick={onClear}>
              {t('devices.monitor.clear')}
            </Button>
          </Group>
        </Group>
        {!isSaved ? <Alert color="yellow">{t('devices.monitor.saveFirst')}</Alert> : null}
        {test.kind === 'answered' ? (
          <Alert color="green" role="status">
            {t('devices.test.answered', { value: test.value })}
          </Alert>
        ) : null}
        {test.kind === 'failed' ? (
          <Alert color="red" role="alert" title={t(`devices.test.error.${test.error.code}`, { defaultValue: t('devices.test.error.other', { message: test.error.message }) })}>
            <Text size="sm" c="dimmed">
              {test.error.message}
            </Text>
          </Alert>
        ) : null}
        <ScrollArea h={420} type="auto" aria-label={t('devices.monitor.log')}>
          {mine.length === 0 ? <Text c="dimmed">{t('devices.monitor.empty')}</Text> : mine.map((l) => <TrafficRow key={l.seq} line={l} />)}
        </ScrollArea>
      </Stack>
    </Paper>
  );
}
