/**
 * Keyboard-wedge timing for this terminal, kept in localStorage ("takt.wedge") so a technician can
 * tune it for a scanner configured with an inter-character delay. Values left out use the
 * detector's defaults (src/shared/devices/wedge.ts explains them). Bad stored values are ignored,
 * never fatal.
 */
import { create } from 'zustand';
import { wedgeDefaults } from '../../shared/devices/wedge';

export interface WedgeSettings {
  /** Off: keys are never held; scanners must then be serial (CDC) devices. */
  isEnabled: boolean;
  maxInterKeyMs: number;
  minLength: number;
  /** null: the detector's default (2 × maxInterKeyMs). */
  idleFlushMs: number | null;
}

export const defaultWedgeSettings: WedgeSettings = {
  isEnabled: true,
  maxInterKeyMs: wedgeDefaults.maxInterKeyMs,
  minLength: wedgeDefaults.minLength,
  idleFlushMs: null,
};

const STORAGE_KEY = 'takt.wedge';

const positive = (v: unknown, integer: boolean): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && (!integer || Number.isInteger(v));

/** Reads a stored value, keeping only well-formed fields. */
export function parseWedgeSettings(raw: string | null): WedgeSettings {
  if (!raw) return defaultWedgeSettings;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return defaultWedgeSettings;
  }
  if (typeof v !== 'object' || v === null) return defaultWedgeSettings;
  const o = v as Record<string, unknown>;
  return {
    isEnabled: typeof o.isEnabled === 'boolean' ? o.isEnabled : defaultWedgeSettings.isEnabled,
    maxInterKeyMs: positive(o.maxInterKeyMs, false) ? o.maxInterKeyMs : defaultWedgeSettings.maxInterKeyMs,
    minLength: positive(o.minLength, true) ? o.minLength : defaultWedgeSettings.minLength,
    idleFlushMs: positive(o.idleFlushMs, false) ? o.idleFlushMs : null,
  };
}

function load(): WedgeSettings {
  try {
    return parseWedgeSettings(globalThis.localStorage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return defaultWedgeSettings;
  }
}

interface WedgeSettingsState {
  settings: WedgeSettings;
  wedgeSettingsChanged: (patch: Partial<WedgeSettings>) => void;
  wedgeSettingsReset: () => void;
}

const useWedgeSettingsStore = create<WedgeSettingsState>()((set, get) => ({
  settings: load(),
  wedgeSettingsChanged: (patch) => {
    const settings = parseWedgeSettings(JSON.stringify({ ...get().settings, ...patch }));
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(settings));
    } catch {
      // Not fatal: the setting holds until the next reload.
    }
    set({ settings });
  },
  wedgeSettingsReset: () => {
    try {
      globalThis.localStorage?.removeItem(STORAGE_KEY);
    } catch {
      // Nothing stored to remove.
    }
    set({ settings: defaultWedgeSettings });
  },
}));

export const useWedgeSettings = () => useWedgeSettingsStore((s) => s.settings);
/** For non-React code, support tools and tests. */
export const wedgeSettingsStore = useWedgeSettingsStore;
