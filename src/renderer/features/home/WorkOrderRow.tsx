import { Group, Paper, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format';
import { ReworkBadge } from '../../components/ReworkBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { percentOf } from '../../data/progress';
import type { QueueItem } from '../../data/repositories/work-orders';
import { useLanguage, useLocalized } from '../../i18n/localized';

/** One big touch row of the queue; the whole row opens the work order. */
export function WorkOrderRow({ item, onOpen }: { item: QueueItem; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const localized = useLocalized();
  const wo = item.workOrder;
  const p = item.progress;
  return (
    <UnstyledButton
      onClick={() => onOpen(wo.id)}
      aria-label={t('home.open', { id: wo.id })}
      w="100%"
      data-testid="queue-row"
      data-work-order-id={wo.id}
    >
      <Paper withBorder p="md" radius="md" shadow="xs" mih={96}>
        <Group wrap="nowrap" gap="lg">
          <Stack gap={2} style={{ flex: 2, minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Text size="xl" fw={800}>
                {wo.id}
              </Text>
              <ReworkBadge workOrder={wo} size="md" />
            </Group>
            <Text size="md" lh={1.3} lineClamp={2} title={item.productName ?? wo.productId}>
              {item.productName ?? wo.productId}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {t('wo.operation', { operation: wo.operation })}
              {item.operationName ? ` · ${localized(item.operationName)}` : ''}
            </Text>
          </Stack>
          <Stack gap={2} align="center" style={{ flex: 1 }}>
            <Text size="sm" c="dimmed">
              {t('home.todayTarget')}
            </Text>
            <Text size="xl" fw={800}>
              {item.todayTarget > 0 ? formatNumber(item.todayTarget, lng) : '—'}
            </Text>
            {item.todayTarget === 0 ? (
              <Text size="xs" c="dimmed">
                {t('home.notPlannedToday')}
              </Text>
            ) : null}
          </Stack>
          <Stack gap={6} style={{ flex: 2 }}>
            <Text size="md" fw={600}>
              {t('home.goodOfQty', { good: formatNumber(p.good, lng), qty: formatNumber(p.qty, lng) })}
            </Text>
            <Progress value={percentOf(p.good, p.qty)} size={18} radius="sm" aria-label={t('wo.progress')} />
          </Stack>
          <StatusBadge status={wo.status} />
          <IconChevronRight size={36} aria-hidden />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
