import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PortInfo } from '../../../shared/devices/types';

interface Props {
  ports: PortInfo[] | null;
  usedPaths: ReadonlySet<string>;
  onUse: (port: PortInfo | null) => void;
  onRefresh: () => void;
}

/** Serial ports the machine reports (USB identity where udev gives it), and a manual entry. */
export function PortList({ ports, usedPaths, onUse, onRefresh }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('devices.ports.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('devices.ports.title')}</Title>
          <Button size="lg" h={56} variant="default" leftSection={<IconRefresh />} onClick={onRefresh}>
            {t('devices.ports.refresh')}
          </Button>
        </Group>
        {ports !== null && ports.length === 0 ? <Text c="dimmed">{t('devices.ports.none')}</Text> : null}
        {(ports ?? []).map((p) => (
          <Group key={p.path} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text fw={600} ff="monospace">
                {p.path}
              </Text>
              <Text size="sm" c="dimmed">
                {[p.manufacturer, p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : null, p.serialNumber ? `S/N ${p.serialNumber}` : null]
                  .filter(Boolean)
                  .join(' · ') || t('devices.ports.noIdentity')}
              </Text>
            </Stack>
            <Button size="lg" h={56} variant="light" disabled={usedPaths.has(p.path)} onClick={() => onUse(p)} aria-label={t('devices.ports.useNamed', { path: p.path })}>
              {t('devices.ports.use')}
            </Button>
          </Group>
        ))}
        <Button size="lg" h={56} leftSection={<IconPlus />} onClick={() => onUse(null)}>
          {t('devices.ports.addByPath')}
        </Button>
      </Stack>
    </Paper>
  );
}
