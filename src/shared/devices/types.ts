/**
 * What the device layer (main process) tells the renderer: scans, instrument readings and the
 * state of every configured port. Port configuration is validated with these schemas in main.
 */
import { z } from 'zod';
import { defaultPortSettings, pollCommands } from '../instruments/settings';
import { protocolIds, type ProtocolId } from '../instruments/types';

export const readingStatuses = ['ok', 'overload', 'underload', 'error', 'ack', 'info'] as const;
export type ReadingStatus = (typeof readingStatuses)[number];

export interface Reading {
  /** The measured value as the instrument sent it, as a decimal string ("12.340"), or null. */
  value: string | null;
  /** The same value as a number, for display and charts only; never compare tolerances on it. */
  number: number | null;
  unit: string | null;
  stable: boolean | null;
  status: ReadingStatus;
  /** The raw frame as received (latin1), terminator included. */
  raw: string;
  portId: string;
  gaugeId: string | null;
  protocol: string;
  receivedAt: string;
  /** Protocol specifics (channel, error code, judgement...). */
  detail?: Record<string, string>;
  /**
   * The device layer's acceptance (main/devices/instrument-session): true for the reading that
   * completes a run of `stableCount` steady equal frames, for a poll answer that does, and for held
   * readings (data key). Absent on readings from before instrument sessions existed.
   */
  accepted?: boolean;
}

export interface ScanEvent {
  portId: string;
  /** Decoded text (latin1), terminator and AIM prefix removed; GS (0x1D) kept as the character. */
  text: string;
  /** AIM symbology identifier such as "]C1" or "]d2", when the scanner sent one. */
  symbology: string | null;
  source: 'serial' | 'wedge';
  receivedAt: string;
}

export const terminatorSchema = z.enum(['CR', 'LF', 'CRLF', 'ETX', 'NONE']);
export type Terminator = z.infer<typeof terminatorSchema>;

export const portSettingsSchema = z.object({
  baudRate: z.number().int().positive().default(9600),
  dataBits: z.union([z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(2)]).default(1),
  rtscts: z.boolean().default(false),
  xon: z.boolean().default(false),
  dtr: z.boolean().default(true),
  rts: z.boolean().default(true),
});

export const framingSchema = z.object({
  terminator: terminatorSchema.default('CR'),
  stripStx: z.boolean().default(true),
  /** A frame ends when no byte arrives for this long (scanners without a suffix). */
  interByteTimeoutMs: z.number().int().positive().max(5000).default(80),
  maxLength: z.number().int().positive().max(65536).default(4096),
  /** Character some scanners send instead of GS (0x1D); replaced by GS before parsing. */
  gsSubstitute: z.string().max(4).optional(),
});

const deviceFields = z.object({
  /** Stable id of this configured device, e.g. "scanner-1". */
  id: z.string().min(1).max(60),
  kind: z.enum(['scanner', 'instrument']),
  /** OS path (/dev/ttyUSB0, COM3). */
  path: z.string().min(1),
  /** USB identity, preferred over the path when the device comes back on another path. */
  usb: z.object({ vendorId: z.string(), productId: z.string(), serialNumber: z.string().optional() }).optional(),
  /** Instrument protocol id (ARCHITECTURE 5), e.g. "mt-sics"; scanners omit it. */
  protocol: z.string().optional(),
  /** Which gauge of the plant's register this instrument is; readings carry it to the gauge gate. */
  gaugeId: z.string().trim().min(1).max(60).optional(),
  settings: portSettingsSchema.default(portSettingsSchema.parse({})),
  framing: framingSchema.default(framingSchema.parse({})),
  enabled: z.boolean().default(true),
  /**
   * Instruments: 'poll' sends the request command and waits for one answer; 'stream' takes what
   * the device sends on its own. Omitted: the protocol's default (see instrumentProfile).
   */
  mode: z.enum(['stream', 'poll']).optional(),
  /** Request command override (latin1, control characters included); omitted: the protocol's own. */
  pollCommand: z.string().min(1).max(32).optional(),
  /** Pause between an answer (or timeout) and the next poll. */
  pollIntervalMs: z.number().int().min(50).max(600_000).optional(),
  /** How long a request waits for its answer before it counts as lost. */
  requestTimeoutMs: z.number().int().min(50).max(60_000).optional(),
  /** Consecutive steady equal readings needed before one is accepted. */
  stableCount: z.number().int().min(1).max(50).optional(),
});

