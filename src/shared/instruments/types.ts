/**
 * Types shared by the measuring-instrument decoders (shared/reference/devices-and-barcodes.md §4).
 * A decoder turns one frame (latin1 text) into a protocol-neutral reading; the device layer adds
 * port, gauge and time to make a `Reading` (devices/types.ts).
 */
import type { ReadingStatus, Terminator } from '../devices/types';

export const protocolIds = [
  'mt-sics',
  'sartorius-sbi',
  'and-std',
  'and-csv',
  'and-indicator',
  'ohaus',
  'kern-st',
  'kern-ew',
  'sylvac-optors',
  'mahr-c1202',
  'mahr-optorsd',
  'mitutoyo-01A',
  'mitutoyo-uwave',
  'mitutoyo-idh',
] as const;
export type ProtocolId = (typeof protocolIds)[number];

/** A protocol-specific extra: channel, error code, judgement, the per-feature map of a Mahr reply... */
export type FieldValue = string | number | boolean | { [key: string]: string | number };

/** What a protocol decoder returns for a frame it recognises. */
export interface DecodedFrame {
  /** Decimal string as sent: no '+', no padding zeros, every fraction digit kept ("-12.340"). */
  value: string | null;
  unit: string | null;
  stable: boolean | null;
  status: ReadingStatus;
  fields: Record<string, FieldValue>;
}

export const decodeErrorCodes = [
  'empty_frame',
  'frame_too_long',
  'parity',
  'not_a_frame',
  'bad_value',
  'unknown_protocol',
] as const;
export type DecodeErrorCode = (typeof decodeErrorCodes)[number];

export interface DecodeError {
  code: DecodeErrorCode;
  message: string;
}

export type DecodeOutcome =
  | {
      ok: true;
      /** Decimal string exactly as sent, sign normalised ("-12.340"); compare tolerances on this. */
      value: string | null;
      /** The same value as a number, for display only. */
      number: number | null;
      unit: string | null;
      stable: boolean | null;
      status: ReadingStatus;
      /** Protocol specifics as strings (channel, error_code, judgement, features.2...). */
      detail?: Record<string, string>;
    }
  | { ok: false; error: DecodeError };

export type StepResult = { ok: true; frame: DecodedFrame } | { ok: false; error: DecodeError };

export interface DecodeOptions {
  /**
   * Unit configured for the gauge, for protocols that do not send one (Mitutoyo, Sylvac,
   * Mahr without unit). Ignored when the frame carries its own unit.
   */
  unit?: string | null;
}

/** The reading a simulator or a round-trip test wants turned into a frame. */
export interface EncodableReading {
  /** Decimal string such as "-12.340"; null for frames without a value. */
  value: string | null;
  unit?: string | null;
  stable?: boolean | null;
  status?: ReadingStatus;
  /** Protocol specifics: error_code, channel, group, id, tolerance, ident, field... */
  detail?: Record<string, string>;
}

export interface ProtocolPortDefaults {
  baudRate: number;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
  rtscts: boolean;
  xon: boolean;
  dtr: boolean;
  rts: boolean;
  terminator: Terminator;
  /** poll: send `pollCommands[p]` and wait for one frame; stream: the device sends on its own. */
  mode: 'poll' | 'stream';
  timeoutMs: number;
  /** Minimum spacing between polls. */
  pollIntervalMs: number;
  /** False when the reference marks the factory setting UNVERIFIED: read the device's menu. */
  verified: boolean;
}

/** The JSON `takt decode instrument` prints (ARCHITECTURE 5), plus protocol extras at top level. */
export type JsonField = FieldValue | null;
export interface InstrumentCliOk {
  ok: true;
  value: number | null;
  raw: string | null;
  unit: string | null;
  stable: boolean | null;
  status: ReadingStatus;
  [extra: string]: JsonField;
}
export interface InstrumentCliError {
  ok: false;
  error: { code: string; message: string };
}
export type InstrumentCliResult = InstrumentCliOk | InstrumentCliError;
