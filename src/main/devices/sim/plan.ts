/**
 * What a simulated device sends, apart from the port: the profile list, option checks, the
 * sequence of frames (settling, overload, error frames), garbage lines and the recognition of
 * poll commands. Frames come from the shared encoders (`encodeFrame`), so the simulators speak
 * exactly what the decoders read.
 */
import type { Terminator } from '../../../shared/devices/types';
import {
  decodeFrame,
  defaultPortSettings,
  encodableStatuses,
  encodeFrame,
  isProtocolId,
  pollCommands,
  protocolIds,
  type EncodableReading,
  type ProtocolId,
} from '../../../shared/instruments';

export interface SimOptions {
  /** Serial port to act on (the device's side of a socat pair, or a real port). */
  port: string;
  /** Instruments: the decimal reading ("12.345"). Scanner: the scan text ("<GS>" stands for GS). */
  value?: string;
  unit?: string;
  /** A few unstable (moving) readings before settling on the value. */
  unstable?: boolean;
  /** Overload frames instead of readings. */
  overload?: boolean;
  /** The protocol's error frames instead of readings (alternating with overload if both). */
  errorFrames?: boolean;
  /** A line of random bytes before every frame. */
  garbage?: boolean;
  /** Close the port after this many frames (a cable pulled). */
  disconnectAfter?: number;
  /** Pause between frames of a streaming device (ms). Default 500. */
  intervalMs?: number;
  /** Stop after this many frames. Default: scanner 1, instruments until stopped. */
  count?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export const SCANNER = 'scanner';
export type SimProfile = ProtocolId | typeof SCANNER;

/** Every profile `takt sim` knows: one per instrument protocol, plus the scanner. */
export function listSimProfiles(): string[] {
  return [...protocolIds, SCANNER];
}

export function isSimProfile(profile: string): profile is SimProfile {
  return profile === SCANNER || isProtocolId(profile);
}

/** A GS1 scan (GTIN, lot, serial) with its AIM prefix, as a CDC scanner sends it. */
export const DEFAULT_SCAN = ']C1010950110153000310LOT42\u001d21SN0001';
export const DEFAULT_VALUE = '12.345';
const weighingUnits: Partial<Record<ProtocolId, string>> = { 'and-indicator': 'kg' };
const gaugeProtocols = new Set<ProtocolId>(['sylvac-optors', 'mahr-c1202', 'mahr-optorsd', 'mitutoyo-01A', 'mitutoyo-uwave', 'mitutoyo-idh']);

export function defaultSimUnit(protocol: ProtocolId): string {
  return weighingUnits[protocol] ?? (gaugeProtocols.has(protocol) ? 'mm' : 'g');
}

export const terminatorBytes: Record<Terminator, string> = { CR: '\r', LF: '\n', CRLF: '\r\n', ETX: '\x03', NONE: '' };

/** Scanner frames: text + CR (the suffix the reference recommends, 1.5). */
export const SCANNER_SUFFIX = '\r';

function positiveInt(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
    throw new RangeError(`--${name} must be a positive whole number, got ${String(value)}.`);
  }
}

