/**
 * Keyboard-wedge scanners in the renderer: listens to every keydown on the window (capture phase,
 * before any field sees it), feeds the detector (src/shared/devices/wedge.ts) and obeys it.
 *   - Keys the detector holds are stopped; a burst that turns out to be a scan is delivered as a
 *     ScanEvent (source 'wedge') and never lands in the focused field.
 *   - Held keys that turn out to be a person typing are replayed into the field they were aimed
 *     at (text-replay.ts), in order, before the key that revealed it goes through: no keystroke
 *     is lost, it only arrives up to `idleFlushMs` late.
 * Keys the detector never sees (so they always behave normally): IME composition, auto-repeat, and
 * everything aimed at a native <select> (its type-ahead cannot be replayed faithfully).
 */
import type { ScanEvent } from '../../shared/devices/types';
import { createWedgeDetector, type KeyLike, type WedgeTimers } from '../../shared/devices/wedge';
import { replayKeys, type HeldKey } from './text-replay';

/** The port id wedge scans carry (there is no serial port behind them). */
export const WEDGE_PORT_ID = 'keyboard-wedge';

export interface KeyboardWedgeConfig {
  /** Largest gap between characters of one burst (ms). Detector default: 30. */
  maxInterKeyMs?: number;
  /** Fewest characters that make a scan. Detector default: 4. */
  minLength?: number;
  /** Silence after which held keys are decided (ms). Detector default: 2 × maxInterKeyMs. */
  idleFlushMs?: number;
  /** Scanner suffix keys. Detector default: Enter, Tab. */
  endKeys?: string[];
  /** Clock for key times (ms); default: the event's timeStamp. Tests inject one. */
  clock?: () => number;
  /** Timers for the idle flush; default: the window's. Tests inject controllable ones. */
  timers?: WedgeTimers;
}

export interface KeyboardWedgeHandlers {
  onScan: (scan: ScanEvent) => void;
  /** Called when the configuration is unusable (the wedge then stays off). */
  onError?: (error: Error) => void;
}

const editableSelect = (el: EventTarget | null) => el instanceof HTMLSelectElement;

/** Starts listening on `win`; returns the function that stops listening (held keys are decided first). */
export function attachKeyboardWedge(
  win: Window,
  config: KeyboardWedgeConfig,
  handlers: KeyboardWedgeHandlers,
): () => void {
  const info = new WeakMap<KeyLike, HeldKey>();
  /** Keys the detector currently holds (to know whether a burst is open). */
  let holding = 0;
  let detector;
  try {
    detector = createWedgeDetector(
      {
        ...(config.maxInterKeyMs !== undefined ? { maxInterKeyMs: config.maxInterKeyMs } : {}),
        ...(config.minLength !== undefined ? { minLength: config.minLength } : {}),
        ...(config.idleFlushMs !== undefined ? { idleFlushMs: config.idleFlushMs } : {}),
        ...(config.endKeys !== undefined ? { endKeys: config.endKeys } : {}),
        ...(config.timers !== undefined ? { timers: config.timers } : {}),
        ...(config.clock ? { now: config.clock } : {}),
      },
      {
        onScan: (text) => {
          holding = 0;
          handlers.onScan({
            portId: WEDGE_PORT_ID,
            text,
            symbology: null,
            source: 'wedge',
            receivedAt: new Date().toISOString(),
          });
        },
        onPassThrough: (keys) => {
          holding = 0;
          replayKeys(keys.map((k) => info.get(k) ?? { char: null, key: k.key, target: null }));
        },
      },
    );
  } catch (e) {
    handlers.onError?.(e instanceof Error ? e : new Error(String(e)));
    return () => {};
  }
  const wedge = detector;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing || e.defaultPrevented) return;
    if (e.repeat || e.metaKey || editableSelect(e.target)) {
      // A held-down key or a shortcut is a person; settle anything held first so order is kept.
      if (holding > 0) wedge.flush();
      return;
    }
    // A lone Space on a button is a person pressing it; a Space inside an open burst may be data.
    if (
      e.key === ' ' &&
      holding === 0 &&
      !(e.target instanceof HTMLInputElement) &&
      !(e.target instanceof HTMLTextAreaElement)
    )
      return;
    const key: KeyLike = {
      key: e.key,
      ctrlKey: e.ctrlKey,
      altKey: e.altKey,
      timeStamp: config.clock ? config.clock() : e.timeStamp,
    };
    const printable = [...e.key].length === 1;
    info.set(key, { char: printable && !(e.ctrlKey && !e.altKey) ? e.key : null, key: e.key, target: e.target });
    const decision = wedge.key(key);
    if (decision === 'pending') holding += 1;
    if (decision === 'pending' || decision === 'consumed') {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  };

  win.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    win.removeEventListener('keydown', onKeyDown, { capture: true });
    wedge.dispose();
  };
}
