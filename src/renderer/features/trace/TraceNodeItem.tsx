import { Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceNode } from '../../../shared/trace/types';

const kindColor = { lot: 'blue', 'material-lot': 'grape', package: 'teal' } as const;

function Facts({ node }: { node: TraceNode }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [];
  const add = (key: string, value: string | null | undefined) => {
    if (value) rows.push([t(`trace.node.${key}`), value]);
  };
  add('workOrder', node.workOrder ? [node.workOrder.id, node.workOrder.productId].filter(Boolean).join(' · ') : null);
  add('workstation', node.workstationId);
  add('operators', node.operators.join(', '));
  add('equipment', node.equipment.join(', '));
  add('gauges', node.gauges.join(', '));
  add('inspections', node.inspections.map((i) => `${i.inspectionId} ${t(`trace.inspection.${i.kind}`, { defaultValue: i.kind })}: ${t(`trace.verdict.${i.verdict}`, { defaultValue: i.verdict })}`).join('; '));
  add('ncs', node.ncs.map((n) => `${n.ncId} ${n.defectCode} (${n.qty})`).join('; '));
  add('serials', node.serials.length > 6 ? `${node.serials.slice(0, 6).join(', ')} … (${node.serials.length})` : node.serials.join(', '));
  add('createdAt', node.createdAt ? new Date(node.createdAt).toLocaleString() : null);
  if (rows.length === 0) return null;
  return (
    <Box component="dl" m={0} pl="xl">
      {rows.map(([k, v]) => (
        <Group key={k} gap="xs" wrap="nowrap" align="baseline">
          <Text component="dt" fw={700} size="sm" miw={140}>
            {k}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {v}
          </Text>
        </Group>
      ))}
    </Box>
  );
}

/** One lot or package in the genealogy tree, with its facts and children, expandable by touch. */
export function TraceNodeItem({ node, initiallyOpen }: { node: TraceNode; initiallyOpen: (n: TraceNode) => boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => initiallyOpen(node));
  const Icon = open ? IconChevronDown : IconChevronRight;
  return (
    <Box component="li" role="treeitem" aria-expanded={open} aria-label={`${t(`trace.kind.${node.kind}`)} ${node.id}`} data-testid="trace-node" data-node-id={node.id} style={{ listStyle: 'none' }}>
      <Button variant="subtle" h={56} px="xs" fullWidth justify="flex-start" onClick={() => setOpen((o) => !o)} leftSection={<Icon size={24} />}>
        <Group gap="sm" wrap="nowrap">
          <Badge color={kindColor[node.kind]} size="lg">
            {t(`trace.kind.${node.kind}`)}
          </Badge>
          <Text fw={700} size="lg">
            {node.id}
          </Text>
          <Text size="md" c="dimmed">
            {[node.itemId, node.qty !== null ? String(node.qty) : null, node.status ? t(`trace.status.${node.status}`, { defaultValue: node.status }) : null, node.location].filter(Boolean).join(' · ')}
          </Text>
          {node.ncs.length > 0 ? <Badge color="red">{t('trace.node.ncCount', { count: node.ncs.length })}</Badge> : null}
        </Group>
      </Button>
      {open ? (
        <Stack gap={4} pl="lg">
          <Facts node={node} />
          {node.children.length > 0 ? (
            <Box component="ul" role="group" m={0} p={0} pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-4)' }}>
              {node.children.map((c, i) => (
                <TraceNodeItem key={`${c.kind}:${c.id}:${i}`} node={c} initiallyOpen={initiallyOpen} />
              ))}
            </Box>
          ) : null}
        </Stack>
      ) : null}
    </Box>
  );
}
