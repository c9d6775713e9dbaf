import { AppShell } from '@mantine/core';
import { useEffect } from 'react';
import { HeaderBar } from '../components/HeaderBar';
import { useKeyboardWedge } from '../devices/useKeyboardWedge';
import { scanReceived } from '../store/scan-router';
import { useAppState } from './app-state';
import { Screens } from './Screens';
import { useServices } from './services';

/**
 * The running terminal: header bar on top, the current screen below; scans (serial ones from the
 * device layer, keyboard-wedge bursts from this window) flow to the scan router.
 */
export function Shell() {
  const { api } = useServices();
  useAppState('ready');
  useEffect(() => api.devices.onScan(scanReceived), [api]);
  useKeyboardWedge();
  return (
    <AppShell header={{ height: 88 }} padding="lg">
      <AppShell.Header>
        <HeaderBar />
      </AppShell.Header>
      <AppShell.Main>
        <Screens />
      </AppShell.Main>
    </AppShell>
  );
}
