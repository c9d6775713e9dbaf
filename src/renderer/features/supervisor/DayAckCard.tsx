import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDay } from '../../../shared/supervision/board';
import { formatDay, formatTime } from '../../components/format';
import { useLanguage } from '../../i18n/localized';
import { useAcknowledge } from './useAcknowledge';

interface Props {
  day: BoardDay;
  dayIndex: number;
  workshopId: string;
  workshopName: string;
  operatorNames: ReadonlyMap<string, string>;
  timezone: string;
}

const dayKeys = ['supervisor.board.day0', 'supervisor.board.day1', 'supervisor.board.day2'] as const;

/** A day's plan version for a workshop: who acknowledged it, or the button to acknowledge it. */
export const DayAckCard = memo(function DayAckCard({ day, dayIndex, workshopId, workshopName, operatorNames, timezone }: Props) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { acknowledge, error, isSaving } = useAcknowledge();
  const nameOf = (id: string | null) => (id ? (operatorNames.get(id) ?? id) : '?');
  const dayLabel = `${t(dayKeys[dayIndex] ?? dayKeys[0])} · ${formatDay(day.date, lng)}`;
  return (
    <Card withBorder radius="md" padding="sm" data-testid={`plan-day-${workshopId}-${day.date}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Text fw={800} size="lg">
              {t(dayKeys[dayIndex] ?? dayKeys[0])}
            </Text>
            <Text size="sm" c="dimmed" fw={600}>
              {formatDay(day.date, lng)}
            </Text>
          </Stack>
          <Badge color={day.version > 0 ? 'blue' : 'gray'} variant="light">
            {day.version > 0 ? t('supervisor.ack.version', { version: day.version }) : t('supervisor.ack.noPlan')}
          </Badge>
        </Group>
        {day.version === 0 ? null : day.ack ? (
          <Group gap={6} wrap="nowrap" c={day.ack.isLocal ? 'yellow.9' : 'green.9'}>
            {day.ack.isLocal ? <IconClockHour4 aria-hidden /> : <IconCircleCheck aria-hidden />}
            <Text size="md" fw={700} data-testid="plan-ack-status">
              {day.ack.isLocal
                ? t('supervisor.ack.pending', { name: nameOf(day.ack.operatorId) })
                : t('supervisor.ack.acknowledged', {
                    name: nameOf(day.ack.operatorId),
                    time: formatTime(day.ack.acknowledgedAt, lng, timezone),
                  })}
            </Text>
          </Group>
        ) : (
          <>
            <Text size="md" fw={700} c={day.previousAck ? 'orange.9' : 'dimmed'} data-testid="plan-ack-status">
              {day.previousAck
                ? t('supervisor.ack.needsNew', { old: day.previousAck.planVersion, name: nameOf(day.previousAck.operatorId), version: day.version })
                : t('supervisor.ack.notYet')}
            </Text>
            <Button
              size="lg"
              h={56}
              loading={isSaving}
              aria-label={t('supervisor.ack.buttonLabel', { version: day.version, day: dayLabel, workshop: workshopName })}
              onClick={() => void acknowledge(day.date, workshopId, day.version)}
            >
              {t('supervisor.ack.button', { version: day.version })}
            </Button>
          </>
        )}
        {error ? (
          <Alert color="red" role="alert">
            {t('supervisor.ack.failed', { message: error })}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
});
