import { Alert, Badge, Button, Group, Stack } from '@mantine/core';
import { IconEye, IconRefresh } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardNotice } from '../../../shared/supervision/board';
import { useServices } from '../../app/services';
import { formatDay } from '../../components/format';
import { useLanguage } from '../../i18n/localized';
import { markNoticeSeen } from './supervision-repo';
import { RevisionChanges } from './RevisionChanges';

/** Plan revisions of a line for T..T+2: what changed, and a button to mark each as seen. */
export const RevisionList = memo(function RevisionList({ revisions, days }: { revisions: (BoardNotice & { isSeen: boolean })[]; days: readonly string[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { db } = useServices();
  return (
    <Stack gap="xs" data-testid="line-revisions">
      {revisions.map((r) => {
        if (!r.revision) return null;
        const day = formatDay(r.revision.date, lng);
        return (
          <Alert
            key={r.key}
            color={r.isSeen ? 'gray' : 'blue'}
            variant={r.isSeen ? 'light' : 'outline'}
            icon={<IconRefresh />}
            data-testid="line-revision"
            data-seen={r.isSeen}
            title={
              <Group gap="sm">
                <span>{t('supervisor.revision.title', { day, from: r.revision.fromVersion, to: r.revision.toVersion })}</span>
                {r.isSeen ? null : <Badge color="blue">{t('supervisor.revision.new')}</Badge>}
              </Group>
            }
          >
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <RevisionChanges changes={r.revision.changes} />
              {r.isSeen || !days.includes(r.revision.date) ? null : (
                <Button
                  size="lg"
                  h={56}
                  variant="light"
                  leftSection={<IconEye aria-hidden />}
                  aria-label={t('supervisor.revision.seenLabel', { day })}
                  onClick={() => void markNoticeSeen(db, r.key, new Date())}
                >
                  {t('supervisor.revision.seen')}
                </Button>
              )}
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
});
