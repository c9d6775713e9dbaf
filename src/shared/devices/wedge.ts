/**
 * Keyboard-wedge burst detector (reference: devices-and-barcodes 1.6). A USB HID scanner "types"
 * its data into the focused window; this tells its bursts apart from a person typing, so a scan
 * never lands in whatever field has focus and a person's keys are never lost.
 *
 * The caller feeds every keydown (capture phase) to `key()` and obeys the answer:
 *   - 'pending'  hold the key (preventDefault): it may be part of a scan; it comes back through
 *                `onPassThrough` if it turns out to be typing.
 *   - 'consumed' the key ended a scan (Enter/Tab suffix): drop it.
 *   - 'pass'     let the key through, after any keys `onPassThrough` handed back during this call.
 * Held keys are always resolved: by the next key, by the idle timer, by `flush()` or `dispose()`.
 *
 * Timing defaults, and why:
 *   - maxInterKeyMs = 30. A scanner in HID mode types a character every 1-10 ms (USB HID polling
 *     is 1-8 ms). Odoo's barcode service accepts up to 50 ms because some scanners are configured
 *     with an inter-character delay; the reference's classification asks for a median gap <= 35 ms.
 *     People rarely sustain < 50 ms per key over more than 4 keys (an UNVERIFIED engineering
 *     assumption, see 1.6). 30 ms sits under both, so the error is on the safe side: typing is
 *     never taken for a scan. A scanner set to a longer inter-character delay shows up as typing;
 *     then raise this (30-100 ms is the useful range) or, better, move the scanner to CDC.
 *   - minLength = 4 (Odoo uses 3): fewer fast characters is a roll-over of two or three keys.
 *   - idleFlushMs = 2 * maxInterKeyMs: how long held keys wait for a next key. This is the delay a
 *     person sees on a typed character; twice the gap leaves room for a late timer so a scan is
 *     not split when the next character is already queued.
 *   - endKeys = Enter, Tab: the scanner suffixes (configure CR; see 1.5).
 *   - GS (0x1D) has no key: scanners type it as Ctrl+] (German layout: Ctrl++, configure it).
 */

export interface KeyLike {
  /** KeyboardEvent.key: the character typed, or a key name ("Enter", "Shift", "ArrowLeft"). */
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  /** KeyboardEvent.timeStamp (ms). Not finite or <= 0: `now()` is used instead. */
  timeStamp: number;
}

/** A key chord a scanner types for GS (0x1D). */
export interface GsChord {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
}

export interface WedgeTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WedgeOptions {
  /** Largest gap between two characters of one burst (ms). Default 30. */
  maxInterKeyMs?: number;
  /** Fewest characters (GS included, suffix excluded) that make a scan. Default 4. */
  minLength?: number;
  /** Keys a scanner sends as suffix. Default ['Enter', 'Tab']. */
  endKeys?: string[];
  /** Chord(s) mapped to GS. Default Ctrl+]; null: none. A key "\u001d" is always GS. */
  gsChord?: GsChord | GsChord[] | null;
  /** Silence after which held keys are decided (ms). Default 2 * maxInterKeyMs. */
  idleFlushMs?: number;
  /** Same clock as KeyboardEvent.timeStamp; used for keys that carry no time stamp. */
  now?: () => number;
  /** Timers for the idle flush; null: no timer, the caller calls `flush()`. */
  timers?: WedgeTimers | null;
}

export interface WedgeCallbacks {
  /** A scan: its characters in order, GS as "\u001d", suffix removed. */
  onScan(text: string): void;
  /** Held keys that turned out to be typing, in the order they were pressed: replay them. */
  onPassThrough(keys: KeyLike[]): void;
}

export type WedgeDecision = 'consumed' | 'pending' | 'pass';

export interface WedgeDetector {
  key(e: KeyLike): WedgeDecision;
  /** Decides the held keys now (a scan if long and fast enough, else handed back). */
  flush(): void;
  /** Flushes and stops the idle timer. */
  dispose(): void;
}

export const wedgeDefaults = {
  maxInterKeyMs: 30,
  minLength: 4,
  endKeys: ['Enter', 'Tab'],
  gsChord: [{ key: ']', ctrlKey: true }] as GsChord[],
} as const;

export const GS = '\u001d';

/** Keys that type nothing by themselves; a scanner presses Shift between characters. */
const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'FnLock', 'Hyper', 'Super', 'Symbol', 'SymbolLock']);

const defaultTimers: WedgeTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};

