import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/localized';
import type { SessionNotice } from './inspection-session';

/** What happened to the last reading or entry: refused (with the gate's reason), accepted, invalid. */
export function SessionNoticeAlert({ notice }: { notice: SessionNotice | null }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (!notice) return null;
  if (notice.kind === 'refused') {
    return (
      <Alert color="red" variant="filled" icon={<IconBan size={28} />} role="alert" data-testid="reading-refused" title={t('quality.session.refused')}>
        <Text c="white" size="lg">
          {localized(notice.issue.message)}
        </Text>
        <Text c="white" size="sm">
          {t('quality.session.reasonCode')}: {notice.issue.code}
        </Text>
      </Alert>
    );
  }
  if (notice.kind === 'invalid') {
    return (
      <Alert color="orange" icon={<IconAlertTriangle size={24} />} role="alert">
        {t(`quality.session.invalid.${notice.problem}`)}
      </Alert>
    );
  }
  return (
    <>
      {notice.warnings.map((w) => (
        <Alert key={w.code} color="yellow" icon={<IconAlertTriangle size={24} />} data-testid="gauge-warning">
          {localized(w.message)}
        </Alert>
      ))}
      <Alert color={notice.verdict === 'pass' ? 'green' : 'red'} icon={<IconCircleCheck size={24} />} role="status" data-testid="reading-accepted">
        {t(notice.verdict === 'pass' ? 'quality.session.acceptedPass' : 'quality.session.acceptedFail')}
      </Alert>
    </>
  );
}
