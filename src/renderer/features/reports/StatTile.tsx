import { Paper, Text } from '@mantine/core';

/** One big figure with its name, readable from a step away. */
export function StatTile({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={label}>
      <Text size="sm" c="dimmed" fw={700} tt="uppercase">
        {label}
      </Text>
      <Text fz={36} fw={800} lh={1.1} c={color} data-testid="stat-value">
        {value}
      </Text>
    </Paper>
  );
}
