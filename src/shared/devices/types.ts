/**
 * What the device layer (main process) tells the renderer: scans, instrument readings and the
 * state of every configured port. Port configuration is validated with these schemas in main.
 */
import { z } from 'zod';

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

export const deviceConfigSchema = z.object({
  /** Stable id of this configured device, e.g. "scanner-1". */
  id: z.string().min(1).max(60),
  kind: z.enum(['scanner', 'instrument']),
  /** OS path (/dev/ttyUSB0, COM3). */
  path: z.string().min(1),
  /** USB identity, preferred over the path when the device comes back on another path. */
  usb: z.object({ vendorId: z.string(), productId: z.string(), serialNumber: z.string().optional() }).optional(),
  /** Instrument protocol id (ARCHITECTURE 5), e.g. "mt-sics"; scanners omit it. */
  protocol: z.string().optional(),
  gaugeId: z.string().optional(),
  settings: portSettingsSchema.default(portSettingsSchema.parse({})),
  framing: framingSchema.default(framingSchema.parse({})),
  enabled: z.boolean().default(true),
});
export type DeviceConfig = z.infer<typeof deviceConfigSchema>;
export type DeviceConfigInput = z.input<typeof deviceConfigSchema>;

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
