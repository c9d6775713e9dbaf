import { Alert, Button, Grid, Group, Loader, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortInfo } from '../../../shared/devices/types';
import { useRouteActions } from '../../store/route-store';
import { draftForProfile, type Draft } from './device-draft';
import { DeviceForm } from './DeviceForm';
import { DeviceList } from './DeviceList';
import { MonitorPanel } from './MonitorPanel';
import { PortList } from './PortList';
import { useDeviceSetup } from './useDeviceSetup';
import { useTraffic } from './useTraffic';

function freeId(drafts: Draft[]): string {
  const used = new Set(drafts.map((d) => d.id));
  for (let n = 1; ; n++) if (!used.has(`device-${n}`)) return `device-${n}`;
}

/** Admin: the workstation's scanners and instruments, their port profiles and a live monitor. */
export function DevicesScreen() {
  const { t } = useTranslation();
  const { homeRequested } = useRouteActions();
  const setup = useDeviceSetup();
  const [selected, setSelected] = useState(0);
  const savedIds = useMemo(() => Object.keys(setup.statuses), [setup.statuses]);
  const traffic = useTraffic(savedIds);

  if (setup.loadError) return <Alert color="red">{t('devices.loadFailed', { message: setup.loadError })}</Alert>;
  if (!setup.drafts) return <Loader />;
  const drafts = setup.drafts;
  const index = Math.min(selected, drafts.length - 1);
  const current = index >= 0 ? drafts[index] : undefined;
  const status = current ? setup.statuses[current.id] : undefined;

  const portUsed = (port: PortInfo | null) => {
    const draft = draftForProfile('scanner', {
      id: freeId(drafts),
      path: port?.path ?? '',
      ...(port?.vendorId && port.productId
        ? { usb: { vendorId: port.vendorId, productId: port.productId, ...(port.serialNumber ? { serialNumber: port.serialNumber } : {}) } }
        : {}),
    });
    setup.added(draft);
    setSelected(drafts.length);
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Group>
          <Button size="lg" h={56} variant="default" leftSection={<IconArrowLeft />} onClick={homeRequested}>
            {t('devices.back')}
          </Button>
          <Title order={2}>{t('devices.title')}</Title>
        </Group>
        <Button size="lg" h={64} leftSection={<IconDeviceFloppy />} loading={setup.save.kind === 'saving'} onClick={() => void setup.saveRequested()}>
          {t('devices.save')}
        </Button>
      </Group>
      {setup.save.kind === 'saved' ? (
        <Alert color="green" role="status">
          {t('devices.saved')}
        </Alert>
      ) : null}
      {setup.save.kind === 'invalid' ? (
        <Alert color="red" role="alert">
          {t('devices.invalid')}
        </Alert>
      ) : null}
      {setup.save.kind === 'failed' ? (
        <Alert color="red" role="alert">
          {t('devices.saveFailed', { message: setup.save.message })}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <DeviceList drafts={drafts} statuses={setup.statuses} selected={index} hasErrors={(i) => setup.errors[i] !== undefined} onSelect={setSelected} />
            <PortList ports={setup.ports} usedPaths={new Set(drafts.map((d) => d.path))} onUse={portUsed} onRefresh={() => void setup.refreshPorts()} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {current ? (
            <Stack gap="lg">
              <DeviceForm key={index} draft={current} errors={setup.errors[index] ?? {}} onChange={(patch) => setup.changed(index, patch)} onRemove={() => setup.removed(index)} />
              <MonitorPanel
                portId={current.id}
                isSaved={status !== undefined}
                canTest={status !== undefined && current.profile !== 'scanner'}
                lines={traffic.lines}
                onClear={traffic.cleared}
              />
            </Stack>
          ) : null}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
