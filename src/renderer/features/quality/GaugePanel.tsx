import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconHandStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gaugeStatusIssue } from '../../../shared/quality/gauge-gate';
import { useServices } from '../../app/services';
import { RecordError } from '../../data/record';
import { useRecorder } from '../../data/use-recorder';
import { useLocalized } from '../../i18n/localized';
import { useOperator } from '../../store/session-store';
import { useGateContext } from './useQualityData';

interface Impact {
  gaugeId: string;
  since: string | null;
  measured: { workOrderId: string | null; lotId: string | null; readings: number; first: string; last: string }[];
}

/**
 * The gauge register as seen here, and ISO 9001 7.1.5.2: marking a gauge out of tolerance lists
 * every work order and lot measured with it since its last good calibration (from central), which
 * can then be put on hold.
 */
export function GaugePanel() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { api, engine } = useServices();
  const record = useRecorder();
  const operator = useOperator();
  const ctx = useGateContext();
  const [gaugeId, setGaugeId] = useState('');
  const [reason, setReason] = useState('');
  const [impact, setImpact] = useState<Impact | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const mayMark = !!operator?.roles.some((r) => r === 'inspector' || r === 'admin');
  const gauge = ctx?.gauges.find((g) => g.id === gaugeId);
  const fail = (e: unknown) => setMessage({ ok: false, text: e instanceof RecordError || e instanceof Error ? e.message : String(e) });

  const markOutOfTolerance = async () => {
    if (!gauge || !reason.trim()) return setMessage({ ok: false, text: t('quality.gauges.reasonRequired') });
    try {
      await record('gauge.status.changed', { gaugeId: gauge.id, status: 'out-of-tolerance', reason: reason.trim() });
    } catch (e) {
      return fail(e);
    }
    await engine.syncNow().catch(() => undefined);
    const res = await api.central.fetch({ path: `/api/v1/quality/gauges/${encodeURIComponent(gauge.id)}/impact` });
    if (!res.ok || res.value.kind !== 'json') return setMessage({ ok: false, text: t('quality.gauges.impactFailed', { message: res.ok ? 'file' : res.error.message }) });
    setImpact(res.value.json as Impact);
    setMessage({ ok: true, text: t('quality.gauges.marked', { id: gauge.id }) });
  };

  const holdAll = async () => {
    if (!impact) return;
    try {
      for (const m of impact.measured) {
        const target = m.lotId ? { lotId: m.lotId } : m.workOrderId ? { workOrderId: m.workOrderId } : null;
        if (target) await record('lot.hold.requested', { ...target, gaugeId: impact.gaugeId, reason: t('quality.gauges.holdReason', { id: impact.gaugeId }) });
      }
      setMessage({ ok: true, text: t('quality.gauges.held', { n: impact.measured.length }) });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="gauges-title">
      <Stack gap="sm">
        <Title order={2} id="gauges-title">
          {t('quality.gauges.title')}
        </Title>
        <NativeSelect aria-label={t('quality.gauges.choose')} value={gaugeId} onChange={(e) => { setGaugeId(e.currentTarget.value); setImpact(null); setMessage(null); }} styles={{ input: { height: 56, fontSize: 18 } }}>
          <option value="">—</option>
          {(ctx?.gauges ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {`${g.id} · ${g.name} · ${g.status} · ${g.calibrationDueOn}`}
            </option>
          ))}
        </NativeSelect>
        {gauge && ctx ? (
          <Group gap="sm">
            <Badge size="lg" color={gaugeStatusIssue(gauge, ctx.today) ? 'red' : 'green'}>
              {gaugeStatusIssue(gauge, ctx.today) ? localized(gaugeStatusIssue(gauge, ctx.today)!.message) : t('quality.gauges.fit', { due: gauge.calibrationDueOn })}
            </Badge>
            {gauge.certificate ? <Text size="sm">{t('quality.gauges.certificate', { certificate: gauge.certificate })}</Text> : null}
          </Group>
        ) : null}
        {gauge && mayMark && gauge.status !== 'out-of-tolerance' ? (
          <Group align="flex-end" grow>
            <TextInput label={t('quality.gauges.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} styles={{ input: { height: 56, fontSize: 18 } }} />
            <Button size="lg" h={56} color="red" leftSection={<IconAlertTriangle />} onClick={() => void markOutOfTolerance()}>
              {t('quality.gauges.markOot')}
            </Button>
          </Group>
        ) : null}
        {message ? (
          <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </Alert>
        ) : null}
        {impact ? (
          <Stack gap="xs" data-testid="gauge-impact">
            <Text fw={700}>{t('quality.gauges.impactTitle', { since: impact.since ?? '—' })}</Text>
            {impact.measured.length === 0 ? <Text c="dimmed">{t('quality.gauges.nothingMeasured')}</Text> : null}
            {impact.measured.length > 0 ? (
              <Table striped fz="md">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('quality.gauges.workOrder')}</Table.Th>
                    <Table.Th>{t('quality.gauges.lot')}</Table.Th>
                    <Table.Th>{t('quality.gauges.readings')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {impact.measured.map((m) => (
                    <Table.Tr key={`${m.workOrderId ?? ''}|${m.lotId ?? ''}`}>
                      <Table.Td>{m.workOrderId ?? '—'}</Table.Td>
                      <Table.Td>{m.lotId ?? '—'}</Table.Td>
                      <Table.Td>{m.readings}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            {impact.measured.length > 0 ? (
              <Button size="lg" h={56} color="orange" leftSection={<IconHandStop />} onClick={() => void holdAll()}>
                {t('quality.gauges.holdAll')}
              </Button>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
