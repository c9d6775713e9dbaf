/**
 * Live monitor feed: while the device screen is open, main sends every frame and request of the
 * saved devices (devices:monitor); the last MONITOR_CAP lines are kept, newest first. Leaving the
 * screen turns the feed off again.
 */
import { useEffect, useState } from 'react';
import type { TrafficEvent } from '../../../shared/devices/types';
import { useServices } from '../../app/services';

export const MONITOR_CAP = 200;

export interface TrafficLine extends TrafficEvent {
  seq: number;
}

export function useTraffic(portIds: readonly string[]): { lines: TrafficLine[]; cleared: () => void } {
  const { api } = useServices();
  const [lines, setLines] = useState<TrafficLine[]>([]);
  const key = portIds.join('\n');

  useEffect(() => {
    let seq = 0;
    const off = api.devices.onTraffic((t) => {
      seq += 1;
      const line = { ...t, seq };
      setLines((prev) => [line, ...prev].slice(0, MONITOR_CAP));
    });
    void api.devices.monitor({ portIds: key === '' ? [] : key.split('\n') });
    return () => {
      off();
      void api.devices.monitor({ portIds: [] });
    };
  }, [api, key]);

  return { lines, cleared: () => setLines([]) };
}
