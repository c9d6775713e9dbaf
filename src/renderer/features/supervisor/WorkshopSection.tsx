import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardWorkshop } from '../../../shared/supervision/board';
import type { ProductionDays } from '../../data/repositories/work-orders';
import { DayAckCard } from './DayAckCard';
import { LineRow } from './LineRow';

interface Props {
  workshop: BoardWorkshop;
  days: ProductionDays;
  operatorNames: ReadonlyMap<string, string>;
  timezone: string;
}

/** One workshop: its three plan days (acknowledge each) and its lines. */
export const WorkshopSection = memo(function WorkshopSection({ workshop, days, operatorNames, timezone }: Props) {
  const { t } = useTranslation();
  const label = t('supervisor.board.workshop', { name: workshop.name });
  return (
    <Paper component="section" aria-label={label} withBorder radius="md" p="md" bg="gray.0">
      <Stack gap="md">
        <Title order={2}>{label}</Title>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {workshop.days.map((day, i) => (
            <DayAckCard
              key={day.date}
              day={day}
              dayIndex={i}
              workshopId={workshop.id}
              workshopName={workshop.name}
              operatorNames={operatorNames}
              timezone={timezone}
            />
          ))}
        </SimpleGrid>
        <Stack gap="sm">
          {workshop.lines.map((line) => (
            <LineRow key={line.id} line={line} days={days} timezone={timezone} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
});
