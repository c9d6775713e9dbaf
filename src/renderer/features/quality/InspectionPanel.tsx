import { Alert, Badge, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconKeyboard } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortId } from './short-id';
import { finalSampleSize } from '../../../shared/quality/sampling';
import { useServices } from '../../app/services';
import { RecordError } from '../../data/record';
import { useRecorder } from '../../data/use-recorder';
import { CharacteristicList } from './CharacteristicList';
import { FinalLotFields } from './FinalLotFields';
import { InspectionDone, type RecordedInspection } from './InspectionDone';
import {
  attributeJudged,
  characteristicChosen,
  manualEntered,
  readingReceived,
  sessionResults,
  sessionVerdict,
  startSession,
  type SessionState,
} from './inspection-session';
import { ManualEntryForm } from './ManualEntryForm';
import type { WorkOrderPlan } from './quality-repo';
import { SessionNoticeAlert } from './SessionNoticeAlert';
import { SignForm } from './SignForm';
import { useGateContext } from './useQualityData';

type Kind = 'first-article' | 'patrol' | 'final';

/** Taking one inspection of a work order: readings fill characteristics, then the inspector signs. */
export function InspectionPanel({ plan }: { plan: WorkOrderPlan }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const record = useRecorder();
  const gateCtx = useGateContext();
  const [kind, setKind] = useState<Kind>('first-article');
  const [lotId, setLotId] = useState('');
  const [lotSize, setLotSize] = useState('');
  const [state, setState] = useState<SessionState>(() => startSession(plan.characteristics));
  const [manualOpen, setManualOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<RecordedInspection | null>(null);

  // The reading subscription lives as long as the panel; it reads the latest context through refs.
  const ctxRef = useRef(gateCtx);
  const doneRef = useRef(recorded);
  useEffect(() => {
    ctxRef.current = gateCtx;
    doneRef.current = recorded;
  });
  useEffect(
    () =>
      api.devices.onReading((reading) => {
        const ctx = ctxRef.current;
        if (!ctx || doneRef.current) return;
        setState((s) => readingReceived(s, reading, ctx));
      }),
    [api],
  );

  const active = state.characteristics[state.activeIndex];
  const verdict = sessionVerdict(state);
  const results = sessionResults(state);
  const sample = kind === 'final' ? finalSampleSize(plan.finalSampling, Number(lotSize) || 0) : null;

  const sign = async (inspectorId: string) => {
    if (!results || !verdict) return;
    setSaving(true);
    setSaveError(null);
    const inspectionId = shortId(kind === 'first-article' ? 'FA' : kind === 'patrol' ? 'PT' : 'FI');
    try {
      await record(
        'inspection.recorded',
        {
          inspectionId,
          kind,
          workOrderId: plan.workOrder.id,
          ...(kind === 'final' && lotId.trim() ? { lotId: lotId.trim() } : {}),
          results,
          verdict,
          inspectorId,
        },
        inspectorId,
      );
      setRecorded({ inspectionId, kind, verdict, results, lotId: lotId.trim() || null });
    } catch (e) {
      setSaveError(t('quality.session.saveFailed', { message: e instanceof RecordError || e instanceof Error ? e.message : String(e) }));
    } finally {
      setSaving(false);
    }
  };

  const restart = () => {
    setState(startSession(plan.characteristics));
    setRecorded(null);
    setManualOpen(false);
  };

  // Readings are judged against the gauge register: wait for it before offering the list.
  if (!gateCtx) return <Loader size="lg" aria-label={t('home.loading')} />;
  if (recorded) return <InspectionDone plan={plan} inspection={recorded} characteristics={state.characteristics} onNew={restart} />;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          size="lg"
          value={kind}
          onChange={(v) => setKind(v)}
          aria-label={t('quality.session.kind')}
          data={(['first-article', 'patrol', 'final'] as const).map((k) => ({ value: k, label: t(`quality.kind.${k}`) }))}
        />
        {verdict ? (
          <Badge size="xl" h={48} color={verdict === 'pass' ? 'green' : 'red'} data-testid="overall-verdict" leftSection={verdict === 'pass' ? <IconCircleCheck /> : <IconCircleX />}>
            {t('quality.session.overall', { verdict: t(`quality.verdict.${verdict}`) })}
          </Badge>
        ) : (
          <Text c="dimmed" size="lg">
            {t('quality.session.progress', { done: Object.keys(state.results).length, total: state.characteristics.length })}
          </Text>
        )}
      </Group>
      {kind === 'final' ? (
        <FinalLotFields workOrderId={plan.workOrder.id} lotId={lotId} lotSize={lotSize} sample={sample} onLotId={setLotId} onLotSize={setLotSize} />
      ) : null}
      <Text size="lg">{active?.kind === 'variable' ? t('quality.session.waitingReading', { name: active.name, gaugeType: t(`quality.gaugeType.${active.gaugeType}`, { defaultValue: active.gaugeType }) }) : t('quality.session.judgeAttribute')}</Text>
      <SessionNoticeAlert notice={state.notice} />
      <CharacteristicList state={state} onChoose={(i) => setState((s) => characteristicChosen(s, i))} />
      {active?.kind === 'attribute' ? (
        <Group grow>
          <Button size="xl" h={72} color="green" leftSection={<IconCircleCheck size={30} />} onClick={() => setState((s) => attributeJudged(s, 'pass'))}>
            {t('quality.session.attrPass')}
          </Button>
          <Button size="xl" h={72} color="red" leftSection={<IconCircleX size={30} />} onClick={() => setState((s) => attributeJudged(s, 'fail'))}>
            {t('quality.session.attrFail')}
          </Button>
        </Group>
      ) : null}
      {active?.kind === 'variable' ? (
        manualOpen && gateCtx ? (
          <ManualEntryForm
            characteristic={active}
            gauges={gateCtx.gauges}
            onSubmit={(input) => {
              const next = manualEntered(state, input, gateCtx);
              setState(next);
              return next.notice?.kind === 'accepted';
            }}
          />
        ) : (
          <Button size="lg" h={56} variant="subtle" leftSection={<IconKeyboard size={22} />} onClick={() => setManualOpen(true)} style={{ alignSelf: 'flex-start' }}>
            {t('quality.manual.open')}
          </Button>
        )
      ) : null}
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={3}>{t('quality.sign.title')}</Title>
          {!results ? <Text c="dimmed">{t('quality.sign.incomplete')}</Text> : null}
          {saveError ? (
            <Alert color="red" role="alert">
              {saveError}
            </Alert>
          ) : null}
          <SignForm roles={['inspector']} label={t('quality.sign.submit')} disabled={!results} busy={saving} onSigned={(op) => void sign(op.id)} testId="inspection-sign" />
        </Stack>
      </Paper>
    </Stack>
  );
}
