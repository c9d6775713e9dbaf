import { Alert, Button, Grid, Loader, Stack } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePlanCalendar, useRecentOutput, useScrapReasons, useSettings, useWorkOrderDetail } from '../../data/hooks';
import { useRouteActions } from '../../store/route-store';
import { OutputForm } from './OutputForm';
import { RecentRecords } from './RecentRecords';
import { TransitionPanel } from './TransitionPanel';
import { useWorkOrderScan } from './useWorkOrderScan';
import { WorkOrderHeader } from './WorkOrderHeader';
import { UnknownWorkOrderAlert } from './UnknownWorkOrderAlert';
import { FloorPanels } from '../floor/FloorPanels';
import { ReadinessPanel } from '../floor/ReadinessPanel';
import { ReverseOutputButton } from '../floor/ReverseOutputButton';
import { useReadiness } from '../floor/useReadiness';
import { WipCard } from '../floor/WipCard';

/** One work order: what it is, how far it got, and recording output against it. */
export function WorkOrderScreen({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const cal = usePlanCalendar();
  const settings = useSettings();
  const detail = useWorkOrderDetail(workOrderId, cal);
  const records = useRecentOutput(workOrderId);
  const reasons = useScrapReasons();
  const { homeRequested } = useRouteActions();
  const scan = useWorkOrderScan();
  const readiness = useReadiness(workOrderId);

  const back = (
    <Button
      variant="default"
      size="lg"
      h={56}
      leftSection={<IconArrowLeft />}
      onClick={homeRequested}
      style={{ alignSelf: 'flex-start' }}
    >
      {t('header.back')}
    </Button>
  );

  if (detail === undefined) return <Loader size="xl" aria-label={t('home.loading')} />;
  if (detail === null) {
    return (
      <Stack gap="lg">
        {back}
        <Alert color="red" variant="filled" icon={<IconAlertCircle />} role="alert">
          {t('wo.notFound', { id: workOrderId })}
        </Alert>
      </Stack>
    );
  }
  const status = detail.workOrder.status;
  return (
    <Stack gap="lg">
      {back}
      <UnknownWorkOrderAlert id={scan.unknownId} onDismiss={scan.dismiss} />
      <WorkOrderHeader detail={detail} />
      <WipCard workOrderId={detail.workOrder.id} />
      {status === 'released' ? <ReadinessPanel controller={readiness} /> : null}
      <TransitionPanel workOrder={detail.workOrder} startGate={readiness.gate} />
      {!detail.isAssignedHere ? (
        <Alert color="yellow" icon={<IconInfoCircle />}>
          {t('wo.notAssigned')}
        </Alert>
      ) : null}
      {status === 'completed' || status === 'blocked' ? (
        <Alert color="yellow" icon={<IconInfoCircle />}>
          {t('wo.closedWarning', { status: t(`status.${status}`) })}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <OutputForm workOrderId={detail.workOrder.id} reasons={reasons} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <RecentRecords
            records={records}
            reasons={reasons}
            timeZone={settings?.timezone}
            actions={(r) => <ReverseOutputButton record={r} timeZone={settings?.timezone} />}
          />
        </Grid.Col>
      </Grid>
      <FloorPanels detail={detail} timeZone={settings?.timezone} />
    </Stack>
  );
}
