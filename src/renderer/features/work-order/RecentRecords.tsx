import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxState } from '../../data/db';
import { formatNumber, formatTime } from '../../components/format';
import type { OutputRecord } from '../../data/repositories/outbox';
import type { ReasonRow } from '../../data/repositories/rows';
import { useLanguage, useLocalized } from '../../i18n/localized';

const stateColor: Record<OutboxState, string> = { pending: 'orange', acked: 'green', rejected: 'red' };

/** This terminal's latest output records for the work order, with where each one stands. */
export function RecentRecords({
  records,
  reasons,
  timeZone,
  actions,
}: {
  records: OutputRecord[] | undefined;
  reasons: ReasonRow[] | undefined;
  timeZone: string | undefined;
  /** Per-record actions (the floor feature's correction by reversal). */
  actions?: (record: OutputRecord) => ReactNode;
}) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const localized = useLocalized();
  const reasonName = (code: string | null) => {
    if (!code) return '—';
    const r = reasons?.find((x) => x.code === code);
    return r ? localized(r.name) : code;
  };
  return (
    <Paper withBorder p="lg" radius="md" shadow="sm" component="section" aria-labelledby="records-title">
      <Stack gap="md">
        <Title order={2} id="records-title">
          {t('records.title')}
        </Title>
        {records && records.length === 0 ? (
          <Text size="lg" c="dimmed">
            {t('records.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={30 * 16} type="native">
            <Table
              striped
              verticalSpacing="sm"
              horizontalSpacing="xs"
              fz="md"
              layout="fixed"
              aria-labelledby="records-title"
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              <colgroup>
                <col style={{ width: '4.75rem' }} />
                <col style={{ width: '5.75rem' }} />
                <col style={{ width: '6.25rem' }} />
                <col />
                <col style={{ width: '8.75rem' }} />
              </colgroup>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th fz="sm">{t('records.time')}</Table.Th>
                  <Table.Th fz="sm" ta="right">
                    {t('records.good')}
                  </Table.Th>
                  <Table.Th fz="sm" ta="right">
                    {t('records.scrap')}
                  </Table.Th>
                  <Table.Th fz="sm">{t('records.reason')}</Table.Th>
                  <Table.Th fz="sm">{t('records.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(records ?? []).map((r) => (
                  <Table.Tr key={r.id} data-testid="output-record" data-state={r.state}>
                    <Table.Td>{formatTime(r.occurredAt, lng, timeZone)}</Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {formatNumber(r.goodQty, lng)}
                    </Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {formatNumber(r.scrapQty, lng)}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{reasonName(r.scrapReason)}</Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Badge color={stateColor[r.state]} size="lg" variant="filled" maw="100%">
                          {t(`records.${r.state}`)}
                        </Badge>
                        {r.isReversed ? (
                          <Badge color="gray" size="md" variant="outline" maw="100%">
                            {t('records.reversed')}
                          </Badge>
                        ) : null}
                        {r.state === 'rejected' && r.rejectReason ? (
                          <Text size="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>
                            {r.rejectReason}
                          </Text>
                        ) : null}
                        {actions?.(r)}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
