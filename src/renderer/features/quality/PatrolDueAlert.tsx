import { Alert, Text } from '@mantine/core';
import { IconRulerMeasure } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useNow } from '../../data/hooks';
import { getPatrolStatus } from './quality-repo';

/** On the operator's screen: a patrol inspection that has come due (by count or time), or when the next one is. */
export function PatrolDueAlert({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const now = useNow();
  const status = useLiveQuery(() => getPatrolStatus(db, workOrderId, now), [db, workOrderId, now]);
  if (!status) return null;
  if (status.due) {
    const why = [
      status.byCount ? t('quality.patrol.byCount', { n: status.everyPieces }) : null,
      status.byTime ? t('quality.patrol.byTime', { n: status.everyMinutes }) : null,
    ]
      .filter(Boolean)
      .join(', ');
    return (
      <Alert color="yellow" variant="filled" icon={<IconRulerMeasure size={26} />} role="alert" data-testid="patrol-due">
        <Text size="lg" fw={700}>
          {t('quality.patrol.due', { why })}
        </Text>
      </Alert>
    );
  }
  return (
    <Text c="dimmed" data-testid="patrol-next">
      {t('quality.patrol.next', { pieces: status.piecesLeft ?? '—', minutes: status.minutesLeft ?? '—' })}
    </Text>
  );
}
