import { Alert, Text } from '@mantine/core';
import { IconClipboardCheck, IconLock } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useSettings } from '../../data/hooks';
import { PatrolDueAlert } from './PatrolDueAlert';
import { SetupChangeButtons } from './SetupChangeButtons';
import { getFirstArticleGate } from './quality-repo';
import { useFirstArticleGate } from './useQualityData';

/**
 * The first-article gate for recording output (4.3): `blocked` while the screen knows a first
 * article is owed, and `check()` to ask the database again at the moment of saving (the live
 * value may not have arrived yet when the operator presses Save right after opening the screen).
 */
export function useFirstArticleGuard(workOrderId: string): { blocked: boolean; check: () => Promise<boolean> } {
  const { db } = useServices();
  const settings = useSettings();
  const gate = useFirstArticleGate(workOrderId);
  const limit = settings?.firstArticleStopLimitMinutes ?? 120;
  const check = useCallback(async () => !(await getFirstArticleGate(db, workOrderId, limit, new Date())).status.required, [db, workOrderId, limit]);
  return { blocked: gate?.status.required === true, check };
}

/** Why output is locked on this operation; once open, whether central has confirmed it and when the next patrol is due. */
export function FirstArticleGateAlert({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const gate = useFirstArticleGate(workOrderId);
  if (!gate) return null;
  if (gate.status.required) {
    return (
      <Alert color="orange" variant="filled" icon={<IconLock size={28} />} role="alert" data-testid="first-article-gate" title={t('quality.gate.title')}>
        <Text c="white" size="lg">
          {t(`quality.gate.${gate.status.reason}`)}
        </Text>
      </Alert>
    );
  }
  return (
    <>
      {gate.pendingConfirmation ? (
        <Alert color="teal" icon={<IconClipboardCheck size={24} />} data-testid="first-article-pending">
          {t('quality.gate.pending')}
        </Alert>
      ) : null}
      {gate.hasPlan ? <PatrolDueAlert workOrderId={workOrderId} /> : null}
      {gate.hasPlan ? <SetupChangeButtons workOrderId={workOrderId} /> : null}
    </>
  );
}
