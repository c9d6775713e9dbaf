/**
 * How the serial hub turns an instrument frame into a Reading: a decoder function is injected
 * (the protocol decoders live in src/shared/instruments), so the hub stays testable on its own.
 */
import type { Reading, ReadingStatus } from '../../shared/devices/types';
import { decodeFrame, isProtocolId, protocolIds } from '../../shared/instruments';

export interface DecodedReading {
  /** Decimal string as the instrument sent it (normalised, e.g. "-12.340"), or null. */
  value: string | null;
  unit: string | null;
  stable: boolean | null;
  status: ReadingStatus;
  detail?: Record<string, string>;
}

export type DecodeOutcome = { ok: true; reading: DecodedReading } | { ok: false; error: { code: string; message: string } };

/** `frame` is the frame text without terminator (latin1); `raw` is the frame as received, terminator included. */
export type InstrumentDecoder = (protocol: string, frame: string, raw: string) => DecodeOutcome;

export const noDecoder: InstrumentDecoder = (protocol) => ({
  ok: false,
  error: { code: 'unsupported-protocol', message: `No decoder is available for instrument protocol "${protocol}".` },
});

/** The real decoders (src/shared/instruments), adapted to the hub. */
export const sharedInstrumentDecoder: InstrumentDecoder = (protocol, frame) => {
  if (!isProtocolId(protocol)) {
    return {
      ok: false,
      error: { code: 'unsupported-protocol', message: `Unknown instrument protocol "${protocol}". Known: ${protocolIds.join(', ')}.` },
    };
  }
  const outcome = decodeFrame(protocol, frame);
  if (!outcome.ok) return { ok: false, error: { code: outcome.error.code, message: outcome.error.message } };
  const reading: DecodedReading = { value: outcome.value, unit: outcome.unit, stable: outcome.stable, status: outcome.status };
  if (outcome.detail) reading.detail = outcome.detail;
  return { ok: true, reading };
};

export function toReading(
  outcome: DecodeOutcome,
  ctx: { raw: string; portId: string; gaugeId: string | null; protocol: string; receivedAt: string },
): Reading {
  if (!outcome.ok) {
    // A frame we cannot read still reaches the screen, as an error reading with the raw bytes,
    // so the inspector sees that the instrument sent something and why it was not accepted.
    return {
      value: null,
      number: null,
      unit: null,
      stable: null,
      status: 'error',
      ...ctx,
      detail: { decodeError: outcome.error.code, message: outcome.error.message },
    };
  }
  const { value, unit, stable, status, detail } = outcome.reading;
  const number = value === null ? null : Number(value);
  return {
    value,
    number: number !== null && Number.isFinite(number) ? number : null,
    unit,
    stable,
    status,
    ...ctx,
    ...(detail ? { detail } : {}),
  };
}
