import { Alert, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lotOfScan } from '../../../shared/labels/scan-lot';
import type { FinalSample } from '../../../shared/quality/sampling';
import { useServices } from '../../app/services';
import { useScanClaim } from '../../store/scan-router';
import { findLot } from './quality-repo';

type Notice = { kind: 'scanned'; lotId: string } | { kind: 'other-wo'; lotId: string; workOrderId: string } | { kind: 'not-lot'; text: string };

/**
 * The final inspection's lot (4.10): scanning the lot's label (GS1 AI 10) fills it, and the lot
 * size too when this terminal knows the lot; typing stays as the fallback. While this is shown it
 * claims scans, so a badge or work-order scan says it is not a lot label instead of going astray.
 */
export function FinalLotFields({
  workOrderId,
  lotId,
  lotSize,
  sample,
  onLotId,
  onLotSize,
}: {
  workOrderId: string;
  lotId: string;
  lotSize: string;
  sample: FinalSample | null;
  onLotId: (lotId: string) => void;
  onLotSize: (lotSize: string) => void;
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [notice, setNotice] = useState<Notice | null>(null);
  useScanClaim((scan) => {
    const found = lotOfScan(scan.text.trim(), scan.symbology);
    if (!found) return setNotice({ kind: 'not-lot', text: scan.text.trim() });
    onLotId(found.lotId);
    setNotice(found.workOrderId && found.workOrderId !== workOrderId ? { kind: 'other-wo', lotId: found.lotId, workOrderId: found.workOrderId } : { kind: 'scanned', lotId: found.lotId });
    void findLot(db, found.lotId).then((lot) => {
      if (lot && lot.qty > 0) onLotSize(String(lot.qty));
    });
  });
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <IconBarcode size={24} aria-hidden />
        <Text size="lg">{t('quality.finalScan.hint')}</Text>
      </Group>
      <Group grow align="flex-end">
        <TextInput size="lg" label={t('quality.final.lot')} value={lotId} onChange={(e) => onLotId(e.currentTarget.value)} data-testid="final-lot" />
        <TextInput size="lg" label={t('quality.final.lotSize')} value={lotSize} onChange={(e) => onLotSize(e.currentTarget.value)} inputMode="numeric" />
        <Text size="lg" fw={700} data-testid="final-sample">
          {sample?.ok ? t('quality.final.sample', { n: sample.sampleSize }) : sample ? t(`quality.final.${sample.reason}`) : ''}
        </Text>
      </Group>
      {notice ? (
        <Alert
          color={notice.kind === 'scanned' ? 'teal' : notice.kind === 'other-wo' ? 'yellow' : 'red'}
          role={notice.kind === 'scanned' ? 'status' : 'alert'}
          data-testid="final-lot-scan"
          withCloseButton
          onClose={() => setNotice(null)}
        >
          {notice.kind === 'scanned'
            ? t('quality.finalScan.filled', { lot: notice.lotId })
            : notice.kind === 'other-wo'
              ? t('quality.finalScan.otherWorkOrder', { lot: notice.lotId, wo: notice.workOrderId, current: workOrderId })
              : t('quality.finalScan.notLot', { text: notice.text })}
        </Alert>
      ) : null}
    </Stack>
  );
}
