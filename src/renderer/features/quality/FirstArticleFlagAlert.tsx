import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { getFirstArticleFlagNotice } from './quality-repo';

/**
 * For the inspector: central received output on this work order while its first article had not
 * passed (an old terminal or a stale cache sent it). The counts come in central's notice text.
 */
export function FirstArticleFlagAlert({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const notice = useLiveQuery(() => getFirstArticleFlagNotice(db, workOrderId), [db, workOrderId]);
  if (!notice) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={24} />} role="alert" data-testid="first-article-flag" title={t('quality.gateFlag.title')}>
      <Text>{t('quality.gateFlag.body')}</Text>
      <Text size="sm" c="dimmed">
        {notice.body}
      </Text>
    </Alert>
  );
}
