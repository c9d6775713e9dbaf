import { ActionIcon, Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconChevronLeft, IconChevronRight, IconWifiOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../shared/supervision/monthly-grid';
import { usePlanCalendar } from '../../data/hooks';
import { useLanguage } from '../../i18n/localized';
import { routeStore } from '../../store/route-store';
import { MonthlyGridTable } from './MonthlyGridTable';
import { useMonthlyGrid } from './useMonthlyGrid';

/** The monthly rolling schedule (clause 4.1.2): product by day, plan against actual so far. */
export function MonthlyScheduleScreen() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const cal = usePlanCalendar();
  const today = cal.days[0];
  const [month, setMonth] = useState(today.slice(0, 7));
  const { grid, actual } = useMonthlyGrid(month, today);
  const monthLabel = new Intl.DateTimeFormat(lng === 'es' ? 'es-ES' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
  return (
    <Stack gap="lg" data-testid="monthly-schedule">
      <Group justify="space-between" wrap="wrap">
        <Button
          variant="default"
          size="lg"
          h={56}
          leftSection={<IconArrowLeft />}
          onClick={() => routeStore.setState({ route: { name: 'supervisor-board' } })}
        >
          {t('supervisor.monthly.back')}
        </Button>
        <Title order={1}>{t('supervisor.monthly.title')}</Title>
        <Group gap="sm" wrap="nowrap">
          <ActionIcon variant="default" aria-label={t('supervisor.monthly.previous')} onClick={() => setMonth((m) => addMonths(m, -1))}>
            <IconChevronLeft />
          </ActionIcon>
          <Text fw={800} size="xl" miw={220} ta="center" aria-live="polite" data-testid="monthly-month">
            {monthLabel}
          </Text>
          <ActionIcon variant="default" aria-label={t('supervisor.monthly.next')} onClick={() => setMonth((m) => addMonths(m, 1))}>
            <IconChevronRight />
          </ActionIcon>
        </Group>
      </Group>
      {actual.status === 'offline' ? (
        <Alert color="yellow" icon={<IconWifiOff />} data-testid="monthly-offline">
          {t('supervisor.monthly.offline')}
        </Alert>
      ) : actual.status === 'loading' ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{t('supervisor.monthly.loadingActual')}</Text>
        </Group>
      ) : null}
      {!grid ? <Loader /> : grid.rows.length === 0 ? <Alert color="gray">{t('supervisor.monthly.empty')}</Alert> : <MonthlyGridTable grid={grid} today={today} />}
    </Stack>
  );
}
