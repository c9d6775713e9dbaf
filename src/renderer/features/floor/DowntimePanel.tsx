import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { formatTime } from '../../components/format';
import { useRecorder } from '../../data/use-recorder';
import { useLanguage, useLocalized } from '../../i18n/localized';
import type { EquipmentState } from './floor-repository';
import { useDowntimeReasons, useWorkstationEquipment } from './useFloorData';

const statusColor: Record<string, string> = { available: 'green', down: 'red', maintenance: 'yellow' };

/**
 * Equipment downtime (procedure 4.5) for this workstation's equipment: start with a reason code
 * from the plant's list, end it when the machine runs again. Central turns these into the
 * equipment's status for every terminal and into downtime intervals for the reports.
 */
export function DowntimePanel({ timeZone }: { timeZone: string | undefined }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const localized = useLocalized();
  const record = useRecorder();
  const equipment = useWorkstationEquipment();
  const reasons = useDowntimeReasons();
  const [choosing, setChoosing] = useState<EquipmentState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fail = (e: unknown) => setError(t('floor.downtime.failed', { message: e instanceof Error ? e.message : String(e) }));
  const start = (eq: EquipmentState, reasonCode: string) => {
    setError(null);
    record('downtime.started', { downtimeId: `DT-${uuidv7()}`, equipmentId: eq.id, reasonCode })
      .then(() => setChoosing(null))
      .catch(fail);
  };
  const end = (eq: EquipmentState) => {
    if (!eq.downtime) return;
    setError(null);
    record('downtime.ended', { downtimeId: eq.downtime.downtimeId, equipmentId: eq.id, reasonCode: eq.downtime.reasonCode }).catch(fail);
  };
  const reasonName = (code: string) => {
    const r = reasons?.find((x) => x.code === code);
    return r ? localized(r.name) : code;
  };

  return (
    <Paper withBorder p="lg" radius="md" shadow="sm" component="section" aria-labelledby="downtime-title">
      <Stack gap="md">
        <Title order={2} id="downtime-title">
          {t('floor.downtime.title')}
        </Title>
        {equipment && equipment.length === 0 ? <Text c="dimmed">{t('floor.downtime.none')}</Text> : null}
        {(equipment ?? []).map((eq) => (
          <Stack key={eq.id} gap="sm" data-testid="equipment" data-equipment={eq.id} data-status={eq.status}>
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text size="lg" fw={700} style={{ overflowWrap: 'anywhere' }}>
                {eq.name}
              </Text>
              <Group gap="xs">
                <Badge size="lg" color={statusColor[eq.status] ?? 'gray'}>
                  {t(`floor.downtime.status.${eq.status}`)}
                </Badge>
                {eq.downtime ? (
                  <Text size="md">{t('floor.downtime.since', { time: formatTime(eq.downtime.since, lng, timeZone), reason: reasonName(eq.downtime.reasonCode) })}</Text>
                ) : null}
              </Group>
            </Stack>
            {/* Full width under the name: equipment names are long and the button must stay whole. */}
            {eq.downtime ? (
              <Button size="lg" h={64} fullWidth color="green" leftSection={<IconPlayerPlay size={26} />} onClick={() => end(eq)}>
                {t('floor.downtime.end')}
              </Button>
            ) : choosing?.id === eq.id ? null : (
              <Button size="lg" h={64} fullWidth color="red" variant="light" leftSection={<IconPlayerStop size={26} />} onClick={() => setChoosing(eq)}>
                {t('floor.downtime.start')}
              </Button>
            )}
            {choosing?.id === eq.id ? (
              <Stack gap="sm">
                <Text size="lg" fw={700} id={`reasons-${eq.id}`}>
                  {t('floor.downtime.chooseReason', { name: eq.name })}
                </Text>
                <SimpleGrid cols={{ base: 2, md: 3 }} aria-labelledby={`reasons-${eq.id}`}>
                  {(reasons ?? []).map((r) => (
                    <Button key={r.code} size="lg" h={64} color="red" variant="light" onClick={() => start(eq, r.code)} styles={{ label: { whiteSpace: 'normal' } }}>
                      {localized(r.name)}
                    </Button>
                  ))}
                </SimpleGrid>
                <Button size="lg" h={56} variant="default" onClick={() => setChoosing(null)}>
                  {t('floor.downtime.cancel')}
                </Button>
              </Stack>
            ) : null}
          </Stack>
        ))}
        {error ? (
          <Alert color="red" variant="filled" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
