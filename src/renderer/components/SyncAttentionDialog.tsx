import { Button, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { listNeedingAttention } from '../data/repositories/outbox';
import { SyncAttentionList } from './SyncAttentionList';

/** The "needs attention" list in a dialog, live: a record refused while it is open appears at once. */
export function SyncAttentionDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const items = useLiveQuery(() => (opened ? listNeedingAttention(db) : Promise.resolve([])), [db, opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('sync.attention.title')} size="lg" scrollAreaComponent={ScrollArea.Autosize}>
      <Stack gap="md">
        <Text>{t('sync.attention.explain')}</Text>
        {items ? <SyncAttentionList items={items} /> : null}
        <Button size="xl" mih={56} onClick={onClose}>
          {t('sync.attention.close')}
        </Button>
      </Stack>
    </Modal>
  );
}
