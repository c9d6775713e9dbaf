import { Alert, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RoleNav } from '../../app/RoleNav';
import { PlanRevisionBanner } from '../supervisor/PlanRevisionBanner';
import { useServices } from '../../app/services';
import { useLineTargets, usePlanCalendar, useQueue, useWorkstationInfo } from '../../data/hooks';
import { useRouteActions } from '../../store/route-store';
import { useWorkOrderScan } from '../work-order/useWorkOrderScan';
import { T2TargetsPanel } from './T2TargetsPanel';
import { WorkOrderQueue } from './WorkOrderQueue';
import { UnknownWorkOrderAlert } from '../work-order/UnknownWorkOrderAlert';

/** The workstation's day: T+2 targets of its line and its work-order queue. Scanning an order opens it. */
export function HomeScreen() {
  const { t } = useTranslation();
  const { info } = useServices();
  const cal = usePlanCalendar();
  const ws = useWorkstationInfo();
  const lineId = ws?.workstation?.lineId ?? null;
  const targets = useLineTargets(lineId, cal);
  const queue = useQueue(cal);
  const { workOrderOpened } = useRouteActions();
  const scan = useWorkOrderScan();
  return (
    <Stack gap="xl">
      <RoleNav />
      <PlanRevisionBanner lineId={lineId} today={cal.days[0]} />
      <UnknownWorkOrderAlert id={scan.unknownId} onDismiss={scan.dismiss} />
      {ws && !ws.workstation ? (
        <Alert color="yellow" icon={<IconInfoCircle />}>
          {t('home.workstationUnknown', { id: info.workstationId })}
        </Alert>
      ) : null}
      <T2TargetsPanel
        lineName={ws?.line?.name ?? lineId}
        days={lineId ? targets : ws ? cal.days.map((date) => ({ date, rows: [], total: 0, version: 0 })) : undefined}
      />
      <WorkOrderQueue items={queue} onOpen={workOrderOpened} />
    </Stack>
  );
}
