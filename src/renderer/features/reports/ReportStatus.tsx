import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { formatDateTime } from '../../components/format';
import type { ReportState } from './useCentralReport';

/** Loading, "no report" and "this is the copy from <time>" states shared by every report view. */
export function ReportStatus({ state, timeZone }: { state: ReportState<unknown>; timeZone?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Language;
  if (state.loading && !state.data) return <Loader size="lg" aria-label={t('reports.loading')} />;
  if (!state.error) return null;
  const retry = (
    <Button size="md" h={56} variant="white" color="dark" leftSection={<IconRefresh size={20} aria-hidden />} onClick={state.reload}>
      {t('reports.retry')}
    </Button>
  );
  if (state.data && state.cachedAt) {
    return (
      <Alert color="yellow" icon={<IconCloudOff />} role="status">
        <Group justify="space-between" wrap="wrap">
          <Text>{t('reports.cached', { when: formatDateTime(state.cachedAt, lng, timeZone), message: state.error.message })}</Text>
          {retry}
        </Group>
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconCloudOff />} role="alert">
      <Group justify="space-between" wrap="wrap">
        <Text>{t('reports.unavailable', { message: state.error.message })}</Text>
        {retry}
      </Group>
    </Alert>
  );
}
