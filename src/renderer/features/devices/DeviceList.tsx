import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceState, DeviceStatus } from '../../../shared/devices/types';
import type { Draft } from './device-draft';

const stateColor: Record<DeviceState, string> = { connected: 'green', connecting: 'yellow', disconnected: 'red', error: 'red', disabled: 'gray' };

interface Props {
  drafts: Draft[];
  statuses: Record<string, DeviceStatus>;
  selected: number;
  hasErrors: (index: number) => boolean;
  onSelect: (index: number) => void;
}

/** The workstation's devices, one big button each, with their live connection state. */
export function DeviceList({ drafts, statuses, selected, hasErrors, onSelect }: Props) {
  const { t } = useTranslation();
  if (drafts.length === 0) return <Text c="dimmed">{t('devices.list.empty')}</Text>;
  return (
    <Stack gap="sm" component="nav" aria-label={t('devices.list.title')}>
      {drafts.map((d, i) => {
        const s = statuses[d.id];
        const state: DeviceState | 'unsaved' = s ? s.state : 'unsaved';
        return (
          <Button
            key={`${i}-${d.id}`}
            h="auto"
            mih={72}
            py="sm"
            variant={i === selected ? 'filled' : 'light'}
            color={hasErrors(i) ? 'red' : 'blue'}
            onClick={() => onSelect(i)}
            aria-pressed={i === selected}
            styles={{ label: { width: '100%' }, inner: { justifyContent: 'flex-start' } }}
          >
            <Group justify="space-between" w="100%" wrap="nowrap">
              <Stack gap={0} align="flex-start" style={{ minWidth: 0, flex: 1 }}>
                <Text fw={700} truncate="end" maw="100%">
                  {d.id}
                </Text>
                {/* Long paths keep their end (the device name), the badge always shows. */}
                <Text size="sm" truncate="start" maw="100%">
                  {d.path || t('devices.list.noPath')}
                </Text>
              </Stack>
              <Badge
                role="status"
                aria-label={t('devices.list.stateOf', { id: d.id })}
                color={state === 'unsaved' ? 'gray' : stateColor[state]}
                variant="filled"
                size="lg"
                style={{ flexShrink: 0 }}
                title={s?.message}
              >
                {t(`devices.state.${state}`)}
              </Badge>
            </Group>
          </Button>
        );
      })}
    </Stack>
  );
}
