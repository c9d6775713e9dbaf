import { Alert, Button, NativeSelect, NumberInput, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shortId } from './short-id';
import { useLocalized } from '../../i18n/localized';
import { RecordError } from '../../data/record';
import { useRecorder } from '../../data/use-recorder';
import { useDefectCodes } from './useQualityData';

const big = { label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { minHeight: 56, fontSize: 18 } };

export interface NcPrefill {
  workOrderId: string | null;
  lotId: string | null;
  inspectionId?: string;
  defectCode: string;
  description: string;
  /** Pieces concerned, when known (e.g. output flagged before the first article passed). */
  qty?: number;
}

/** Raise a nonconformance (4.4): prefilled from a failed inspection, or blank by hand. */
export function NcForm({ prefill, onRaised }: { prefill: NcPrefill; onRaised?: (ncId: string) => Promise<void> | void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const record = useRecorder();
  const codes = useDefectCodes();
  const [qty, setQty] = useState<number | string>(prefill.qty ?? 1);
  const [defectCode, setDefectCode] = useState(prefill.defectCode);
  const [description, setDescription] = useState(prefill.description);
  const [location, setLocation] = useState('');
  const [workOrderId, setWorkOrderId] = useState(prefill.workOrderId ?? '');
  const [outcome, setOutcome] = useState<{ ok: true; id: string } | { ok: false; message: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = typeof qty === 'number' ? qty : Number(qty);
    if (!Number.isInteger(n) || n < 1) return setOutcome({ ok: false, message: t('quality.nc.qtyRequired') });
    if (!defectCode) return setOutcome({ ok: false, message: t('quality.nc.codeRequired') });
    if (!workOrderId.trim() && !prefill.lotId) return setOutcome({ ok: false, message: t('quality.nc.targetRequired') });
    const ncId = shortId('NC');
    try {
      await record('nc.raised', {
        ncId,
        ...(workOrderId.trim() ? { workOrderId: workOrderId.trim() } : {}),
        ...(prefill.lotId ? { lotId: prefill.lotId } : {}),
        ...(prefill.inspectionId ? { inspectionId: prefill.inspectionId } : {}),
        qty: n,
        defectCode,
        description: description.trim(),
        ...(location.trim() ? { quarantineLocation: location.trim() } : {}),
      });
      setOutcome({ ok: true, id: ncId });
      await onRaised?.(ncId);
    } catch (err) {
      setOutcome({ ok: false, message: err instanceof RecordError || err instanceof Error ? err.message : String(err) });
    }
  };
  if (outcome?.ok) {
    return (
      <Alert color="orange" variant="filled" role="status" data-testid="nc-raised" icon={<IconAlertOctagon size={28} />}>
        {t('quality.nc.raised', { id: outcome.id })}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-labelledby="nc-title">
      <Stack gap="sm">
        <Title order={3} id="nc-title">
          {t('quality.nc.title')}
        </Title>
        <TextInput label={t('quality.nc.workOrder')} value={workOrderId} onChange={(e) => setWorkOrderId(e.currentTarget.value)} styles={big} />
        <NumberInput label={t('quality.nc.qty')} value={qty} onChange={setQty} min={1} allowDecimal={false} styles={big} />
        <NativeSelect label={t('quality.nc.defectCode')} value={defectCode} onChange={(e) => setDefectCode(e.currentTarget.value)} styles={big}>
          <option value="">{t('quality.nc.chooseCode')}</option>
          {(codes ?? []).map((c) => (
            <option key={c.key} value={c.code}>
              {`${c.code} · ${localized(c.name)}`}
            </option>
          ))}
        </NativeSelect>
        <Textarea label={t('quality.nc.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} rows={3} styles={big} />
        <TextInput label={t('quality.nc.quarantine')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} styles={big} />
        {outcome && !outcome.ok ? (
          <Alert color="red" role="alert">
            {outcome.message}
          </Alert>
        ) : null}
        <Button type="submit" size="xl" h={64} color="orange" leftSection={<IconAlertOctagon size={28} />}>
          {t('quality.nc.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
