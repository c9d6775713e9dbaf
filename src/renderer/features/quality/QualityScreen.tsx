import { Alert, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconClipboardOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReworkBadge } from '../../components/ReworkBadge';
import { useRouteActions } from '../../store/route-store';
import { FirstArticleFlagAlert } from './FirstArticleFlagAlert';
import { GaugePanel } from './GaugePanel';
import { InspectionPanel } from './InspectionPanel';
import { NcList } from './NcList';
import { SpcPanel } from './SpcPanel';
import { useWorkOrderPlan } from './useQualityData';
import { WorkOrderPicker } from './WorkOrderPicker';

/** The inspector's station (4.3, 4.4, 4.6, 4.10): inspect a work order, NCs, gauges. */
export function QualityScreen({ workOrderId: initial }: { workOrderId?: string | undefined }) {
  const { t } = useTranslation();
  const { homeRequested } = useRouteActions();
  const [workOrderId, setWorkOrderId] = useState<string | null>(initial ?? null);
  const plan = useWorkOrderPlan(workOrderId);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Button variant="default" size="lg" h={56} leftSection={<IconArrowLeft />} onClick={workOrderId ? () => setWorkOrderId(null) : homeRequested}>
          {workOrderId ? t('quality.backToPick') : t('header.back')}
        </Button>
        <Title order={1}>{t('quality.title')}</Title>
      </Group>
      {!workOrderId ? (
        <>
          <WorkOrderPicker onPick={setWorkOrderId} />
          <NcList workOrderId={null} />
          <GaugePanel />
        </>
      ) : plan === undefined ? (
        <Loader size="xl" aria-label={t('home.loading')} />
      ) : plan === null ? (
        <Alert color="red" role="alert">
          {t('quality.pick.unknown', { id: workOrderId })}
        </Alert>
      ) : (
        <Stack gap="lg">
          <Stack gap={0}>
            <Group gap="sm">
              <Title order={2} data-testid="inspection-wo">
                {plan.workOrder.id} · {plan.product?.name ?? plan.workOrder.productId}
              </Title>
              <ReworkBadge workOrder={plan.workOrder} />
            </Group>
            <Text c="dimmed" size="lg">
              {t('quality.operation', { op: plan.workOrder.operation, status: t(`status.${plan.workOrder.status}`) })}
            </Text>
          </Stack>
          <FirstArticleFlagAlert workOrderId={plan.workOrder.id} />
          {plan.characteristics.length === 0 ? (
            <Alert color="yellow" icon={<IconClipboardOff />}>
              {t('quality.noPlan')}
            </Alert>
          ) : (
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <InspectionPanel key={plan.workOrder.id} plan={plan} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Stack gap="lg">
                  <SpcPanel characteristics={plan.characteristics} />
                  <NcList workOrderId={plan.workOrder.id} />
                </Stack>
              </Grid.Col>
            </Grid>
          )}
        </Stack>
      )}
    </Stack>
  );
}
