import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DailyReportData } from '../../../shared/reports/schemas';
import type { Language } from '../../i18n';
import { attainmentColor, fmt, formatPct } from './format-report';
import { StatTile } from './StatTile';

/** Planned vs good vs scrap per line, for the chart. */
export function byLine(report: DailyReportData): { line: string; planned: number; good: number; scrap: number }[] {
  const acc = new Map<string, { planned: number; good: number; scrap: number }>();
  for (const r of report.rows) {
    const key = `${r.workshop} · ${r.line}`;
    const t = acc.get(key) ?? { planned: 0, good: 0, scrap: 0 };
    acc.set(key, { planned: t.planned + r.planned, good: t.good + r.good, scrap: t.scrap + r.scrap });
  }
  return [...acc.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([line, t]) => ({ line, ...t }));
}

/** The 4.11 daily production report: totals, a chart per line, and every row with its attainment. */
export function DailyReportView({ report }: { report: DailyReportData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Language;
  const lines = useMemo(() => byLine(report), [report]);
  const { totals } = report;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="md">
        <StatTile label={t('reports.planned')} value={fmt(totals.planned, lng)} />
        <StatTile label={t('reports.good')} value={fmt(totals.good, lng)} />
        <StatTile label={t('reports.scrap')} value={fmt(totals.scrap, lng)} />
        <StatTile label={t('reports.attainment')} value={formatPct(totals.attainment, lng)} color={attainmentColor(totals.attainment)} />
        <StatTile label={t('reports.shortfall')} value={fmt(totals.shortfall, lng)} />
      </SimpleGrid>
      <Text c="dimmed">{t('reports.planVersion', { version: report.planVersion })}</Text>
      {lines.length > 0 ? (
        <Paper withBorder p="md" component="figure" m={0} aria-label={t('reports.byLineChart')}>
          <Title order={3} mb="sm">
            {t('reports.byLineChart')}
          </Title>
          <BarChart
            h={280}
            data={lines}
            dataKey="line"
            withLegend
            tickLine="y"
            series={[
              { name: 'planned', label: t('reports.planned'), color: 'gray.5' },
              { name: 'good', label: t('reports.good'), color: 'teal.7' },
              { name: 'scrap', label: t('reports.scrap'), color: 'red.7' },
            ]}
          />
        </Paper>
      ) : null}
      {report.rows.length === 0 ? (
        <Text size="lg">{t('reports.noRows')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover fz="md" verticalSpacing="sm" aria-label={t('reports.dailyTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.workshop')}</Table.Th>
                <Table.Th>{t('reports.line')}</Table.Th>
                <Table.Th>{t('reports.order')}</Table.Th>
                <Table.Th>{t('reports.operation')}</Table.Th>
                <Table.Th>{t('reports.product')}</Table.Th>
                <Table.Th ta="right">{t('reports.planned')}</Table.Th>
                <Table.Th ta="right">{t('reports.good')}</Table.Th>
                <Table.Th ta="right">{t('reports.scrap')}</Table.Th>
                <Table.Th ta="right">{t('reports.attainment')}</Table.Th>
                <Table.Th ta="right">{t('reports.shortfall')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((r) => (
                <Table.Tr key={`${r.productionOrder}/${r.operation}/${r.line}`}>
                  <Table.Td>{r.workshop}</Table.Td>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>{r.productionOrder}</Table.Td>
                  <Table.Td>{r.operation}</Table.Td>
                  <Table.Td>{r.product}</Table.Td>
                  <Table.Td ta="right">{fmt(r.planned, lng)}</Table.Td>
                  <Table.Td ta="right">{fmt(r.good, lng)}</Table.Td>
                  <Table.Td ta="right">{fmt(r.scrap, lng)}</Table.Td>
                  <Table.Td ta="right">
                    <Text span fw={800} c={attainmentColor(r.attainment)}>
                    {formatPct(r.attainment, lng)}
                  </Text>
                  </Table.Td>
                  <Table.Td ta="right">{fmt(r.shortfall, lng)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
