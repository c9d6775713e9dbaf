/**
 * Measuring-instrument decoders (shared/reference/devices-and-barcodes.md §4): one frame in,
 * one protocol-neutral reading out. Pure: used by the device layer, the `takt decode` command
 * and the simulators (`encodeFrame`).
 */
import type { Reading, ReadingStatus } from '../devices/types';
import { cleanFrame, decodeErrorText, fail } from './common';
import { andCsv, andIndicator, andStd } from './protocols/and';
import type { ProtocolCodec } from './protocols/codec';
import { kernEw, kernSt } from './protocols/kern';
import { mitutoyo01A, mitutoyoIdh, mitutoyoUwave } from './protocols/mitutoyo';
import { mtSics } from './protocols/mt-sics';
import { ohaus } from './protocols/ohaus';
import { sartoriusSbi } from './protocols/sartorius';
import { mahrC1202, mahrOptorsd, sylvacOptors } from './protocols/sylvac-mahr';
import {
  type DecodeOptions,
  type DecodeOutcome,
  type EncodableReading,
  type FieldValue,
  type InstrumentCliResult,
  type ProtocolId,
  type StepResult,
  decodeErrorCodes,
  protocolIds,
} from './types';

export { protocolIds, decodeErrorCodes } from './types';
export type {
  DecodeError,
  DecodeErrorCode,
  DecodeOptions,
  DecodeOutcome,
  EncodableReading,
  FieldValue,
  InstrumentCliError,
  InstrumentCliOk,
  InstrumentCliResult,
  ProtocolId,
  ProtocolPortDefaults,
} from './types';
export { pollCommands, defaultPortSettings } from './settings';
export { decodeErrorText, normaliseUnit } from './common';

const codecs: Record<ProtocolId, ProtocolCodec> = {
  'mt-sics': mtSics,
  'sartorius-sbi': sartoriusSbi,
  'and-std': andStd,
  'and-csv': andCsv,
  'and-indicator': andIndicator,
  ohaus,
  'kern-st': kernSt,
  'kern-ew': kernEw,
  'sylvac-optors': sylvacOptors,
  'mahr-c1202': mahrC1202,
  'mahr-optorsd': mahrOptorsd,
  'mitutoyo-01A': mitutoyo01A,
  'mitutoyo-uwave': mitutoyoUwave,
  'mitutoyo-idh': mitutoyoIdh,
};

export function isProtocolId(value: string): value is ProtocolId {
  return (protocolIds as readonly string[]).includes(value);
}

/** Human name of a protocol ("Sartorius SBI"). */
export function protocolName(protocol: ProtocolId): string {
  return codecs[protocol].name;
}

/** Statuses `encodeFrame` can express for each protocol (a simulator asks before encoding). */
export const encodableStatuses: Record<ProtocolId, readonly ReadingStatus[]> = Object.fromEntries(
  protocolIds.map((p) => [p, codecs[p].encodes]),
) as Record<ProtocolId, readonly ReadingStatus[]>;

function decodeStep(protocol: ProtocolId, frame: string, options: DecodeOptions): StepResult {
  const cleaned = cleanFrame(frame);
  if (!cleaned.ok) return cleaned;
  return codecs[protocol].decode(cleaned.body, options);
}

function flatten(fields: Record<string, FieldValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(fields)) {
    if (typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) out[`${key}.${k}`] = String(inner);
    } else {
      out[key] = String(v);
    }
  }
  return out;
}

/**
 * Decodes one frame (latin1 text, terminator present or stripped). Error replies of the device
 * are readings with status 'error'; bytes that are not a frame of the protocol are ok:false.
 */
export function decodeFrame(protocol: ProtocolId, frame: string, options: DecodeOptions = {}): DecodeOutcome {
  const r = decodeStep(protocol, frame, options);
  if (!r.ok) return r;
  const { value, unit, stable, status, fields } = r.frame;
  const detail = flatten(fields);
  return {
    ok: true,
    value,
    number: value === null ? null : Number(value),
    unit,
    stable,
    status,
    ...(Object.keys(detail).length > 0 ? { detail } : {}),
  };
}

const coreKeys = new Set(['ok', 'value', 'raw', 'unit', 'stable', 'status']);

/**
 * The JSON `takt decode instrument` prints (ARCHITECTURE 5): `value` as a number, `raw` the
 * decimal string as sent, and the protocol extras (channel, error_code, judgement...) beside them.
 */
export function decodeInstrument(protocol: string, frame: string, options: DecodeOptions = {}): InstrumentCliResult {
  if (!isProtocolId(protocol)) {
    const e = fail('unknown_protocol', `'${protocol}'; known: ${protocolIds.join(', ')}.`);
    return { ok: false, error: { code: e.error.code, message: e.error.message } };
  }
  const r = decodeStep(protocol, frame, options);
  if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
  const { value, unit, stable, status, fields } = r.frame;
  const result: InstrumentCliResult = {
    ok: true,
    value: value === null ? null : Number(value),
    raw: value,
    unit,
    stable,
    status,
  };
  for (const [k, v] of Object.entries(fields)) {
    if (!coreKeys.has(k)) result[k] = v;
  }
  return result;
}

/**
 * A complete frame (terminator included) of `protocol` for `reading`; what the simulators send.
 * Throws RangeError when the value is not a decimal string or the protocol has no frame for the
 * status (see `encodableStatuses`).
 */
export function encodeFrame(protocol: ProtocolId, reading: EncodableReading): string {
  return codecs[protocol].encode(reading);
}

/** Operator text for an ok:false outcome in Spanish or English; unknown codes come back as is. */
export function decodeErrorMessage(code: string, lang: 'en' | 'es' = 'en'): string {
  const known = decodeErrorCodes.find((c) => c === code);
  return known ? decodeErrorText(known, lang) : code;
}

/** The device layer's `Reading` for a decoded frame (ok outcomes only). */
export function readingFromOutcome(
  outcome: Extract<DecodeOutcome, { ok: true }>,
  context: { raw: string; portId: string; gaugeId: string | null; protocol: ProtocolId; receivedAt: string },
): Reading {
  return {
    value: outcome.value,
    number: outcome.number,
    unit: outcome.unit,
    stable: outcome.stable,
    status: outcome.status,
    raw: context.raw,
    portId: context.portId,
    gaugeId: context.gaugeId,
    protocol: context.protocol,
    receivedAt: context.receivedAt,
    ...(outcome.detail ? { detail: outcome.detail } : {}),
  };
}