/** Checks the options for a profile; throws a RangeError that says what to change. */
export function checkSimOptions(profile: string, opts: SimOptions): asserts profile is SimProfile {
  if (!isSimProfile(profile)) {
    throw new RangeError(`Unknown simulator profile "${profile}". Available: ${listSimProfiles().join(', ')}.`);
  }
  if (!opts.port) throw new RangeError('--port is required (e.g. the device side of a socat pair).');
  positiveInt('interval-ms', opts.intervalMs);
  positiveInt('count', opts.count);
  positiveInt('disconnect-after', opts.disconnectAfter);
  if (profile === SCANNER) {
    const wrong = (['unit', 'unstable', 'overload', 'errorFrames'] as const).filter((k) => opts[k] !== undefined && opts[k] !== false);
    if (wrong.length > 0) throw new RangeError(`The scanner profile has no ${wrong.map(flag).join(', ')}; those are instrument options.`);
    if (opts.value !== undefined && opts.value.length === 0) throw new RangeError('--value: a scan cannot be empty.');
    return;
  }
  if (opts.value !== undefined && !/^-?\d+(\.\d+)?$/.test(opts.value)) {
    throw new RangeError(`--value must be a decimal number such as 12.345 or -0.50, got "${opts.value}".`);
  }
  if (opts.unit !== undefined && !/^[A-Za-z%]{1,4}$/.test(opts.unit)) {
    throw new RangeError(`--unit must be a unit such as g, kg or mm, got "${opts.unit}".`);
  }
  const can = encodableStatuses[profile];
  if (opts.overload && !can.includes('overload')) {
    throw new RangeError(`${profile} has no overload frame; it can send: ${can.join(', ')}.`);
  }
  if (opts.errorFrames && !can.includes('error')) {
    throw new RangeError(`${profile} has no error frame; it can send: ${can.join(', ')}.`);
  }
  try {
    encodeFrame(profile, { value: opts.value ?? DEFAULT_VALUE, unit: opts.unit ?? defaultSimUnit(profile), stable: true });
  } catch (e) {
    throw new RangeError(`${profile} cannot send ${opts.value ?? DEFAULT_VALUE}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function flag(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** `value` moved by `steps` units of its last digit, as a decimal string with the same scale. */
export function offsetDecimal(value: string, steps: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) throw new RangeError(`Not a decimal: ${value}`);
  const frac = m[3] ?? '';
  const scaled = BigInt(`${m[1] ?? ''}${m[2] ?? '0'}${frac}`) + BigInt(steps);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(frac.length + 1, '0');
  const int = digits.slice(0, digits.length - frac.length);
  const body = frac.length > 0 ? `${int}.${digits.slice(digits.length - frac.length)}` : int;
  return negative ? `-${body}` : body;
}

/** The moves of a settling reading, in units of the last digit. */
export const SETTLING_STEPS = [83, -41, 17] as const;

export interface FramePlan {
  /** The reading and frame for the next answer or streamed frame. */
  next(): { reading: EncodableReading | null; frame: string };
}

/** Instrument frames in order: settling readings (--unstable), then readings or overload/error frames. */
export function createFramePlan(profile: SimProfile, opts: SimOptions): FramePlan {
  let n = 0;
  if (profile === SCANNER) {
    const text = (opts.value ?? DEFAULT_SCAN).split('<GS>').join('\u001d');
    return { next: () => ({ reading: null, frame: `${text}${SCANNER_SUFFIX}` }) };
  }
  const value = opts.value ?? DEFAULT_VALUE;
  const unit = opts.unit ?? defaultSimUnit(profile);
  const kinds: ('overload' | 'error')[] = [];
  if (opts.overload) kinds.push('overload');
  if (opts.errorFrames) kinds.push('error');
  const settling = opts.unstable ? SETTLING_STEPS.length : 0;
  return {
    next() {
      const i = n++;
      let reading: EncodableReading;
      if (i < settling) {
        reading = { value: offsetDecimal(value, SETTLING_STEPS[i] ?? 0), unit, stable: false, status: 'ok' };
      } else if (kinds.length > 0) {
        const kind = kinds[(i - settling) % kinds.length] ?? 'overload';
        reading = { value: null, unit, status: kind };
      } else {
        reading = { value, unit, stable: true, status: 'ok' };
      }
      return { reading, frame: encodeFrame(profile, reading) };
    },
  };
}

/** Bytes never put in garbage: terminators and STX/ETX (they would split it or merge it with a frame), XON/XOFF (flow control). */
const excluded = new Set([0x02, 0x03, 0x0a, 0x0d, 0x11, 0x13]);
const FALLBACK_GARBAGE = '#\xff\x7f?garbage';

/**
 * One line of random bytes with the profile's terminator, that the protocol's decoder rejects
 * (line noise, a wrong baud rate). For the scanner, any random line.
 */
export function garbageLine(profile: SimProfile, random: () => number = Math.random): string {
  const end = profile === SCANNER ? SCANNER_SUFFIX : terminatorBytes[defaultPortSettings[profile].terminator];
  for (let attempt = 0; attempt < 20; attempt++) {
    const length = 4 + Math.floor(random() * 13);
    let text = '';
    while (text.length < length) {
      const b = Math.floor(random() * 256);
      if (!excluded.has(b)) text += String.fromCharCode(b);
    }
    if (profile === SCANNER || !decodeFrame(profile, text).ok) return `${text}${end}`;
  }
  return `${FALLBACK_GARBAGE}${end}`;
}

export interface SimRequest {
  /** The command as received, terminator removed. */
  command: string;
  /** The frame to send back, or null when the device stays silent. */
  reply: 'reading' | { frame: string } | null;
}

/** Commands answered with a reading, besides the protocol's poll command. */
const extraReadingCommands: Partial<Record<ProtocolId, string[]>> = { 'mt-sics': ['S', 'SI'] };
/** What a device says to a command it does not know. */
const unknownReplies: Partial<Record<ProtocolId, EncodableReading>> = {
  'mt-sics': { value: null, status: 'error', detail: { error_code: 'ES' } },
  'sylvac-optors': { value: null, status: 'error', detail: { error_code: 'ERR1' } },
  ohaus: { value: null, status: 'error' },
};
const MAX_COMMAND = 256;

/**
 * Recognises the commands the terminal sends to a polled instrument: returns a function that
 * takes received bytes (latin1) and gives the complete requests found so far, in order.
 * Devices that only stream have no commands: always [].
 */
export function createRequestReader(protocol: ProtocolId): (chunk: string) => SimRequest[] {
  const poll = pollCommands[protocol];
  if (poll === null) return () => [];
  const body = poll.replace(/[\r\n]+$/, '');
  const readings = new Set([body, ...(extraReadingCommands[protocol] ?? [])]);
  const unknown = unknownReplies[protocol];
  let buffer = '';

  if (body === poll) {
    // Unterminated single commands (KERN 'W'): every occurrence is a request.
    return (chunk) => {
      buffer += chunk;
      const out: SimRequest[] = [];
      let at = buffer.indexOf(body);
      while (at >= 0) {
        out.push({ command: body, reply: 'reading' });
        buffer = buffer.slice(at + body.length);
        at = buffer.indexOf(body);
      }
      // Keep only what may be the start of the next command.
      buffer = body.length > 1 ? buffer.slice(-(body.length - 1)) : '';
      return out;
    };
  }

  return (chunk) => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop() ?? '';
    if (buffer.length > MAX_COMMAND) buffer = '';
    const out: SimRequest[] = [];
    for (const line of lines) {
      if (line.trim() === '') continue;
      if (readings.has(line.trim())) out.push({ command: line, reply: 'reading' });
      else out.push({ command: line, reply: unknown ? { frame: encodeFrame(protocol, unknown) } : null });
    }
    return out;
  };
}
