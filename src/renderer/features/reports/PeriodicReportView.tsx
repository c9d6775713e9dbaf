import { CompositeChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pareto, type PeriodicReportData } from '../../../shared/reports/schemas';
import { formatDay } from '../../components/format';
import type { Language } from '../../i18n';
import { attainmentColor, fmt, formatPct } from './format-report';
import { StatTile } from './StatTile';
import { TotalsTable } from './TotalsTable';

/** Weekly and monthly reports: the attainment trend per day, by workshop and product, top causes, rates. */
export function PeriodicReportView({ report }: { report: PeriodicReportData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Language;
  const trend = useMemo(
    () =>
      report.days.map((d) => ({
        day: formatDay(d.date, lng),
        planned: d.planned,
        good: d.good,
        attainmentPct: d.attainment === null ? null : Math.round(d.attainment * 1000) / 10,
      })),
    [report.days, lng],
  );
  const causes = useMemo(() => pareto(report.topCauses).map((c) => ({ ...c, label: t(`reports.cause.${c.cause}`) })), [report.topCauses, t]);
  const fa = report.firstArticle;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="md">
        <StatTile label={t('reports.planned')} value={fmt(report.totals.planned, lng)} />
        <StatTile label={t('reports.good')} value={fmt(report.totals.good, lng)} />
        <StatTile label={t('reports.attainment')} value={formatPct(report.totals.attainment, lng)} color={attainmentColor(report.totals.attainment)} />
        <StatTile label={t('reports.scrapRate')} value={formatPct(report.scrapRate, lng)} />
        <StatTile label={t('reports.faPassRate')} value={fa.total > 0 ? `${formatPct(fa.passRate, lng)} (${fa.passed}/${fa.total})` : '—'} />
      </SimpleGrid>
      <Paper withBorder p="md" component="figure" m={0} aria-label={t('reports.trendTitle')} data-testid="trend-chart">
        <Title order={3} mb="sm">
          {t('reports.trendTitle')}
        </Title>
        <CompositeChart
          h={300}
          data={trend}
          dataKey="day"
          withLegend
          withRightYAxis
          rightYAxisProps={{ domain: [0, 'auto'], unit: '%' }}
          series={[
            { name: 'planned', label: t('reports.planned'), color: 'gray.5', type: 'bar' },
            { name: 'good', label: t('reports.good'), color: 'teal.7', type: 'bar' },
            { name: 'attainmentPct', label: t('reports.attainment'), color: 'blue.8', type: 'line', yAxisId: 'right' },
          ]}
        />
      </Paper>
      {causes.length > 0 ? (
        <Paper withBorder p="md" component="figure" m={0} aria-label={t('reports.paretoTitle')}>
          <Title order={3} mb="sm">
            {t('reports.paretoTitle')}
          </Title>
          <CompositeChart
            h={260}
            data={causes}
            dataKey="label"
            withRightYAxis
            rightYAxisProps={{ domain: [0, 100], unit: '%' }}
            series={[
              { name: 'lostQty', label: t('reports.lostQty'), color: 'red.7', type: 'bar' },
              { name: 'cumulativePct', label: t('reports.cumulative'), color: 'dark.6', type: 'line', yAxisId: 'right' },
            ]}
          />
        </Paper>
      ) : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <TotalsTable title={t('reports.byWorkshop')} keyLabel={t('reports.workshop')} rows={report.byWorkshop.map((r) => ({ ...r, key: r.workshop }))} />
        <TotalsTable title={t('reports.byProduct')} keyLabel={t('reports.product')} rows={report.byProduct.map((r) => ({ ...r, key: r.product }))} />
      </SimpleGrid>
    </Stack>
  );
}
