import { Paper } from '@mantine/core';
import type { OutboxEvent } from '../../data/db';
import { LabelPrintPanel } from './LabelPrintPanel';

/** Under "Saved": the lot the output created, ready to label (nothing when no lot was made). */
export function OutputLotPanel({ event }: { event: OutboxEvent }) {
  const lotId = (event.payload as { lotId?: unknown }).lotId;
  if (typeof lotId !== 'string') return null;
  return (
    <Paper withBorder p="md" radius="md">
      <LabelPrintPanel key={lotId} kind="lot" id={lotId} />
    </Paper>
  );
}
