/**
 * Wires keyboard-wedge scanners into the app while the calling component (the shell) is mounted:
 * recognised bursts go to the scan router like any serial scan.
 */
import { useEffect } from 'react';
import type { WedgeTimers } from '../../shared/devices/wedge';
import { scanReceived } from '../store/scan-router';
import { attachKeyboardWedge } from './keyboard-wedge';
import { useWedgeSettings } from './wedge-settings';

export interface KeyboardWedgeTestHooks {
  clock?: () => number;
  timers?: WedgeTimers;
}

export function useKeyboardWedge(testHooks?: KeyboardWedgeTestHooks): void {
  const settings = useWedgeSettings();
  const clock = testHooks?.clock;
  const timers = testHooks?.timers;
  useEffect(() => {
    if (!settings.isEnabled) return;
    return attachKeyboardWedge(
      window,
      {
        maxInterKeyMs: settings.maxInterKeyMs,
        minLength: settings.minLength,
        ...(settings.idleFlushMs !== null ? { idleFlushMs: settings.idleFlushMs } : {}),
        ...(clock ? { clock } : {}),
        ...(timers ? { timers } : {}),
      },
      {
        onScan: scanReceived,
        onError: (e) => console.error('keyboard wedge is off: bad settings', e),
      },
    );
  }, [settings, clock, timers]);
}
