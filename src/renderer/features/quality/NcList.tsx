import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ncDispositions, NcRow } from '../../../shared/quality/rows';
import { RecordError } from '../../data/record';
import { useRecorder } from '../../data/use-recorder';
import { useOperator } from '../../store/session-store';
import { SignForm } from './SignForm';
import { useNcs } from './useQualityData';

type Disposition = (typeof ncDispositions)[number];

/**
 * Nonconformance reports and their disposition (4.4), decided by an inspector as a transition on
 * the version seen here; use as is (a concession) needs a second signature. A disposition decided
 * elsewhere in the meantime comes back from central as a conflict, listed on the NC.
 */
export function NcList({ workOrderId }: { workOrderId: string | null }) {
  const { t } = useTranslation();
  const ncs = useNcs();
  const list = (ncs ?? []).filter((n) => !workOrderId || n.workOrderId === workOrderId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="ncs-title">
      <Title order={2} id="ncs-title">
        {t('quality.nc.listTitle')}
      </Title>
      {list.length === 0 ? <Text c="dimmed">{t('quality.nc.none')}</Text> : null}
      {list.map((nc) => (
        <NcCard key={nc.key} nc={nc} />
      ))}
    </Stack>
  );
}

function NcCard({ nc }: { nc: NcRow & { key: string } }) {
  const { t } = useTranslation();
  const record = useRecorder();
  const operator = useOperator();
  const [concession, setConcession] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const isInspector = !!operator?.roles.includes('inspector');
  const request = async (disposition: Disposition, concessionBy?: string) => {
    try {
      await record('nc.disposition.requested', { ncId: nc.id, disposition, basedOnVersion: nc.version, ...(concessionBy ? { concessionBy } : {}) });
      setConcession(false);
      setMessage({ ok: true, text: t('quality.nc.requested', { disposition: t(`quality.disposition.${disposition}`) }) });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof RecordError || e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid={`nc-${nc.id}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700} size="lg">
            {nc.id} · {nc.defectCode} · {t('quality.nc.qtyShort', { qty: nc.qty })}
          </Text>
          <Badge size="lg" color={nc.status === 'open' ? 'orange' : 'gray'}>
            {nc.status === 'open' ? t('quality.nc.open') : t(`quality.disposition.${nc.disposition ?? 'scrap'}`)} · v{nc.version}
          </Badge>
        </Group>
        <Text>{nc.description}</Text>
        {nc.quarantineLocation ? <Text size="sm">{t('quality.nc.quarantineAt', { location: nc.quarantineLocation })}</Text> : null}
        {nc.reworkWorkOrderId ? (
          <Text fw={600} data-testid={`nc-rework-${nc.id}`}>
            {t('quality.rework.workOrder', { id: nc.reworkWorkOrderId })}
          </Text>
        ) : null}
        {nc.reworkNeedsStation ? (
          <Alert color="yellow" data-testid={`nc-rework-${nc.id}`}>
            {t('quality.rework.needsStation')}
          </Alert>
        ) : null}
        {nc.conflicts.map((c) => (
          <Alert key={c.eventId} color="red" role="alert">
            {t('quality.nc.conflict', { requested: t(`quality.disposition.${c.requested}`), based: c.basedOnVersion, current: c.currentVersion })}
          </Alert>
        ))}
        {nc.status === 'open' && isInspector ? (
          <Group gap="sm">
            {(['rework', 'scrap', 'return'] as const).map((d) => (
              <Button key={d} size="lg" h={56} variant="light" onClick={() => void request(d)}>
                {t(`quality.disposition.${d}`)}
              </Button>
            ))}
            <Button size="lg" h={56} variant="light" color="yellow" onClick={() => setConcession(true)}>
              {t('quality.disposition.use-as-is')}
            </Button>
          </Group>
        ) : null}
        {concession ? (
          <SignForm
            roles={['inspector', 'supervisor']}
            label={t('quality.nc.concessionSign')}
            onSigned={(second) => {
              if (second.id === operator?.id) return setMessage({ ok: false, text: t('quality.nc.secondSameAsFirst') });
              void request('use-as-is', second.id);
            }}
          />
        ) : null}
        {message ? (
          <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
