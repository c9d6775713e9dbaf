import { EmptyState, Loader, Stack, Text, Title } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../data/repositories/work-orders';
import { WorkOrderRow } from './WorkOrderRow';

/** This workstation's open work orders in plan order, or an explained empty state. */
export function WorkOrderQueue({ items, onOpen }: { items: QueueItem[] | undefined; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="queue-title">
      <Title order={2} id="queue-title">
        {t('home.queueTitle')}
      </Title>
      <Text size="md" c="dimmed">
        {t('home.scanHint')}
      </Text>
      {items === undefined ? (
        <Loader aria-label={t('home.loading')} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconClipboardList size={48} />}
          withIndicatorBackground
          size="lg"
          title={t('home.queueEmpty')}
          description={t('home.queueEmptyHint')}
          py="xl"
        />
      ) : (
        <Stack gap="sm" role="list">
          {items.map((item) => (
            <div role="listitem" key={item.workOrder.id}>
              <WorkOrderRow item={item} onOpen={onOpen} />
            </div>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
