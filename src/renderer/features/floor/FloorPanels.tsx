import { Grid } from '@mantine/core';
import type { WorkOrderDetail } from '../../data/repositories/work-orders';
import { DisruptionPanel } from './DisruptionPanel';
import { DowntimePanel } from './DowntimePanel';

/** Disruptions of the work order's line and downtime of this workstation's equipment, side by side. */
export function FloorPanels({ detail, timeZone }: { detail: WorkOrderDetail; timeZone: string | undefined }) {
  const wo = detail.workOrder;
  // What is still missing of today's target is the natural first guess of the loss.
  const suggestedLoss = Math.max(0, detail.todayTarget - detail.progress.good);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <DisruptionPanel lineId={wo.lineId} workOrderId={wo.id} suggestedLoss={suggestedLoss} timeZone={timeZone} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <DowntimePanel timeZone={timeZone} />
      </Grid.Col>
    </Grid>
  );
}
