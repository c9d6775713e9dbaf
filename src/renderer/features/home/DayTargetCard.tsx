import { Card, Divider, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay, formatNumber } from '../../components/format';
import type { DayTargets } from '../../data/repositories/plans';
import { useLanguage, useLocalized } from '../../i18n/localized';
import { targetsByWorkOrder } from './day-summary';

const tabular = { fontVariantNumeric: 'tabular-nums' } as const;

/**
 * One T+2 day: each planned work order once, with its full product name, its day total (big) and
 * the split by shift (small), then the day's total.
 */
export function DayTargetCard({ label, day, isToday }: { label: string; day: DayTargets; isToday: boolean }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const localized = useLocalized();
  const lines = targetsByWorkOrder(day.rows);
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      shadow={isToday ? 'md' : 'xs'}
      style={isToday ? { borderColor: 'var(--mantine-color-blue-8)', borderWidth: 3 } : undefined}
      aria-label={`${label} ${day.date}`}
      component="section"
      data-testid={`t2-day-${day.date}`}
    >
      <Stack gap="xs" h="100%">
        <Stack gap={0}>
          <Title order={3}>{label}</Title>
          <Text size="sm" c="dimmed" fw={600}>
            {formatDay(day.date, lng)}
          </Text>
        </Stack>
        {lines.length === 0 ? (
          <Text size="lg" c="dimmed" py="md" style={{ flex: 1 }}>
            {t('home.noPlan')}
          </Text>
        ) : (
          <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none', flex: 1 }}>
            {lines.map((l) => {
              const shifts = l.shifts.map((s) => t('home.shiftQty', { shift: s.shift, qty: formatNumber(s.qty, lng) }));
              const operation = localized(l.operationName);
              return (
                <li
                  key={l.workOrderId}
                  data-testid="t2-work-order"
                  data-work-order-id={l.workOrderId}
                  style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
                >
                  <Stack gap={2} py={10}>
                    <Group wrap="nowrap" justify="space-between" align="baseline" gap="sm">
                      <Text size="md" fw={800} lh={1.2} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                        {l.workOrderId}
                      </Text>
                      <Text size="xl" fw={800} lh={1.1} style={tabular} data-testid="t2-wo-total">
                        {formatNumber(l.total, lng)}
                      </Text>
                    </Group>
                    <Text
                      size="sm"
                      lh={1.3}
                      lineClamp={3}
                      title={l.productName ?? undefined}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {l.productName ?? operation}
                    </Text>
                    <Text size="xs" c="dimmed" fw={600} style={tabular} data-testid="t2-shifts">
                      <span aria-hidden>{shifts.join(' · ')}</span>
                      <VisuallyHidden>
                        {l.shifts
                          .map((s) => t('home.shiftQtyLong', { shift: s.shift, qty: formatNumber(s.qty, lng) }))
                          .join(', ')}
                      </VisuallyHidden>
                    </Text>
                  </Stack>
                </li>
              );
            })}
          </Stack>
        )}
        <Divider size="sm" />
        <Group justify="space-between" wrap="nowrap">
          <Text size="md" fw={700}>
            {t('home.dayTotal')}
          </Text>
          <Text size="xl" fw={800} style={tabular} data-testid="day-total">
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
