import { ScrollArea, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridCell, MonthlyGrid } from '../../../shared/supervision/monthly-grid';
import { formatNumber } from '../../components/format';
import { useLanguage } from '../../i18n/localized';

const tabular = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Actual below plan on a past day is red, at or above it green; future days show the plan alone. */
function cellColor(c: GridCell, today: string): string | undefined {
  if (c.actual === null || c.plan === 0 || c.date === '' || c.date > today) return undefined;
  if (c.actual >= c.plan) return 'var(--mantine-color-green-1)';
  return c.date < today ? 'var(--mantine-color-red-1)' : undefined;
}

/** Product rows by day columns; each cell "plan / actual" (actual only where known). Scrolls sideways. */
export function MonthlyGridTable({ grid, today }: { grid: MonthlyGrid; today: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const n = (x: number) => formatNumber(x, lng);
  const todayRef = useRef<HTMLTableCellElement>(null);
  // A month is wider than the screen: bring today's column into view (jsdom has no scrollIntoView).
  useEffect(() => {
    todayRef.current?.scrollIntoView?.({ inline: 'center', block: 'nearest' });
  }, [grid.dates]);
  const cell = (c: GridCell, key: string, bold = false) => (
    <Table.Td key={key} style={{ ...tabular, background: cellColor(c, today), textAlign: 'right' }} data-date={c.date}>
      <Text span fw={bold ? 800 : 700} size="md" c={c.plan > 0 ? undefined : 'dimmed'}>
        {c.plan > 0 ? n(c.plan) : '·'}
      </Text>
      {c.actual !== null && (c.plan > 0 || c.actual > 0) ? (
        <Text span size="md" c={c.date !== '' && c.actual < c.plan && c.date < today ? 'red.9' : 'green.9'} fw={700}>
          {' / '}
          {n(c.actual)}
        </Text>
      ) : null}
    </Table.Td>
  );
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Text size="sm" c="dimmed" mb={4}>
        {t('supervisor.monthly.planVsActual')}
      </Text>
      <Table withTableBorder withColumnBorders striped highlightOnHover verticalSpacing="sm" fz="md" aria-label={t('supervisor.monthly.title')} data-testid="monthly-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ position: 'sticky', left: 0, background: 'white', zIndex: 1, minWidth: 220 }}>{t('supervisor.monthly.product')}</Table.Th>
            {grid.dates.map((d) => (
              <Table.Th
                key={d}
                ref={d === today ? todayRef : undefined}
                style={{ textAlign: 'right', background: d === today ? 'var(--mantine-color-blue-1)' : undefined }}
              >
                {d.slice(8)}
              </Table.Th>
            ))}
            <Table.Th style={{ textAlign: 'right' }}>{t('supervisor.monthly.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grid.rows.map((r) => (
            <Table.Tr key={r.productId} data-testid={`monthly-row-${r.productId}`}>
              <Table.Th scope="row" style={{ position: 'sticky', left: 0, background: 'white', zIndex: 1 }}>
                <Text fw={800} size="md">
                  {r.productId}
                </Text>
                <Text size="sm" c="dimmed" lineClamp={1} maw={260}>
                  {r.name}
                </Text>
              </Table.Th>
              {r.cells.map((c) => cell(c, c.date))}
              {cell({ date: '', plan: r.plan, actual: r.actual }, 'total', true)}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row" style={{ position: 'sticky', left: 0, background: 'white', zIndex: 1 }}>
              {t('supervisor.monthly.total')}
            </Table.Th>
            {grid.totals.map((c) => cell(c, c.date, true))}
            {cell({ date: '', plan: grid.plan, actual: grid.actual }, 'total', true)}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
