import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Characteristic } from '../../../shared/domain/plant';
import type { InspectionResult } from './inspection-session';
import { NcForm } from './NcForm';
import type { WorkOrderPlan } from './quality-repo';
import { ReportButtons } from './ReportButtons';
import { WarehouseReceiptForm } from './WarehouseReceiptForm';
import { resultText } from './format-quality';

export interface RecordedInspection {
  inspectionId: string;
  kind: 'first-article' | 'patrol' | 'final';
  verdict: 'pass' | 'fail';
  results: InspectionResult[];
  lotId: string | null;
}

/** After signing: the verdict, the Form 3 report, and an NC prefilled from what failed. */
export function InspectionDone({
  plan,
  inspection,
  characteristics,
  onNew,
}: {
  plan: WorkOrderPlan;
  inspection: RecordedInspection;
  characteristics: Characteristic[];
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const failed = inspection.results.filter((r) => r.verdict === 'fail');
  const byId = new Map(characteristics.map((c) => [c.id, c]));
  const firstFailed = byId.get(failed[0]?.characteristicId ?? '');
  const defectCode = firstFailed?.kind === 'attribute' ? (firstFailed.defectCodes[0] ?? '') : failed.length ? 'DF01' : '';
  const description = failed.map((r) => `${byId.get(r.characteristicId)?.name ?? r.characteristicId}: ${resultText(r)}`).join('; ');
  const pass = inspection.verdict === 'pass';
  return (
    <Stack gap="md">
      <Alert
        color={pass ? 'green' : 'red'}
        variant="filled"
        icon={pass ? <IconCircleCheck size={32} /> : <IconCircleX size={32} />}
        role="status"
        data-testid="inspection-recorded"
        title={t(pass ? 'quality.done.passed' : 'quality.done.failed', { kind: t(`quality.kind.${inspection.kind}`) })}
      >
        <Text c="white" size="lg">
          {t('quality.done.saved', { id: inspection.inspectionId, wo: plan.workOrder.id })}
        </Text>
      </Alert>
      {inspection.kind === 'first-article' ? <ReportButtons inspectionId={inspection.inspectionId} /> : null}
      {inspection.kind === 'final' && pass && inspection.lotId ? <WarehouseReceiptForm lotId={inspection.lotId} /> : null}
      {!pass ? (
        <NcForm
          prefill={{
            workOrderId: plan.workOrder.id,
            lotId: inspection.lotId,
            inspectionId: inspection.inspectionId,
            defectCode,
            description,
          }}
        />
      ) : null}
      <Group>
        <Button size="lg" h={56} variant="default" leftSection={<IconRefresh />} onClick={onNew}>
          {t('quality.done.new')}
        </Button>
      </Group>
    </Stack>
  );
}
