import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconPackageOff, IconSend, IconTool, IconUsers, IconQuestionMark } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { EventPayload } from '../../../shared/sync/events';
import { formatNumber } from '../../components/format';
import { useRecorder } from '../../data/use-recorder';
import { useLanguage } from '../../i18n/localized';
import { useMaterialStock } from './useFloorData';

type Cause = EventPayload<'disruption.reported'>['cause'];
const CAUSES: { cause: Cause; icon: ReactNode }[] = [
  { cause: 'supply', icon: <IconPackageOff size={30} /> },
  { cause: 'labor', icon: <IconUsers size={30} /> },
  { cause: 'equipment', icon: <IconTool size={30} /> },
  { cause: 'quality', icon: <IconAlertTriangle size={30} /> },
  { cause: 'other', icon: <IconQuestionMark size={30} /> },
];

/**
 * Disruption report (procedure 4.2.4) in three taps: Report (opens this), a cause, Send. The line
 * and work order come from the screen; for a supply interruption the cached warehouse stock of the
 * operation's materials shows at once and travels with the report; the loss is prefilled with what
 * is still missing of today's target.
 */
export function DisruptionForm({
  lineId,
  lineName,
  workOrderId,
  suggestedLoss,
  onDone,
}: {
  lineId: string;
  lineName: string;
  workOrderId: string;
  suggestedLoss: number;
  onDone: (sent: boolean) => void;
}) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const record = useRecorder();
  const stock = useMaterialStock(workOrderId);
  const [cause, setCause] = useState<Cause | null>(null);
  const [loss, setLoss] = useState<number | string>(suggestedLoss);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!cause) return;
    const lossQty = typeof loss === 'number' ? Math.max(0, Math.round(loss)) : Number.parseInt(loss, 10);
    setSaving(true);
    record('disruption.reported', {
      disruptionId: `DIS-${uuidv7()}`,
      cause,
      lineId,
      workOrderId,
      description: description.trim() || t(`floor.disruption.causes.${cause}`),
      ...(stock && stock.length > 0 ? { stockCheck: stock.map((s) => ({ itemId: s.itemId, availableQty: s.availableQty, lots: s.lots })) } : {}),
      ...(Number.isFinite(lossQty) && lossQty >= 0 ? { estimatedLossQty: lossQty } : {}),
    })
      .then(() => onDone(true))
      .catch((err: unknown) => setError(t('floor.disruption.failed', { message: err instanceof Error ? err.message : String(err) })))
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('floor.disruption.report')}>
      <Stack gap="md">
        <Text size="lg" fw={600}>
          {t('floor.disruption.affected', { line: lineName, wo: workOrderId })}
        </Text>
        <Title order={3}>{t('floor.disruption.cause')}</Title>
        <SimpleGrid cols={{ base: 2, md: 3 }} role="radiogroup" aria-label={t('floor.disruption.cause')}>
          {CAUSES.map((c) => (
            <Button
              key={c.cause}
              role="radio"
              aria-checked={cause === c.cause}
              size="lg"
              h={80}
              color="red"
              variant={cause === c.cause ? 'filled' : 'light'}
              leftSection={c.icon}
              onClick={() => setCause(c.cause)}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
            >
              {t(`floor.disruption.causes.${c.cause}`)}
            </Button>
          ))}
        </SimpleGrid>
        {cause === 'supply' && stock ? (
          <Stack gap="xs" data-testid="stock-check">
            <Text size="lg" fw={700} id="stock-title">
              {t('floor.disruption.stockTitle')}
            </Text>
            <Table fz="md" aria-labelledby="stock-title">
              <Table.Tbody>
                {stock.map((s) => (
                  <Table.Tr key={s.itemId}>
                    <Table.Td fw={700} style={{ overflowWrap: 'anywhere' }}>
                      {s.itemName}
                    </Table.Td>
                    <Table.Td c={s.availableQty > 0 ? undefined : 'red.9'} fw={700}>
                      {t('floor.disruption.stockLine', { qty: formatNumber(s.availableQty, lng), unit: s.unit, count: s.lots })}
                      {s.blockedQty > 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('floor.disruption.stockBlocked', { qty: formatNumber(s.blockedQty, lng), unit: s.unit })}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : null}
        {cause ? (
          <Group grow align="flex-start">
            <NumberInput
              label={t('floor.disruption.loss')}
              value={loss}
              onChange={setLoss}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { height: 64, fontSize: '1.25rem' } }}
            />
            <TextInput
              label={t('floor.disruption.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              maxLength={500}
              styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { height: 64, fontSize: '1.25rem' } }}
            />
          </Group>
        ) : null}
        {error ? (
          <Alert color="red" variant="filled" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group grow>
          <Button type="submit" size="xl" h={72} color="red" leftSection={<IconSend size={28} />} disabled={!cause} loading={saving}>
            {t('floor.disruption.send')}
          </Button>
          <Button size="xl" h={72} variant="default" onClick={() => onDone(false)}>
            {t('floor.disruption.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
