import { Alert, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconPackage } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { traceTargetOfScan } from '../../../shared/trace/scan-target';
import { useRouteActions } from '../../store/route-store';
import { useScanClaim } from '../../store/scan-router';
import { LabelPrintPanel } from '../trace/LabelPrintPanel';
import { usePackableLots, useRecordPackage, type PackResult } from './usePackaging';

/**
 * Packing (clause 4.9): choose (tap or scan their labels) the lots that go into a package, its
 * quantity, and record it; the package gets an SSCC and its label prints from here.
 */
export function PackagingScreen() {
  const { t } = useTranslation();
  const { homeRequested } = useRouteActions();
  const lots = usePackableLots();
  const recordPackage = useRecordPackage();
  const [selected, setSelected] = useState<string[]>([]);
  const [qty, setQty] = useState<number | ''>('');
  const [result, setResult] = useState<PackResult | null>(null);
  const [saving, setSaving] = useState(false);
  const total = (lots ?? []).filter((l) => selected.includes(l.lotId)).reduce((s, l) => s + l.qty, 0);
  const toggle = (lotId: string) => setSelected((s) => (s.includes(lotId) ? s.filter((x) => x !== lotId) : [...s, lotId]));
  useScanClaim((scan) => {
    const target = traceTargetOfScan(scan.text, scan.symbology);
    const id = target?.kind === 'lot' ? target.id : scan.text.trim();
    if ((lots ?? []).some((l) => l.lotId === id)) toggle(id);
  });
  const save = async () => {
    setSaving(true);
    const r = await recordPackage(selected, qty === '' ? total : qty);
    setSaving(false);
    setResult(r);
    if (r.ok) {
      setSelected([]);
      setQty('');
    }
  };
  return (
    <Stack gap="lg" p="lg" data-testid="packaging-screen">
      <Group justify="space-between">
        <Title order={1}>{t('trace.packaging.title')}</Title>
        <Button size="lg" h={56} variant="default" leftSection={<IconArrowLeft size={24} />} onClick={homeRequested}>
          {t('trace.back')}
        </Button>
      </Group>
      <Paper withBorder p="md">
        <Stack gap="md">
          <Text size="lg">{t('trace.packaging.hint')}</Text>
          {lots && lots.length === 0 ? <Text c="dimmed">{t('trace.packaging.noLots')}</Text> : null}
          <Checkbox.Group value={selected} onChange={setSelected} label={t('trace.packaging.lots')}>
            <Stack gap="xs" mt="xs">
              {(lots ?? []).map((l) => (
                <Checkbox key={l.lotId} size="lg" value={l.lotId} label={`${l.lotId} · ${l.itemId} · ${l.qty}${l.workOrderId ? ` · ${l.workOrderId}` : ''}`} styles={{ body: { minHeight: 56, alignItems: 'center' } }} />
              ))}
            </Stack>
          </Checkbox.Group>
          <NumberInput size="lg" label={t('trace.packaging.qty')} description={t('trace.packaging.qtyHint', { total })} value={qty} onChange={(v) => setQty(typeof v === 'number' ? v : '')} min={1} allowDecimal={false} styles={{ input: { height: 56 } }} />
          <Button size="xl" h={72} leftSection={<IconPackage size={32} />} disabled={selected.length === 0} loading={saving} onClick={() => void save()}>
            {t('trace.packaging.save')}
          </Button>
        </Stack>
      </Paper>
      {result && !result.ok ? (
        <Alert color="red" role="alert" icon={<IconAlertCircle />}>
          {t(`trace.packaging.error.${result.reason}`, { message: result.message ?? '' })}
        </Alert>
      ) : null}
      {result?.ok ? (
        <Paper withBorder p="md">
          <Alert color="green" role="status" mb="md">
            {t('trace.packaging.saved', { id: result.packageId })}
          </Alert>
          <LabelPrintPanel key={result.packageId} kind="package" id={result.packageId} />
        </Paper>
      ) : null}
    </Stack>
  );
}