const defaultNow = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function checkPositive(name: string, value: number, integer: boolean): number {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`Keyboard wedge: ${name} must be a positive ${integer ? 'integer' : 'number'}, got ${String(value)}.`);
  }
  return value;
}

interface Held {
  event: KeyLike;
  /** The character this key adds to a scan; null for modifiers held to keep the order. */
  char: string | null;
}

export function createWedgeDetector(options: WedgeOptions, callbacks: WedgeCallbacks): WedgeDetector {
  const maxGap = checkPositive('maxInterKeyMs', options.maxInterKeyMs ?? wedgeDefaults.maxInterKeyMs, false);
  const minLength = checkPositive('minLength', options.minLength ?? wedgeDefaults.minLength, true);
  const idleFlushMs = checkPositive('idleFlushMs', options.idleFlushMs ?? 2 * maxGap, false);
  const endKeys = new Set(options.endKeys ?? wedgeDefaults.endKeys);
  const chords = options.gsChord === null ? [] : Array.isArray(options.gsChord) ? options.gsChord : options.gsChord ? [options.gsChord] : wedgeDefaults.gsChord;
  const now = options.now ?? defaultNow;
  const timers = options.timers === undefined ? defaultTimers : options.timers;

  let held: Held[] = [];
  let chars = 0;
  /** Time of the last character of the open burst. */
  let lastAt = 0;
  let timer: unknown = null;

  const timeOf = (e: KeyLike): number => (Number.isFinite(e.timeStamp) && e.timeStamp > 0 ? e.timeStamp : now());

  const isGs = (e: KeyLike): boolean =>
    e.key === GS || chords.some((c) => c.key === e.key && Boolean(c.ctrlKey) === Boolean(e.ctrlKey) && Boolean(c.altKey) === Boolean(e.altKey));

  /** The character a key types, or null for keys that type nothing or are shortcuts. */
  function charOf(e: KeyLike): string | null {
    if (isGs(e)) return GS;
    if ([...e.key].length !== 1) return null;
    // Ctrl+Alt with a character is AltGr on Windows (e.g. '@' on a Spanish layout): it types.
    if (e.ctrlKey && e.altKey) return e.key;
    if (e.ctrlKey || e.altKey) return null;
    return e.key;
  }

  function cancelTimer(): void {
    if (timer !== null && timers) timers.clearTimeout(timer);
    timer = null;
  }

  function armTimer(): void {
    cancelTimer();
    if (!timers || held.length === 0) return;
    timer = timers.setTimeout(() => {
      timer = null;
      decide();
    }, idleFlushMs);
  }

  function takeHeld(): Held[] {
    const out = held;
    held = [];
    chars = 0;
    cancelTimer();
    return out;
  }

  function passThrough(): void {
    const keys = takeHeld().map((h) => h.event);
    if (keys.length > 0) callbacks.onPassThrough(keys);
  }

  function emitScan(): void {
    const text = takeHeld()
      .map((h) => h.char ?? '')
      .join('');
    callbacks.onScan(text);
  }

  /** The burst is over without a suffix (silence): a scan if long enough, else typing. */
  function decide(): void {
    if (held.length === 0) return;
    if (chars >= minLength) emitScan();
    else passThrough();
  }

  return {
    key(e) {
      const t = timeOf(e);
      const open = held.length > 0;
      const withinBurst = open && t - lastAt <= maxGap;

      if (modifierKeys.has(e.key)) {
        if (open && !withinBurst) decide();
        if (held.length === 0) return 'pass';
        // Held with the burst so a person's keys come back in the order they were pressed.
        held.push({ event: e, char: null });
        return 'pending';
      }

      if (endKeys.has(e.key) && !e.ctrlKey && !e.altKey) {
        if (withinBurst && chars >= minLength) {
          emitScan();
          return 'consumed';
        }
        if (open && !withinBurst) decide();
        else passThrough();
        return 'pass';
      }

      const char = charOf(e);
      if (char === null) {
        // Backspace, arrows, shortcuts: no scanner sends these, so a burst still open is typing.
        if (open && !withinBurst) decide();
        else passThrough();
        return 'pass';
      }

      if (open && !withinBurst) decide();
      if (held.length === 0 && char === GS) {
        // Data never starts with GS; a lone Ctrl+] (or Ctrl++, zoom) is a person's shortcut.
        return 'pass';
      }
      held.push({ event: e, char });
      chars += 1;
      lastAt = t;
      armTimer();
      return 'pending';
    },
    flush() {
      decide();
    },
    dispose() {
      decide();
      cancelTimer();
    },
  };
}
