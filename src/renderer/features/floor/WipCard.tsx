import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format';
import { useLanguage } from '../../i18n/localized';
import { useWip } from './useFloorData';

/** Pieces the previous operation of this production order made good and this one has not taken yet. */
export function WipCard({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const wip = useWip(workOrderId);
  if (!wip) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('floor.wip.title', { op: wip.previousOperation })} data-testid="wip">
      <Group gap="md" wrap="nowrap">
        <IconStack2 size={36} aria-hidden />
        <Stack gap={0}>
          <Text size="lg" fw={700}>
            {t('floor.wip.title', { op: wip.previousOperation })}:{' '}
            <Text span size="xl" fw={800} data-testid="wip-waiting">
              {formatNumber(wip.waiting, lng)}
            </Text>
          </Text>
          <Text size="md" c="dimmed">
            {t('floor.wip.detail', { op: wip.previousOperation, prev: formatNumber(wip.previousGood, lng), here: formatNumber(wip.processedHere, lng) })}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
