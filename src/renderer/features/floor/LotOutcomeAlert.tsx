import { Alert, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format';
import { useLanguage } from '../../i18n/localized';
import type { ReadinessFacts, ScanOutcome } from './useReadiness';

/** What became of the last lot or badge scanned at the readiness panel, and what to do next. */
export function LotOutcomeAlert({ outcome, facts }: { outcome: ScanOutcome; facts: ReadinessFacts }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const itemName = (id: string | undefined) => facts.needs.find((n) => n.itemId === id)?.itemName ?? id ?? '';
  switch (outcome.kind) {
    case 'accepted': {
      const need = facts.needs.find((n) => n.itemId === outcome.itemId);
      return (
        <Alert color="green" variant="filled" icon={<IconCircleCheck />} role="status" data-testid="lot-outcome" data-outcome="accepted">
          <Text size="lg" fw={700}>
            {t('floor.readiness.accepted', { lot: outcome.lotId, qty: formatNumber(outcome.qty, lng), unit: need?.unit ?? '', item: itemName(outcome.itemId) })}
          </Text>
        </Alert>
      );
    }
    case 'refused': {
      const v = outcome.verdict;
      return (
        <Alert color="red" variant="filled" icon={<IconAlertCircle />} role="alert" data-testid="lot-outcome" data-outcome="refused" title={t('floor.readiness.refused', { lot: v.lotId })}>
          <Text size="lg" fw={700}>
            {t(`floor.readiness.reasons.${v.reason}`, { item: itemName(v.itemId) })}
          </Text>
          <Text size="md">{t(`floor.readiness.todo.${v.reason}`)}</Text>
        </Alert>
      );
    }
    case 'unreadable':
      return (
        <Alert color="red" variant="filled" icon={<IconAlertCircle />} role="alert" data-testid="lot-outcome" data-outcome="unreadable">
          <Text size="lg" fw={700}>
            {outcome.reason === 'no-lot-in-label' ? t('floor.readiness.noLotInLabel') : t('floor.readiness.unreadable', { text: outcome.text })}
          </Text>
          <Text size="md">{t('floor.readiness.unreadableTodo')}</Text>
        </Alert>
      );
    case 'override':
      return (
        <Alert color="orange" variant="filled" icon={<IconShieldCheck />} role="status" data-testid="lot-outcome" data-outcome="override">
          <Text size="lg" fw={700}>
            {t('floor.readiness.override', { name: outcome.supervisorName })}
          </Text>
        </Alert>
      );
    case 'not-supervisor':
      return (
        <Alert color="red" variant="filled" icon={<IconAlertCircle />} role="alert" data-testid="lot-outcome" data-outcome="not-supervisor">
          <Text size="lg" fw={700}>
            {t('floor.readiness.notSupervisor', { name: outcome.name })}
          </Text>
        </Alert>
      );
    case 'failed':
      return (
        <Alert color="red" variant="filled" icon={<IconAlertCircle />} role="alert" data-testid="lot-outcome" data-outcome="failed">
          {t('floor.readiness.saveFailed', { message: outcome.message })}
        </Alert>
      );
  }
}
