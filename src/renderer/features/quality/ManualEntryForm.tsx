import { Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Gauge } from '../../../shared/domain/plant';
import type { VariableCharacteristic } from '../../../shared/quality/tolerance';

const big = { label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { height: 56, fontSize: 20 } };

/**
 * Typing a value is the exception (instrument not connected, no data port): it needs the gauge it
 * was read on (which still has to pass the gate) and a reason, and is recorded as manual.
 */
export function ManualEntryForm({
  characteristic,
  gauges,
  onSubmit,
}: {
  characteristic: VariableCharacteristic;
  gauges: readonly Gauge[];
  onSubmit: (input: { value: string; reason: string; gaugeId: string | null }) => boolean;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const candidates = gauges.filter((g) => g.gaugeType === characteristic.gaugeType);
  const [gaugeId, setGaugeId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (onSubmit({ value, reason, gaugeId: gaugeId || null })) {
      setValue('');
      setReason('');
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="manual-title">
      <Stack gap="sm">
        <Title order={3} id="manual-title">
          {t('quality.manual.title', { name: characteristic.name })}
        </Title>
        <Group grow align="flex-start">
          <TextInput label={t('quality.manual.value', { unit: characteristic.unit })} value={value} onChange={(e) => setValue(e.currentTarget.value)} inputMode="decimal" styles={big} />
          <NativeSelect label={t('quality.manual.gauge')} value={gaugeId} onChange={(e) => setGaugeId(e.currentTarget.value)} styles={big}>
            <option value="">{t('quality.manual.chooseGauge')}</option>
            {candidates.map((g) => (
              <option key={g.id} value={g.id}>
                {`${g.id} · ${g.name}`}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <TextInput label={t('quality.manual.reason')} description={t('quality.manual.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} styles={big} />
        <Button type="submit" size="lg" h={56} leftSection={<IconKeyboard size={24} />} variant="light">
          {t('quality.manual.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
