import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconCheck, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/format';
import { useRecorder } from '../../data/use-recorder';
import { useLanguage } from '../../i18n/localized';
import { DisruptionForm } from './DisruptionForm';
import { useLineName, useOpenDisruptions } from './useFloorData';

/** Report a disruption for this line and work order, and see / resolve the line's open ones. */
export function DisruptionPanel({
  lineId,
  workOrderId,
  suggestedLoss,
  timeZone,
}: {
  lineId: string;
  workOrderId: string;
  suggestedLoss: number;
  timeZone: string | undefined;
}) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const record = useRecorder();
  const open = useOpenDisruptions(lineId);
  const lineName = useLineName(lineId);
  const [reporting, setReporting] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const resolve = (disruptionId: string) => {
    setError(null);
    record('disruption.resolved', { disruptionId }).catch((e: unknown) =>
      setError(t('floor.disruption.failed', { message: e instanceof Error ? e.message : String(e) })),
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" shadow="sm" component="section" aria-labelledby="disruption-title">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} id="disruption-title">
            {t('floor.disruption.title')}
          </Title>
          {!reporting ? (
            <Button
              size="xl"
              h={72}
              color="red"
              leftSection={<IconAlertOctagon size={30} />}
              onClick={() => {
                setSent(false);
                setReporting(true);
              }}
            >
              {t('floor.disruption.report')}
            </Button>
          ) : null}
        </Group>
        {reporting ? (
          <DisruptionForm
            lineId={lineId}
            lineName={lineName}
            workOrderId={workOrderId}
            suggestedLoss={suggestedLoss}
            onDone={(wasSent) => {
              setReporting(false);
              setSent(wasSent);
            }}
          />
        ) : null}
        {sent ? (
          <Alert color="green" icon={<IconCircleCheck />} role="status">
            <Text size="lg" fw={700}>
              {t('floor.disruption.sent')}
            </Text>
          </Alert>
        ) : null}
        <Text size="lg" fw={700} id="open-disruptions-title">
          {t('floor.disruption.open')}
        </Text>
        {open && open.length === 0 ? (
          <Text size="md" c="dimmed">
            {t('floor.disruption.none')}
          </Text>
        ) : null}
        <Stack gap="sm" aria-labelledby="open-disruptions-title" role="list">
          {(open ?? []).map((d) => (
            <Group key={d.disruptionId} justify="space-between" wrap="nowrap" role="listitem" data-testid="open-disruption">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Badge color="red" size="lg">
                    {t(`floor.disruption.causes.${d.cause}`, { defaultValue: d.cause })}
                  </Badge>
                  <Text size="md">{formatTime(d.reportedAt, lng, timeZone)}</Text>
                  {d.workOrderId ? <Text size="md">{d.workOrderId}</Text> : null}
                  {d.isLocal ? (
                    <Badge color="orange" variant="outline">
                      {t('floor.disruption.local')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="md" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }} lineClamp={3}>
                  {d.description}
                </Text>
              </Stack>
              <Button size="lg" h={56} variant="light" color="green" leftSection={<IconCheck size={24} />} onClick={() => resolve(d.disruptionId)}>
                {t('floor.disruption.resolve')}
              </Button>
            </Group>
          ))}
        </Stack>
        {error ? (
          <Alert color="red" variant="filled" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
