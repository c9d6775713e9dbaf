import { Alert, Box, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconBarcode, IconUrgent } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { traceTargetOfScan, tracePath, type TraceTarget } from '../../../shared/trace/scan-target';
import type { TraceDirection, TraceResponse } from '../../../shared/trace/types';
import { useRouteActions } from '../../store/route-store';
import { useScanClaim } from '../../store/scan-router';
import { RecallView } from './RecallView';
import { TraceExportButtons } from './TraceExportButtons';
import { TraceNodeItem } from './TraceNodeItem';
import { TraceSearch } from './TraceSearch';
import { useCentralJson } from './useCentralJson';

/**
 * Trace (clause 4.8): scan a lot, serial or package label (or type its id) and read its genealogy
 * backward (what went into it) or forward (where it went) as an expandable tree; export it; for a
 * lot, open the recall view. Trees come from central (api.central.fetch), so this needs the network.
 */
export function TraceScreen({ target: initial }: { target?: TraceTarget | undefined }) {
  const { t } = useTranslation();
  const { homeRequested } = useRouteActions();
  const [target, setTarget] = useState<TraceTarget | null>(initial ?? null);
  const [direction, setDirection] = useState<TraceDirection>('backward');
  const [view, setView] = useState<'tree' | 'recall'>('tree');
  const [error, setError] = useState<string | null>(null);
  const open = (next: TraceTarget) => {
    setTarget(next);
    setView('tree');
    setError(null);
  };
  useScanClaim((scan) => {
    const found = traceTargetOfScan(scan.text, scan.symbology);
    if (found) open(found);
    else if (scan.text.trim()) open({ kind: 'lot', id: scan.text.trim() });
  });
  const path = target ? tracePath(target, direction) : null;
  const state = useCentralJson<TraceResponse>(view === 'tree' ? path : null);
  const base = target ? `/api/v1/trace/${target.kind}/${encodeURIComponent(target.id)}?direction=${direction}` : '';

  return (
    <Stack gap="lg" p="lg" data-testid="trace-screen">
      <Group justify="space-between">
        <Title order={1}>{target ? t(`trace.title.${target.kind}`, { id: target.id }) : t('trace.title.none')}</Title>
        <Button size="lg" h={56} variant="default" leftSection={<IconArrowLeft size={24} />} onClick={homeRequested}>
          {t('trace.back')}
        </Button>
      </Group>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap="xs">
            <IconBarcode size={28} aria-hidden />
            <Text size="lg">{t('trace.scanHint')}</Text>
          </Group>
          <TraceSearch onSearch={open} />
        </Stack>
      </Paper>
      {target ? (
        <Group gap="md">
          <SegmentedControl
            size="lg"
            value={view === 'recall' ? 'recall' : direction}
            onChange={(v) => {
              if (v === 'recall') setView('recall');
              else {
                setView('tree');
                setDirection(v as TraceDirection);
              }
            }}
            data={[
              { value: 'backward', label: t('trace.direction.backward') },
              { value: 'forward', label: t('trace.direction.forward') },
              ...(target.kind !== 'package' ? [{ value: 'recall', label: t('trace.recall.button') }] : []),
            ]}
          />
          {view === 'tree' ? <TraceExportButtons path={base} fileBase={`trace-${target.id}`} onError={setError} /> : null}
        </Group>
      ) : null}
      {error ? (
        <Alert color="red" role="alert" icon={<IconAlertCircle />}>
          {error}
        </Alert>
      ) : null}
      {target && view === 'recall' ? <RecallFor target={target} onError={setError} /> : null}
      {view === 'tree' && state.kind === 'loading' ? <Loader size="lg" /> : null}
      {view === 'tree' && state.kind === 'failed' ? (
        <Alert color={state.code === 'not-found' ? 'orange' : 'red'} role="alert" icon={<IconAlertCircle />}>
          {state.code === 'not-found' ? t('trace.notFound', { id: target?.id }) : t('trace.failed', { message: state.message })}
        </Alert>
      ) : null}
      {view === 'tree' && state.kind === 'ok' ? (
        <Box component="ul" role="tree" aria-label={t(`trace.direction.${state.value.direction}`)} m={0} p={0}>
          <TraceNodeItem key={`${state.value.query.kind}:${state.value.query.id}:${state.value.direction}`} node={state.value.root} initiallyOpen={(n) => state.value.count <= 60 || n.depth < 2} />
        </Box>
      ) : null}
    </Stack>
  );
}

function RecallFor({ target, onError }: { target: TraceTarget; onError: (m: string) => void }) {
  const { t } = useTranslation();
  if (target.kind === 'lot') return <RecallView lotId={target.id} onError={onError} />;
  return (
    <Alert color="blue" icon={<IconUrgent />}>
      {t('trace.recall.lotOnly')}
    </Alert>
  );
}
