import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconChecks } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useRecorder } from '../../data/use-recorder';
import { useOperator } from '../../store/session-store';
import { NcForm } from './NcForm';
import { getFirstArticleFlagNotice } from './quality-repo';

type Step = { kind: 'idle' } | { kind: 'nc' } | { kind: 'done'; decision: 'accepted' | 'nc'; through: string } | { kind: 'error'; message: string };

/**
 * For the inspector: central received output on this work order while its first article had not
 * passed (an old terminal or a stale cache sent it). The inspector checks those pieces and either
 * accepts them or raises an NC for them; either way the review is recorded for everything central
 * had flagged when the notice was read, and central closes the notice (new flags open it again).
 */
export function FirstArticleFlagAlert({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const record = useRecorder();
  const operator = useOperator();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const notice = useLiveQuery(() => getFirstArticleFlagNotice(db, workOrderId), [db, workOrderId]);
  // Shown until central has something newer to review than what was just reviewed.
  if (step.kind === 'done' && (!notice || notice.gateFlags?.lastFlagAt === step.through)) {
    return (
      <Alert color="green" role="status" data-testid="first-article-flag-reviewed" icon={<IconChecks size={24} />}>
        {t(step.decision === 'nc' ? 'quality.gateFlag.reviewedNc' : 'quality.gateFlag.reviewedAccepted')}
      </Alert>
    );
  }
  if (!notice) return null;
  const flags = notice.gateFlags;
  const canReview = !!flags && flags.count > 0 && !!operator?.roles.includes('inspector');
  const review = async (decision: 'accepted' | 'nc', ncId?: string) => {
    if (!flags) return;
    try {
      await record('first-article.flags.reviewed', {
        workOrderId,
        reviewedThrough: flags.lastFlagAt,
        decision,
        ...(ncId ? { ncId } : {}),
      });
      setStep({ kind: 'done', decision, through: flags.lastFlagAt });
    } catch (err) {
      setStep({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <Stack gap="md" data-testid="first-article-flag-review">
      <Alert color="red" icon={<IconAlertTriangle size={24} />} role="alert" data-testid="first-article-flag" title={t('quality.gateFlag.title')}>
        <Stack gap="sm">
          <Text>{t('quality.gateFlag.body')}</Text>
          {flags ? (
            <Text fw={700} size="lg" data-testid="first-article-flag-counts">
              {t('quality.gateFlag.counts', { count: flags.count, good: flags.goodQty, scrap: flags.scrapQty })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {notice.body}
            </Text>
          )}
          {step.kind === 'error' ? (
            <Text c="red" fw={700} role="alert">
              {t('quality.gateFlag.failed', { message: step.message })}
            </Text>
          ) : null}
          {canReview && step.kind !== 'nc' ? (
            <Group gap="sm">
              <Button size="lg" h={56} color="green" leftSection={<IconChecks />} onClick={() => void review('accepted')}>
                {t('quality.gateFlag.accept')}
              </Button>
              <Button size="lg" h={56} color="orange" leftSection={<IconAlertOctagon />} onClick={() => setStep({ kind: 'nc' })}>
                {t('quality.gateFlag.raiseNc')}
              </Button>
            </Group>
          ) : null}
          {flags && !canReview ? (
            <Text size="sm" c="dimmed">
              {t('quality.gateFlag.inspectorOnly')}
            </Text>
          ) : null}
        </Stack>
      </Alert>
      {canReview && step.kind === 'nc' ? (
        <NcForm
          prefill={{ workOrderId, lotId: null, defectCode: '', description: t('quality.gateFlag.ncDescription'), qty: flags.goodQty || 1 }}
          onRaised={(ncId) => review('nc', ncId)}
        />
      ) : null}
    </Stack>
  );
}
