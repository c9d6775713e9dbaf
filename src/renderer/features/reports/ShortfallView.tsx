import { CompositeChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pareto, type ShortfallReportData } from '../../../shared/reports/schemas';
import type { Language } from '../../i18n';
import { fmt } from './format-report';
import { StatTile } from './StatTile';

/**
 * The under-production analysis: every missing unit attributed to a cause, as a Pareto chart
 * (biggest cause first, cumulative share on the right axis) and a table whose rows add up to the
 * shortfall.
 */
export function ShortfallView({ report }: { report: ShortfallReportData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Language;
  const bars = useMemo(
    () => pareto(report.causes).map((b) => ({ ...b, label: t(`reports.cause.${b.cause}`) })),
    [report.causes, t],
  );
  const attributed = report.causes.reduce((s, c) => s + c.lostQty, 0);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md">
        <StatTile label={t('reports.shortfall')} value={fmt(report.shortfall, lng)} />
        <StatTile label={t('reports.attributed')} value={fmt(attributed, lng)} />
        <StatTile label={t('reports.topCause')} value={bars[0]?.label ?? '—'} />
      </SimpleGrid>
      {bars.length === 0 ? (
        <Text size="lg">{t('reports.noShortfall')}</Text>
      ) : (
        <Paper withBorder p="md" component="figure" m={0} aria-label={t('reports.paretoTitle')} data-testid="pareto-chart">
          <Title order={3} mb="sm">
            {t('reports.paretoTitle')}
          </Title>
          <CompositeChart
            h={320}
            data={bars}
            dataKey="label"
            withLegend
            withRightYAxis
            rightYAxisProps={{ domain: [0, 100], unit: '%' }}
            series={[
              { name: 'lostQty', label: t('reports.lostQty'), color: 'red.7', type: 'bar' },
              { name: 'cumulativePct', label: t('reports.cumulative'), color: 'dark.6', type: 'line', yAxisId: 'right' },
            ]}
          />
        </Paper>
      )}
      <Table striped fz="md" verticalSpacing="sm" aria-label={t('reports.causesTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.causeHeader')}</Table.Th>
            <Table.Th ta="right">{t('reports.lostQty')}</Table.Th>
            <Table.Th ta="right">{t('reports.records')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.causes.map((c) => (
            <Table.Tr key={c.cause}>
              <Table.Td>{t(`reports.cause.${c.cause}`)}</Table.Td>
              <Table.Td ta="right">{fmt(c.lostQty, lng)}</Table.Td>
              <Table.Td ta="right">{fmt(c.events, lng)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('reports.total')}</Table.Th>
            <Table.Th ta="right">{fmt(attributed, lng)}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Stack>
  );
}
