import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  IconAlertCircle,
  IconCheck,
  IconClockHour4,
  IconHandStop,
  IconPlayerPause,
  IconPlayerPlay,
} from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatus } from '../../../shared/domain/orders';
import { useTransitions } from './useTransitions';
import { allowedTransitions, BLOCK_REASON_PRESETS, type TransitionTarget } from './wo-transitions';

const look: Record<TransitionTarget, { key: string; color: string; icon: ReactNode }> = {
  started: { key: 'transition.start', color: 'green', icon: <IconPlayerPlay size={32} /> },
  paused: { key: 'transition.pause', color: 'yellow', icon: <IconPlayerPause size={32} /> },
  blocked: { key: 'transition.block', color: 'red', icon: <IconHandStop size={32} /> },
  completed: { key: 'transition.complete', color: 'blue', icon: <IconCheck size={32} /> },
};

/**
 * Start / Pause / Block / Complete for the open work order. Each press records a
 * `wo.transition.requested` event; central decides, and its pulled row is the status shown in the
 * header. Until that row arrives, "Requested: …" says what this terminal asked for, and the buttons
 * follow the requested state so a second press does not repeat the request.
 */
export function TransitionPanel({
  workOrder,
  startGate,
}: {
  workOrder: { id: string; status: WorkOrderStatus; version: number };
  /** Readiness before the first start (features/floor): Start stays disabled until it allows it. */
  startGate?: { canStart: boolean; beforeStart: () => Promise<boolean> };
}) {
  const { t } = useTranslation();
  const { requested, outcome, request, reset } = useTransitions(workOrder);
  const [blocking, setBlocking] = useState(false);
  const [reason, setReason] = useState('');

  const basis = requested?.to ?? workOrder.status;
  const targets = allowedTransitions(basis);
  const saving = outcome.kind === 'saving';
  const gated = !!startGate && basis === 'released';

  const press = (to: TransitionTarget) => {
    if (to === 'blocked') {
      reset();
      setBlocking(true);
      return;
    }
    setBlocking(false);
    if (to === 'started' && gated && startGate) {
      void startGate.beforeStart().then((ok) => (ok ? request(to) : false));
      return;
    }
    void request(to);
  };
  const submitBlock = (e: FormEvent) => {
    e.preventDefault();
    void request('blocked', reason).then((ok) => {
      if (ok) {
        setBlocking(false);
        setReason('');
      }
    });
  };
  const cancelBlock = () => {
    setBlocking(false);
    setReason('');
    reset();
  };

  if (targets.length === 0 && !requested) return null;

  return (
    <Paper withBorder p="lg" radius="md" shadow="sm" component="section" aria-labelledby="transition-title">
      <Stack gap="md">
        <Title order={2} id="transition-title">
          {t('transition.title')}
        </Title>
        {requested ? (
          <Alert color="orange" icon={<IconClockHour4 size={28} />} role="status" data-testid="transition-requested">
            <Text size="lg" fw={700}>
              {t('transition.requested', { state: t(`status.${requested.to}`) })}
            </Text>
            <Text size="sm">{t('transition.waiting')}</Text>
          </Alert>
        ) : null}
        {targets.length > 0 ? (
          <SimpleGrid cols={{ base: 2, md: targets.length > 2 ? 3 : 2 }}>
            {targets.map((to) => (
              <Button
                key={to}
                size="xl"
                h={80}
                color={look[to].color}
                variant={to === 'blocked' && blocking ? 'outline' : 'filled'}
                leftSection={look[to].icon}
                disabled={saving || (to === 'started' && gated && !startGate?.canStart)}
                onClick={() => press(to)}
              >
                {t(look[to].key)}
              </Button>
            ))}
          </SimpleGrid>
        ) : null}
        {blocking && targets.includes('blocked') ? (
          <form onSubmit={submitBlock} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('transition.blockReason')}
                description={t('transition.blockReasonHint')}
                value={reason}
                onChange={(e) => {
                  setReason(e.currentTarget.value);
                  reset();
                }}
                maxLength={200}
                error={outcome.kind === 'reason-required' ? t('transition.reasonRequired') : undefined}
                styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { height: 64, fontSize: '1.25rem' } }}
              />
              <Group gap="sm">
                {BLOCK_REASON_PRESETS.map((p) => (
                  <Button
                    key={p}
                    variant={reason === t(`transition.presets.${p}`) ? 'filled' : 'light'}
                    color="red"
                    size="lg"
                    h={56}
                    onClick={() => {
                      setReason(t(`transition.presets.${p}`));
                      reset();
                    }}
                  >
                    {t(`transition.presets.${p}`)}
                  </Button>
                ))}
              </Group>
              <Group gap="sm" grow>
                <Button type="submit" color="red" size="xl" h={72} loading={saving}>
                  {t('transition.confirmBlock')}
                </Button>
                <Button variant="default" size="xl" h={72} onClick={cancelBlock}>
                  {t('transition.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {outcome.kind === 'failed' ? (
          <Alert color="red" variant="filled" icon={<IconAlertCircle />} role="alert">
            {t(outcome.message.key, outcome.message.params ?? {})}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
