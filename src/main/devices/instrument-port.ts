/**
 * One configured instrument on an open serial port: drives an instrument session (poll or stream,
 * one request in flight, timeouts, N-stable acceptance), turns its output into `Reading`s and
 * monitor traffic, and answers test requests from the device screen. The serial hub owns the
 * port; this module only ever sees bytes to write and framed input.
 */
import type { DeviceConfig, DeviceTestResult, InstrumentProfile, Reading, TrafficParsed } from '../../shared/devices/types';
import type { DecodeErrorCode, DecodeOutcome } from '../../shared/instruments';
import { err, ok, type Result } from '../../shared/result';
import { createInstrumentSession, MIN_REQUEST_SPACING_MS, type InstrumentSession, type SessionError } from './instrument-session';
import { toReading, type InstrumentDecoder } from './instrument-decoder';

export interface InstrumentPortOptions {
  config: DeviceConfig;
  profile: InstrumentProfile;
  decode: InstrumentDecoder;
  now: () => Date;
  onReading: (r: Reading) => void;
  /** Monitor traffic: bytes sent or received (raw latin1), with what they meant. */
  onTraffic: (direction: 'rx' | 'tx', raw: string, parsed?: TrafficParsed) => void;
  log: (message: string) => void;
}

export interface InstrumentPort {
  /** The port is open: start polling (poll mode) through `write`. */
  attach(write: (bytes: string) => void): void;
  /** The port closed or was lost: stop, and fail a test request that is waiting. */
  detach(reason: string): void;
  frame(text: string, raw: string): void;
  /** Sends the request command and resolves with the answer, or a timeout. */
  test(): Promise<Result<DeviceTestResult>>;
}

type Waiter = (r: Result<DeviceTestResult>) => void;

/** Errors of the session itself (not of a frame): no bytes to show, only what happened. */
const sessionOnly = new Set(['timeout', 'unsolicited', 'write_failed']);

export function createInstrumentPort(options: InstrumentPortOptions): InstrumentPort {
  const { config, profile, decode, now, log } = options;
  let session: InstrumentSession | null = null;
  let waiters: Waiter[] = [];
  /** What the frame being handled turned into (the session answers synchronously). */
  let produced: TrafficParsed | undefined;

  const settle = (r: Result<DeviceTestResult>): void => {
    const all = waiters;
    waiters = [];
    for (const w of all) w(r);
  };

  const base = (raw: string) => ({ raw, portId: config.id, gaugeId: config.gaugeId ?? null, protocol: profile.protocol, receivedAt: now().toISOString() });

  /**
   * The unit the instrument last announced on this connection (a Sylvac "MM"/"IN" answer, a
   * Mahr unit line), given to its values that carry none: a caliper switched to inches then reads
   * in inches, and the gauge gate refuses the reading for a characteristic in mm instead of judging
   * inches as millimetres. Forgotten when the port closes (another instrument may be plugged in).
   */
  let announcedUnit: string | null = null;

  // The hub's decoder (injectable in tests) adapted to the session's shape.
  const sessionDecode = (_protocol: string, frame: string): DecodeOutcome => {
    const o = decode(profile.protocol, frame, frame);
    if (!o.ok) return { ok: false, error: { code: o.error.code as DecodeErrorCode, message: o.error.message } };
    const { value, stable, status, detail } = o.reading;
    if (status === 'info' && value === null && o.reading.unit) announcedUnit = o.reading.unit;
    const unit = o.reading.unit ?? (value !== null ? announcedUnit : null);
    const n = value === null ? null : Number(value);
    return { ok: true, value, number: n !== null && Number.isFinite(n) ? n : null, unit, stable, status, ...(detail ? { detail } : {}) };
  };

  const onError = (e: SessionError): void => {
    if (sessionOnly.has(e.code)) {
      log(`serial hub: ${config.id}: ${e.message}`);
      const parsed: TrafficParsed = { kind: 'error', code: e.code, message: e.message };
      if (e.raw !== undefined) produced = parsed;
      else options.onTraffic('rx', '', parsed);
      if (e.code === 'timeout') settle(err('timeout', e.message));
      if (e.code === 'write_failed') settle(err('device-error', e.message));
      return;
    }
    // A frame we cannot read still reaches the screen, as an error reading with the raw bytes.
    const reading = toReading({ ok: false, error: { code: e.code, message: e.message } }, base(e.raw ?? ''));
    produced = { kind: 'reading', reading };
    options.onReading(reading);
  };

  const start = (write: (bytes: string) => void): InstrumentSession =>
    createInstrumentSession({
      protocol: profile.protocol,
      mode: profile.mode,
      command: profile.command,
      pollIntervalMs: profile.pollIntervalMs,
      requestTimeoutMs: profile.requestTimeoutMs,
      stableCount: profile.stableCount,
      write: (bytes) => {
        write(bytes);
        options.onTraffic('tx', bytes);
      },
      decode: sessionDecode,
      onReading: (r) => {
        const reading: Reading = {
          value: r.value,
          number: r.number,
          unit: r.unit,
          stable: r.stable,
          status: r.status,
          ...base(r.raw),
          ...(r.detail ? { detail: r.detail } : {}),
          accepted: r.accepted,
        };
        produced = { kind: 'reading', reading };
        options.onReading(reading);
        if (profile.command !== null) settle(ok({ sent: profile.command, reading }));
      },
      onError,
    });

  return {
    attach(write) {
      session?.stop();
      session = start(write);
      session.start();
    },
    detach(reason) {
      announcedUnit = null;
      session?.stop();
      session = null;
      settle(err('offline', reason));
    },
    frame(text, raw) {
      produced = undefined;
      session?.frame(text, raw);
      options.onTraffic('rx', raw, produced);
      produced = undefined;
    },
    test() {
      if (!session) return Promise.resolve(err('offline', `${config.id} (${config.path}) is not connected.`));
      const command = profile.command;
      if (command === null) {
        return Promise.resolve(
          err('invalid-request', `Protocol ${profile.protocol} has no request command: press the instrument's data key, or type the command it expects.`),
        );
      }
      const answer = new Promise<Result<DeviceTestResult>>((resolve) => {
        // The session times the request out; this guard only covers a queued request that never went.
        const guard = setTimeout(
          () => resolve(err('timeout', `No answer from ${config.id} within ${profile.requestTimeoutMs} ms (sent ${JSON.stringify(command)}).`)),
          profile.requestTimeoutMs + profile.pollIntervalMs + MIN_REQUEST_SPACING_MS + 500,
        );
        waiters.push((r) => {
          clearTimeout(guard);
          resolve(r);
        });
      });
      const sent = session.requestNow();
      if (sent === 'stopped') settle(err('offline', `${config.id} (${config.path}) is not connected.`));
      return answer;
    },
  };
}
