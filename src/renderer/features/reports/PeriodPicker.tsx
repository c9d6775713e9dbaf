import { ActionIcon, Group, SegmentedControl, TextInput } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { addDays, isoWeek } from '../../../shared/production-day';
import { isCalendarDate } from '../../../shared/domain/ids';
import type { ReportTab, ShortfallSpan } from './report-paths';

/**
 * The period a report covers, picked with big previous/next buttons (a day, a week or a month at
 * a time, by tab) or typed as a date.
 */
export function PeriodPicker({
  tab,
  date,
  span,
  onDate,
  onSpan,
}: {
  tab: ReportTab;
  date: string;
  span: ShortfallSpan;
  onDate: (date: string) => void;
  onSpan: (span: ShortfallSpan) => void;
}) {
  const { t } = useTranslation();
  const step = tab === 'weekly' || (tab === 'shortfall' && span === 'week') ? 7 : tab === 'monthly' || (tab === 'shortfall' && span === 'month') ? 'month' : 1;
  const move = (dir: 1 | -1) => {
    if (step === 'month') {
      const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
      const total = y * 12 + (m - 1) + dir;
      onDate(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`);
    } else onDate(addDays(date, dir * step));
  };
  const label = tab === 'weekly' ? isoWeek(date) : tab === 'monthly' ? date.slice(0, 7) : null;
  return (
    <Group gap="sm" wrap="wrap" align="end">
      <ActionIcon variant="default" aria-label={t('reports.previous')} onClick={() => move(-1)}>
        <IconChevronLeft size={30} />
      </ActionIcon>
      <TextInput
        type="date"
        label={label ? t('reports.periodOf', { period: label }) : t('reports.date')}
        value={date}
        onChange={(e) => {
          if (isCalendarDate(e.currentTarget.value)) onDate(e.currentTarget.value);
        }}
        w={280}
      />
      <ActionIcon variant="default" aria-label={t('reports.next')} onClick={() => move(1)}>
        <IconChevronRight size={30} />
      </ActionIcon>
      {tab === 'shortfall' ? (
        <SegmentedControl
          size="lg"
          value={span}
          onChange={(v) => onSpan(v)}
          aria-label={t('reports.span')}
          data={[
            { value: 'day', label: t('reports.spanDay') },
            { value: 'week', label: t('reports.spanWeek') },
            { value: 'month', label: t('reports.spanMonth') },
          ]}
        />
      ) : null}
    </Group>
  );
}
