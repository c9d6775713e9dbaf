import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { attainmentColor, fmt, formatPct } from './format-report';

export interface TotalsRow {
  key: string;
  planned: number;
  good: number;
  scrap: number;
  shortfall: number;
  attainment: number | null;
}

/** Planned / good / scrap / attainment / shortfall per workshop or per product. */
export function TotalsTable({ title, keyLabel, rows }: { title: string; keyLabel: string; rows: TotalsRow[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Language;
  return (
    <Stack gap="xs">
      <Title order={3}>{title}</Title>
      {rows.length === 0 ? (
        <Text>{t('reports.noRows')}</Text>
      ) : (
        <Table striped fz="md" verticalSpacing="sm" aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{keyLabel}</Table.Th>
              <Table.Th ta="right">{t('reports.planned')}</Table.Th>
              <Table.Th ta="right">{t('reports.good')}</Table.Th>
              <Table.Th ta="right">{t('reports.scrap')}</Table.Th>
              <Table.Th ta="right">{t('reports.attainment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.key}</Table.Td>
                <Table.Td ta="right">{fmt(r.planned, lng)}</Table.Td>
                <Table.Td ta="right">{fmt(r.good, lng)}</Table.Td>
                <Table.Td ta="right">{fmt(r.scrap, lng)}</Table.Td>
                <Table.Td ta="right">
                  <Text span fw={800} c={attainmentColor(r.attainment)}>
                    {formatPct(r.attainment, lng)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
