import { Alert, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { recallPath } from '../../../shared/trace/scan-target';
import type { RecallResponse } from '../../../shared/trace/types';
import { TraceExportButtons } from './TraceExportButtons';
import { useCentralJson } from './useCentralJson';

/** Recall of a suspect lot: every lot made from it (finished ones marked) and every package holding one. */
export function RecallView({ lotId, onError }: { lotId: string; onError: (m: string) => void }) {
  const { t } = useTranslation();
  const state = useCentralJson<RecallResponse>(recallPath(lotId));
  if (state.kind === 'loading' || state.kind === 'idle') return <Loader />;
  if (state.kind === 'failed') return <Alert color="red" role="alert">{t('trace.failed', { message: state.message })}</Alert>;
  const r = state.value;
  return (
    <Stack gap="md" data-testid="recall-view">
      <Title order={3}>{t('trace.recall.title', { id: lotId })}</Title>
      <Text size="lg">{t('trace.recall.summary', { lots: r.lots.length, packages: r.packages.length })}</Text>
      <TraceExportButtons path={recallPath(lotId)} fileBase={`recall-${lotId}`} onError={onError} />
      <Table striped fz="md" verticalSpacing="sm" aria-label={t('trace.recall.lots')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('trace.recall.lot')}</Table.Th>
            <Table.Th>{t('trace.node.item')}</Table.Th>
            <Table.Th>{t('trace.node.qty')}</Table.Th>
            <Table.Th>{t('trace.node.status')}</Table.Th>
            <Table.Th>{t('trace.node.location')}</Table.Th>
            <Table.Th>{t('trace.node.workOrder')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.lots.map((l) => (
            <Table.Tr key={l.lotId} data-testid="recall-lot">
              <Table.Td>
                {l.lotId} {l.isEnd ? <Badge color="orange">{t('trace.recall.finished')}</Badge> : null}
              </Table.Td>
              <Table.Td>{l.itemId}</Table.Td>
              <Table.Td>{l.qty}</Table.Td>
              <Table.Td>{l.status ? t(`trace.status.${l.status}`, { defaultValue: l.status }) : ''}</Table.Td>
              <Table.Td>{l.location}</Table.Td>
              <Table.Td>{l.workOrderId}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table striped fz="md" verticalSpacing="sm" aria-label={t('trace.recall.packages')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('trace.kind.package')}</Table.Th>
            <Table.Th>{t('trace.node.qty')}</Table.Th>
            <Table.Th>{t('trace.node.status')}</Table.Th>
            <Table.Th>{t('trace.node.location')}</Table.Th>
            <Table.Th>{t('trace.recall.contents')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.packages.map((p) => (
            <Table.Tr key={p.packageId} data-testid="recall-package">
              <Table.Td>{p.packageId}</Table.Td>
              <Table.Td>{p.qty}</Table.Td>
              <Table.Td>{p.status ? t(`trace.status.${p.status}`, { defaultValue: p.status }) : ''}</Table.Td>
              <Table.Td>{p.location}</Table.Td>
              <Table.Td>{p.lotIds.join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
