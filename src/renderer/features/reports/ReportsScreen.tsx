import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dailyReportSchema, periodicReportSchema, shortfallReportSchema } from '../../../shared/reports/schemas';
import { usePlanCalendar, useSettings } from '../../data/hooks';
import { useRouteActions } from '../../store/route-store';
import { DailyReportView } from './DailyReportView';
import { ExportButtons } from './ExportButtons';
import { PeriodicReportView } from './PeriodicReportView';
import { PeriodPicker } from './PeriodPicker';
import { reportPath, type ReportTab, type ShortfallSpan } from './report-paths';
import { ReportStatus } from './ReportStatus';
import { ShortfallView } from './ShortfallView';
import { useCentralReport } from './useCentralReport';

const tabs: readonly ReportTab[] = ['daily', 'shortfall', 'weekly', 'monthly'];

/** Clause 4.11 on the terminal: daily report, under-production analysis, weekly and monthly reports. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const cal = usePlanCalendar();
  const settings = useSettings();
  const { homeRequested } = useRouteActions();
  const [tab, setTab] = useState<ReportTab>('daily');
  const [picked, setPicked] = useState<string | null>(null);
  const [span, setSpan] = useState<ShortfallSpan>('day');
  const date = picked ?? cal.days[0];
  const path = reportPath(tab, date, span);

  const daily = useCentralReport(tab === 'daily' ? path : null, dailyReportSchema);
  const shortfall = useCentralReport(tab === 'shortfall' ? path : null, shortfallReportSchema);
  const periodic = useCentralReport(tab === 'weekly' || tab === 'monthly' ? path : null, periodicReportSchema);
  const state = tab === 'daily' ? daily : tab === 'shortfall' ? shortfall : periodic;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Button variant="default" size="lg" h={56} leftSection={<IconArrowLeft />} onClick={homeRequested}>
          {t('header.back')}
        </Button>
        <Title order={1}>{t('reports.title')}</Title>
      </Group>
      <Tabs value={tab} onChange={(v) => v && setTab(v as ReportTab)} variant="pills" keepMounted={false}>
        <Tabs.List>
          {tabs.map((id) => (
            <Tabs.Tab key={id} value={id} fz="lg" h={56} px="lg">
              {t(`reports.tab.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group justify="space-between" align="end" wrap="wrap">
        <PeriodPicker tab={tab} date={date} span={span} onDate={setPicked} onSpan={setSpan} />
        <ExportButtons path={path} baseName={`${tab}-${date}`} />
      </Group>
      <ReportStatus state={state} timeZone={settings?.timezone} />
      {tab === 'daily' && daily.data ? <DailyReportView report={daily.data} /> : null}
      {tab === 'shortfall' && shortfall.data ? <ShortfallView report={shortfall.data} /> : null}
      {(tab === 'weekly' || tab === 'monthly') && periodic.data ? <PeriodicReportView report={periodic.data} /> : null}
    </Stack>
  );
}
