import { Button, Grid, Group, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { protocolName } from '../../../shared/instruments';
import { draftForProfile, profiles, type Draft, type DraftErrors, type DraftField, type Profile } from './device-draft';
import { useGauges } from './useGauges';

interface Props {
  draft: Draft;
  errors: DraftErrors;
  onChange: (patch: Partial<Draft> | Draft) => void;
  onRemove: () => void;
}

const terminators = ['CR', 'LF', 'CRLF', 'ETX', 'NONE'] as const;

/** The port profile of one device: identity, serial settings, framing and (instruments) polling. */
export function DeviceForm({ draft, errors, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const gauges = useGauges();
  const isInstrument = draft.profile !== 'scanner';
  const error = (field: DraftField) => (errors[field] ? t(`devices.fieldError.${field}`) : undefined);
  const profileLabel = (p: Profile) => (p === 'scanner' ? t('devices.profile.scanner') : protocolName(p));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('devices.form.title', { id: draft.id })}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3}>{t('devices.form.title', { id: draft.id })}</Title>
          <Button size="lg" h={56} color="red" variant="light" leftSection={<IconTrash />} onClick={onRemove}>
            {t('devices.form.remove')}
          </Button>
        </Group>
        <Grid gap="md" align="flex-end">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput size="lg" label={t('devices.field.id')} value={draft.id} error={error('id')} onChange={(e) => onChange({ id: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput size="lg" label={t('devices.field.path')} value={draft.path} error={error('path')} onChange={(e) => onChange({ path: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              size="lg"
              label={t('devices.field.profile')}
              data={profiles.map((p) => ({ value: p, label: profileLabel(p) }))}
              value={draft.profile}
              error={error('profile')}
              allowDeselect={false}
              onChange={(v) => v && onChange(draftForProfile(v, { id: draft.id, path: draft.path, ...(draft.usb ? { usb: draft.usb } : {}), gaugeId: draft.gaugeId }))}
            />
          </Grid.Col>
          {isInstrument ? (
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                size="lg"
                label={t('devices.field.gauge')}
                placeholder={t('devices.field.gaugeNone')}
                data={gauges.map((g) => ({ value: g.id, label: `${g.id} · ${g.name} (${g.unit})` }))}
                value={draft.gaugeId === '' ? null : draft.gaugeId}
                error={error('gaugeId')}
                searchable
                clearable
                onChange={(v) => onChange({ gaugeId: v ?? '' })}
              />
            </Grid.Col>
          ) : null}
        </Grid>

        <Title order={4}>{t('devices.form.serial')}</Title>
        <Grid gap="md" align="flex-end">
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput size="lg" inputMode="numeric" label={t('devices.field.baudRate')} value={draft.baudRate} error={error('baudRate')} onChange={(e) => onChange({ baudRate: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <Select size="lg" label={t('devices.field.dataBits')} data={['7', '8']} value={draft.dataBits} allowDeselect={false} onChange={(v) => v && onChange({ dataBits: v })} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <Select
              size="lg"
              label={t('devices.field.parity')}
              data={(['none', 'even', 'odd'] as const).map((p) => ({ value: p, label: t(`devices.parity.${p}`) }))}
              value={draft.parity}
              allowDeselect={false}
              onChange={(v) => v && onChange({ parity: v })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <Select size="lg" label={t('devices.field.stopBits')} data={['1', '2']} value={draft.stopBits} allowDeselect={false} onChange={(v) => v && onChange({ stopBits: v })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              size="lg"
              label={t('devices.field.flow')}
              data={(['none', 'rtscts', 'xon'] as const).map((f) => ({ value: f, label: t(`devices.flow.${f}`) }))}
              value={draft.flow}
              allowDeselect={false}
              onChange={(v) => v && onChange({ flow: v })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4 }}>
            <Select
              size="lg"
              label={t('devices.field.terminator')}
              data={terminators.map((x) => ({ value: x, label: t(`devices.terminator.${x}`) }))}
              value={draft.terminator}
              allowDeselect={false}
              onChange={(v) => v && onChange({ terminator: v })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4 }}>
            <TextInput
              size="lg"
              inputMode="numeric"
              label={t('devices.field.interByteTimeoutMs')}
              value={draft.interByteTimeoutMs}
              error={error('interByteTimeoutMs')}
              onChange={(e) => onChange({ interByteTimeoutMs: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Group gap="xl">
              <Switch size="lg" label={t('devices.field.dtr')} checked={draft.dtr} onChange={(e) => onChange({ dtr: e.currentTarget.checked })} />
              <Switch size="lg" label={t('devices.field.rts')} checked={draft.rts} onChange={(e) => onChange({ rts: e.currentTarget.checked })} />
              <Switch size="lg" label={t('devices.field.enabled')} checked={draft.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
            </Group>
          </Grid.Col>
        </Grid>

        {isInstrument ? (
          <>
            <Title order={4}>{t('devices.form.reading')}</Title>
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`mode-${draft.id}`}>
                {t('devices.field.mode')}
              </Text>
              <SegmentedControl
                size="lg"
                aria-labelledby={`mode-${draft.id}`}
                data={[
                  { value: 'poll', label: t('devices.mode.poll') },
                  { value: 'stream', label: t('devices.mode.stream') },
                ]}
                value={draft.mode}
                onChange={(v) => onChange({ mode: v })}
              />
              {errors.mode ? <Text c="red" size="sm">{t('devices.fieldError.mode')}</Text> : null}
            </Stack>
            <Grid gap="md" align="flex-end">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput size="lg" ff="monospace" label={t('devices.field.pollCommand')} description={t('devices.field.pollCommandHint')} value={draft.pollCommand} error={error('pollCommand')} onChange={(e) => onChange({ pollCommand: e.currentTarget.value })} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 6 }}>
                <TextInput size="lg" inputMode="numeric" label={t('devices.field.pollIntervalMs')} value={draft.pollIntervalMs} error={error('pollIntervalMs')} onChange={(e) => onChange({ pollIntervalMs: e.currentTarget.value })} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 6 }}>
                <TextInput size="lg" inputMode="numeric" label={t('devices.field.requestTimeoutMs')} value={draft.requestTimeoutMs} error={error('requestTimeoutMs')} onChange={(e) => onChange({ requestTimeoutMs: e.currentTarget.value })} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 6 }}>
                <TextInput size="lg" inputMode="numeric" label={t('devices.field.stableCount')} value={draft.stableCount} error={error('stableCount')} onChange={(e) => onChange({ stableCount: e.currentTarget.value })} />
              </Grid.Col>
            </Grid>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
