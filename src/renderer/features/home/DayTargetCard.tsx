import { Badge, Card, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay, formatNumber } from '../../components/format';
import type { DayTargets } from '../../data/repositories/plans';
import { useLanguage, useLocalized } from '../../i18n/localized';

/** One T+2 day: planned quantity per work order and shift, and the day's total. */
export function DayTargetCard({ label, day, isToday }: { label: string; day: DayTargets; isToday: boolean }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const localized = useLocalized();
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      shadow={isToday ? 'md' : 'xs'}
      style={isToday ? { borderColor: 'var(--mantine-color-blue-8)', borderWidth: 3 } : undefined}
      aria-label={`${label} ${day.date}`}
      component="section"
      data-testid={`t2-day-${day.date}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3}>{label}</Title>
          <Text size="md" c="dimmed">
            {formatDay(day.date, lng)}
          </Text>
        </Group>
        {day.rows.length === 0 ? (
          <Text size="lg" c="dimmed" py="md">
            {t('home.noPlan')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" fz="md">
            <Table.Tbody>
              {day.rows.map((r) => (
                <Table.Tr key={`${r.workOrderId}|${r.shift}`}>
                  <Table.Td style={{ maxWidth: 0, width: '100%' }}>
                    <Text fw={700} size="md">
                      {r.workOrderId}
                    </Text>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {[r.productName, localized(r.operationName)].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="light" size="lg">
                      {t('home.shift', { shift: r.shift })}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text fw={700} size="lg">
                      {formatNumber(r.plannedQty, lng)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Divider />
        <Group justify="space-between">
          <Text size="lg" fw={600}>
            {t('home.dayTotal')}
          </Text>
          <Text size="xl" fw={800} data-testid="day-total">
            {formatNumber(day.total, lng)}
          </Text>
        </Group>
        {day.version > 0 ? (
          <Text size="xs" c="dimmed">
            {t('home.planVersion', { version: day.version })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
