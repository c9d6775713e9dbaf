import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconEye, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDay } from '../../components/format';
import { useLanguage } from '../../i18n/localized';
import { RevisionChanges } from './RevisionChanges';
import { markNoticeSeen } from './supervision-repo';
import { usePlanRevisions } from './usePlanRevisions';

/**
 * On the home screen: the T+2 plan of this workstation's line was revised at central. Stays until
 * someone at this terminal marks it seen.
 */
export function PlanRevisionBanner({ lineId, today }: { lineId: string | null; today: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { db } = useServices();
  const revisions = usePlanRevisions(lineId, today);
  if (!revisions || revisions.length === 0) return null;
  return (
    <Stack gap="sm">
      {revisions.map((r) => {
        if (!r.revision) return null;
        const day = formatDay(r.revision.date, lng);
        return (
          <Alert
            key={r.key}
            color="blue"
            variant="filled"
            icon={<IconRefresh />}
            role="alert"
            data-testid="plan-revision-banner"
            title={`${t('supervisor.banner.title')}: ${t('supervisor.revision.title', { day, from: r.revision.fromVersion, to: r.revision.toVersion })}`}
          >
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <RevisionChanges changes={r.revision.changes} onDark />
              <Button
                size="lg"
                h={56}
                color="blue"
                variant="white"
                leftSection={<IconEye aria-hidden />}
                aria-label={t('supervisor.revision.seenLabel', { day })}
                onClick={() => void markNoticeSeen(db, r.key, new Date())}
              >
                {t('supervisor.revision.seen')}
              </Button>
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
}