function checkInstrument(c: z.infer<typeof deviceFields>, ctx: z.RefinementCtx): void {
  if (c.kind !== 'instrument') return;
  if (c.protocol === undefined || !isInstrumentProtocol(c.protocol)) {
    ctx.addIssue({ code: 'custom', path: ['protocol'], message: `Choose one of the instrument protocols: ${protocolIds.join(', ')}.` });
    return;
  }
  const mode = c.mode ?? defaultPortSettings[c.protocol].mode;
  if (mode === 'poll' && c.pollCommand === undefined && pollCommands[c.protocol] === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['mode'],
      message: `Protocol ${c.protocol} has no request command: use stream mode or type the command the device expects.`,
    });
  }
}

/**
 * An instrument's port settings and terminator, where the config leaves them out, are its
 * protocol's factory defaults (instruments/settings), not the scanner defaults: a Sylvac cable
 * saved with only a path still talks 4800 7E2.
 */
function fillProtocolDefaults(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const c = raw as Record<string, unknown>;
  if (c.kind !== 'instrument' || typeof c.protocol !== 'string' || !isInstrumentProtocol(c.protocol)) return raw;
  const d = defaultPortSettings[c.protocol];
  const own = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const settings = { baudRate: d.baudRate, dataBits: d.dataBits, parity: d.parity, stopBits: d.stopBits, rtscts: d.rtscts, xon: d.xon, dtr: d.dtr, rts: d.rts };
  return {
    ...c,
    settings: c.settings === undefined || typeof c.settings === 'object' ? { ...settings, ...own(c.settings) } : c.settings,
    framing: c.framing === undefined || typeof c.framing === 'object' ? { terminator: d.terminator, ...own(c.framing) } : c.framing,
  };
}

const refinedDevice = deviceFields.superRefine(checkInstrument);
// The preprocess step widens zod's input type to unknown; callers keep the object's input type.
export const deviceConfigSchema = z.preprocess(fillProtocolDefaults, refinedDevice) as unknown as z.ZodType<
  z.output<typeof refinedDevice>,
  z.input<typeof refinedDevice>
>;
export type DeviceConfig = z.infer<typeof deviceConfigSchema>;
export type DeviceConfigInput = z.input<typeof deviceConfigSchema>;

export function isInstrumentProtocol(value: string): value is ProtocolId {
  return (protocolIds as readonly string[]).includes(value);
}

/** How an instrument port is driven, with the protocol's defaults filled in. */
export interface InstrumentProfile {
  protocol: ProtocolId;
  mode: 'stream' | 'poll';
  /** What a poll or a test request sends; null where the protocol has none and none was typed. */
  command: string | null;
  pollIntervalMs: number;
  requestTimeoutMs: number;
  stableCount: number;
}

/** Default consecutive steady readings: a balance streaming ~10 frames/s settles in about 0.3 s. */
export const DEFAULT_STABLE_COUNT = 3;

/** The effective profile of an instrument config, or null for scanners and unknown protocols. */
export function instrumentProfile(config: DeviceConfig): InstrumentProfile | null {
  if (config.kind !== 'instrument' || config.protocol === undefined || !isInstrumentProtocol(config.protocol)) return null;
  const d = defaultPortSettings[config.protocol];
  return {
    protocol: config.protocol,
    mode: config.mode ?? d.mode,
    command: config.pollCommand ?? pollCommands[config.protocol],
    pollIntervalMs: config.pollIntervalMs ?? d.pollIntervalMs,
    requestTimeoutMs: config.requestTimeoutMs ?? d.timeoutMs,
    stableCount: config.stableCount ?? DEFAULT_STABLE_COUNT,
  };
}

export type DeviceState = 'connected' | 'connecting' | 'disconnected' | 'error' | 'disabled';
export interface DeviceStatus {
  id: string;
  kind: DeviceConfig['kind'];
  path: string;
  state: DeviceState;
  message?: string;
  since: string;
}

export interface PortInfo {
  path: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
}

/** What came back for a test request from the device screen. */
export interface DeviceTestResult {
  /** The request as sent (latin1). */
  sent: string;
  reading: Reading;
}

export type TrafficParsed =
  | { kind: 'reading'; reading: Reading }
  | { kind: 'scan'; scan: ScanEvent }
  | { kind: 'error'; code: string; message: string };

/**
 * One line of the device screen's live monitor: a frame received, a request sent, or a lost
 * request (rx with no bytes and an error). Sent only for ports being monitored (devices:monitor).
 */
export interface TrafficEvent {
  portId: string;
  direction: 'rx' | 'tx';
  /** The bytes as space-separated hex pairs ("53 20 53 0d 0a"). */
  hex: string;
  /** The same bytes as latin1 text. */
  text: string;
  parsed?: TrafficParsed;
  at: string;
}

/** "53 49 0d 0a" for "SI\r\n": latin1 text as hex pairs. */
export function toHex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (i > 0) out += ' ';
    out += (text.charCodeAt(i) & 0xff).toString(16).padStart(2, '0');
  }
  return out;
}
