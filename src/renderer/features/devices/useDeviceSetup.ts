/**
 * The device screen's state: the saved configs as editable drafts, the serial ports the machine
 * has, each device's live connection state (pushed by main within a second of an unplug), and
 * saving through devices:configure.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DeviceStatus, PortInfo } from '../../../shared/devices/types';
import { useServices } from '../../app/services';
import { draftFromConfig, validateDrafts, type Draft, type DraftErrors } from './device-draft';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; message: string };

export function useDeviceSetup() {
  const { api } = useServices();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [ports, setPorts] = useState<PortInfo[] | null>(null);
  const [statuses, setStatuses] = useState<Record<string, DeviceStatus>>({});
  const [errors, setErrors] = useState<Record<number, DraftErrors>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const refreshPorts = useCallback(async () => {
    const r = await api.devices.ports();
    setPorts(r.ok ? r.value : []);
  }, [api]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [configs, list, listed] = await Promise.all([api.devices.config(), api.devices.list(), api.devices.ports()]);
      if (!live) return;
      setPorts(listed.ok ? listed.value : []);
      if (configs.ok) setDrafts(configs.value.map(draftFromConfig));
      else setLoadError(configs.error.message);
      if (list.ok) setStatuses(Object.fromEntries(list.value.map((s) => [s.id, s])));
    })();
    const off = api.devices.onStatus((s) => setStatuses((prev) => ({ ...prev, [s.id]: s })));
    return () => {
      live = false;
      off();
    };
  }, [api]);

  const changed = useCallback((index: number, patch: Partial<Draft> | Draft) => {
    setDrafts((prev) => (prev ? prev.map((d, i) => (i === index ? { ...d, ...patch } : d)) : prev));
    setSave({ kind: 'idle' });
  }, []);

  const added = useCallback((draft: Draft) => {
    setDrafts((prev) => [...(prev ?? []), draft]);
    setSave({ kind: 'idle' });
  }, []);

  const removed = useCallback((index: number) => {
    setDrafts((prev) => (prev ? prev.filter((_, i) => i !== index) : prev));
    setErrors({});
    setSave({ kind: 'idle' });
  }, []);

  const saveRequested = useCallback(async () => {
    if (!drafts) return;
    const checked = validateDrafts(drafts);
    if (!checked.ok) {
      setErrors(checked.errors);
      setSave({ kind: 'invalid' });
      return;
    }
    setErrors({});
    setSave({ kind: 'saving' });
    const r = await api.devices.configure(checked.configs);
    if (!r.ok) {
      setSave({ kind: 'failed', message: r.error.message });
      return;
    }
    setStatuses(Object.fromEntries(r.value.map((s) => [s.id, s])));
    setSave({ kind: 'saved' });
  }, [api, drafts]);

  return { drafts, loadError, ports, statuses, errors, save, changed, added, removed, saveRequested, refreshPorts };
}
