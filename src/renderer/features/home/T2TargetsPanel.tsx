import { Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DayTargets } from '../../data/repositories/plans';
import { DayTargetCard } from './DayTargetCard';

const dayLabels = ['home.today', 'home.tomorrow', 'home.dayAfter'] as const;

/** Today / Tomorrow / Day after for this workstation's line. */
export function T2TargetsPanel({ lineName, days }: { lineName: string | null; days: DayTargets[] | undefined }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="t2-title">
      <Title order={2} id="t2-title">
        {lineName ? t('home.targetsTitle', { line: lineName }) : t('home.targetsTitleNoLine')}
      </Title>
      {days === undefined ? (
        <Loader aria-label={t('home.loading')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {days.map((day, i) => (
            <DayTargetCard key={day.date} label={t(dayLabels[i] ?? 'home.dayAfter')} day={day} isToday={i === 0} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
