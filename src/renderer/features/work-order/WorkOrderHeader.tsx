import { Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format';
import { ReworkBadge } from '../../components/ReworkBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { percentOf } from '../../data/progress';
import type { WorkOrderDetail } from '../../data/repositories/work-orders';
import { useLanguage, useLocalized } from '../../i18n/localized';

function Figure({ label, value, color, testId }: { label: string; value: string; color?: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={800} c={color} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** Id, product, operation, status, quantities and progress of the open work order. */
export function WorkOrderHeader({ detail }: { detail: WorkOrderDetail }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const localized = useLocalized();
  const { workOrder: wo, progress: p } = detail;
  const pendingPieces = p.pendingGood + p.pendingScrap;
  return (
    <Paper withBorder p="lg" radius="md" shadow="sm">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={1} data-testid="work-order-id">
              {wo.id}
            </Title>
            <Text size="lg" fw={600}>
              {detail.productName ?? wo.productId}
            </Text>
            <Text size="md" c="dimmed">
              {t('wo.operation', { operation: wo.operation })}
              {detail.operationName ? ` · ${localized(detail.operationName)}` : ''}
            </Text>
          </Stack>
          <Group gap="sm">
            <ReworkBadge workOrder={wo} size="xl" />
            <StatusBadge status={wo.status} />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Figure label={t('wo.orderQty')} value={formatNumber(p.qty, lng)} />
          <Figure
            label={t('wo.todayTarget')}
            value={detail.todayTarget > 0 ? formatNumber(detail.todayTarget, lng) : '—'}
          />
          <Figure label={t('wo.good')} value={formatNumber(p.good, lng)} color="green.9" testId="progress-good" />
          <Figure label={t('wo.scrap')} value={formatNumber(p.scrap, lng)} color="red.9" testId="progress-scrap" />
        </SimpleGrid>
        <Stack gap={4}>
          <Progress.Root size={24} radius="sm" aria-label={t('wo.progress')}>
            <Progress.Section value={percentOf(p.good, p.qty)} color="green.8" />
            <Progress.Section
              value={Math.min(percentOf(p.scrap, p.qty), 100 - percentOf(p.good, p.qty))}
              color="red.7"
            />
          </Progress.Root>
          <Text size="sm" c="dimmed">
            {t('home.goodOfQty', { good: formatNumber(p.good, lng), qty: formatNumber(p.qty, lng) })}
            {pendingPieces !== 0 ? ` · ${t('wo.pendingNote', { count: pendingPieces })}` : ''}
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}
