import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { summarize, visible } from './traffic-summary';
import type { TrafficLine } from './useTraffic';

/** One monitor line: direction, time, the bytes in hex and as text, and what they meant. */
export function TrafficRow({ line }: { line: TrafficLine }) {
  const { t } = useTranslation();
  const s = summarize(line.parsed);
  const time = line.at.slice(11, 23);
  return (
    <Stack gap={4} py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} data-testid="traffic-line">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Badge color={line.direction === 'tx' ? 'blue' : 'gray'} variant="filled" w={48}>
          {t(`devices.monitor.${line.direction}`)}
        </Badge>
        <Text size="sm" c="dimmed" ff="monospace">
          {time}
        </Text>
        {line.hex !== '' ? (
          <Code style={{ wordBreak: 'break-all' }} aria-label={t('devices.monitor.hex')}>
            {line.hex}
          </Code>
        ) : null}
      </Group>
      {line.text !== '' ? (
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {visible(line.text)}
        </Text>
      ) : null}
      {s.kind === 'reading' ? (
        <Group gap="xs">
          <Text fw={700} size="lg">
            {s.value ?? '—'} {s.unit ?? ''}
          </Text>
          <Badge color={s.status === 'ok' ? 'green' : 'red'}>{t(`devices.reading.status.${s.status}`, { defaultValue: s.status })}</Badge>
          {s.stable !== null ? <Badge variant="light">{t(s.stable ? 'devices.reading.stable' : 'devices.reading.unstable')}</Badge> : null}
          {s.accepted ? <Badge color="teal">{t('devices.reading.accepted')}</Badge> : null}
          {s.error ? <Text size="sm" c="red">{s.error}</Text> : null}
        </Group>
      ) : null}
      {s.kind === 'scan' ? (
        <Stack gap={2}>
          <Text size="sm">
            {t('devices.monitor.scan')} {s.symbology ?? t('devices.monitor.noSymbology')}
          </Text>
          {s.elements.map((e, i) => (
            <Text key={`${e.ai}-${i}`} size="md" ff="monospace">
              ({e.ai}) {e.value} <Text span c="dimmed" size="sm">{e.title}</Text>
            </Text>
          ))}
          {s.gs1Error ? <Text size="sm" c="red">{s.gs1Error}</Text> : null}
        </Stack>
      ) : null}
      {s.kind === 'error' ? (
        <Text size="sm" c="red">
          {t(`devices.monitor.error.${s.code}`, { defaultValue: s.message })}
        </Text>
      ) : null}
    </Stack>
  );
}
