import { Alert, Button, Group, NumberInput, Paper, Stack, TextInput, Title } from '@mantine/core';
import { IconBuildingWarehouse } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordError } from '../../data/record';
import { useRecorder } from '../../data/use-recorder';

const big = { label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { height: 56, fontSize: 18 } };

/** 4.10: a lot goes into the warehouse only after its final inspection passed; offered only then. */
export function WarehouseReceiptForm({ lotId }: { lotId: string }) {
  const { t } = useTranslation();
  const record = useRecorder();
  const [location, setLocation] = useState('');
  const [qty, setQty] = useState<number | string>('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = typeof qty === 'number' ? qty : Number(qty);
    if (!location.trim() || !(n > 0)) return setOutcome({ ok: false, text: t('quality.receipt.required') });
    try {
      await record('warehouse.received', { lotId, location: location.trim(), qty: n });
      setOutcome({ ok: true, text: t('quality.receipt.saved', { lot: lotId, location: location.trim() }) });
    } catch (err) {
      setOutcome({ ok: false, text: err instanceof RecordError || err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-labelledby="receipt-title">
      <Stack gap="sm">
        <Title order={3} id="receipt-title">
          {t('quality.receipt.title', { lot: lotId })}
        </Title>
        <Group grow align="flex-start">
          <TextInput label={t('quality.receipt.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} styles={big} />
          <NumberInput label={t('quality.receipt.qty')} value={qty} onChange={setQty} min={1} styles={big} />
        </Group>
        {outcome ? (
          <Alert color={outcome.ok ? 'teal' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </Alert>
        ) : null}
        {outcome?.ok ? null : (
          <Button type="submit" size="lg" h={56} leftSection={<IconBuildingWarehouse size={24} />}>
            {t('quality.receipt.submit')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
