/**
 * The driver of one instrument port (reference: devices-and-barcodes 4.0, 4.9), apart from the
 * serial port itself: the caller writes the bytes we give it and hands us every framed input.
 *
 * Poll mode: the protocol's poll command is sent, exactly one request is in flight, the next one
 * goes `pollIntervalMs` after the previous answer or timeout (so a device that wants a pause
 * between requests, KERN > 100 ms, gets it). A frame with no request waiting (a late answer after
 * a timeout, or the print key) is discarded and reported: an old value is never used. (These
 * protocols carry no request id, so an answer later than the timeout plus the poll interval would
 * pass for the answer to the next request; keep requestTimeoutMs above the device's worst case.)
 *
 * Acceptance, in both modes: a reading is `accepted` when it completes a run of `stableCount`
 * consecutive steady frames with the same value and unit (steady: status ok and not flagged
 * unstable), once per run; the run must break (another value, an unstable, overload, error or
 * unreadable frame) before the same value is accepted again, so a balance streaming its settled
 * weight ten times a second gives one reading, not ten. Two exceptions, in stream mode only:
 *   - held readings (stable === null: Mitutoyo, Sylvac, Mahr send only when the data key is
 *     pressed) are each accepted;
 *   - with stableCount 1 (a print key: one frame per press) each stable frame is accepted.
 * Unstable readings are reported, never accepted; overload/underload/error frames are reported
 * as readings with that status.
 */
import type { ReadingStatus } from '../../shared/devices/types';
import { pollCommands, type DecodeErrorCode, type DecodeOutcome, type ProtocolId } from '../../shared/instruments';

export interface SessionTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type SessionErrorCode =
  /** No answer within requestTimeoutMs. */
  | 'timeout'
  /** A frame came with no request waiting (late answer, print key); discarded. */
  | 'unsolicited'
  /** The write callback threw (port closed). */
  | 'write_failed'
  /** The frame is not a frame of the protocol: the decoder's code (not_a_frame, parity...). */
  | DecodeErrorCode;

export interface SessionError {
  code: SessionErrorCode;
  message: string;
  /** The frame concerned, when there is one. */
  raw?: string;
}

export interface SessionReading {
  value: string | null;
  number: number | null;
  unit: string | null;
  stable: boolean | null;
  status: ReadingStatus;
  detail?: Record<string, string>;
  /** The frame as received. */
  raw: string;
  /** This reading may be recorded (see the acceptance rule above). */
  accepted: boolean;
  /** Length of the current run of steady equal readings (0 for frames that are not steady). */
  stableRun: number;
  /** 'poll': answer to a scheduled poll; 'request': to requestNow(); 'stream': sent unasked. */
  source: 'poll' | 'request' | 'stream';
  /** now() when the frame arrived. */
  at: number;
}

export interface InstrumentSessionOptions {
  protocol: ProtocolId;
  mode: 'stream' | 'poll';
  /** What a poll or test request sends; omitted: the protocol's own (`pollCommands`), null: none. */
  command?: string | null;
  /** Pause between an answer (or timeout) and the next poll. Default 200. */
  pollIntervalMs?: number;
  /** How long a request waits for its answer. Default 1000. */
  requestTimeoutMs?: number;
  /** Consecutive steady equal readings needed to accept one. Default 3. */
  stableCount?: number;
  write: (bytes: string) => void;
  decode: (protocol: ProtocolId, frame: string) => DecodeOutcome;
  onReading: (r: SessionReading) => void;
  onError: (e: SessionError) => void;
  now?: () => number;
  timers?: SessionTimers;
}

export type RequestResult =
  /** The request was written. */
  | 'sent'
  /** A request is already in flight: its answer serves. */
  | 'in_flight'
  /** Written as soon as the minimum spacing after the previous answer has passed. */
  | 'queued'
  /** The protocol has no command to ask for a reading (the device sends on its own). */
  | 'no_command'
  /** The session is not started. */
  | 'stopped';

export interface InstrumentSession {
  /** Called with each framed input (terminator removed or kept: the decoders accept both). */
  frame(text: string, raw?: string): void;
  /** A test request from the device screen. */
  requestNow(): RequestResult;
  start(): void;
  stop(): void;
}

/** Some devices drop a request that follows an answer too closely (KERN KCP: > 100 ms). */
export const MIN_REQUEST_SPACING_MS = 100;

const realTimers: SessionTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`Instrument session: ${name} must be a positive integer, got ${String(value)}.`);
  return value;
}

const show = (text: string): string => JSON.stringify(text);

export function createInstrumentSession(options: InstrumentSessionOptions): InstrumentSession {
  const { protocol, mode, write, decode, onReading, onError } = options;
  const pollIntervalMs = positiveInt('pollIntervalMs', options.pollIntervalMs ?? 200);
  const requestTimeoutMs = positiveInt('requestTimeoutMs', options.requestTimeoutMs ?? 1000);
  const stableCount = positiveInt('stableCount', options.stableCount ?? 3);
  const now = options.now ?? (() => Date.now());
  const timers = options.timers ?? realTimers;
  const command = options.command === undefined ? pollCommands[protocol] : options.command;
  if (mode === 'poll' && command === null) {
    throw new RangeError(`Instrument session: protocol ${protocol} has no poll command; the device sends on its own, use stream mode.`);
  }

  let running = false;
  /** The request waiting for its answer. */
  let inFlight: { source: 'poll' | 'request'; timer: unknown } | null = null;
  /** The next scheduled poll (or a queued requestNow). */
  let next: { timer: unknown; source: 'poll' | 'request' } | null = null;
  let lastDoneAt = Number.NEGATIVE_INFINITY;
  let run: { key: string; count: number; accepted: boolean } | null = null;

  const safely = (fn: () => void): void => {
    try {
      fn();
    } catch {
      // A listener's failure must not stop the polling of the port.
    }
  };
  const report = (e: SessionError): void => safely(() => onError(e));

  function clearNext(): void {
    if (next) timers.clearTimeout(next.timer);
    next = null;
  }

  function schedule(delay: number, source: 'poll' | 'request'): void {
    clearNext();
    const entry = {
      source,
      timer: timers.setTimeout(() => {
        if (next === entry) next = null;
        send(source);
      }, delay),
    };
    next = entry;
  }

  /** The request is over (answer, timeout or failed write): the next poll waits its interval. */
  function finish(): void {
    if (inFlight) timers.clearTimeout(inFlight.timer);
    inFlight = null;
    lastDoneAt = now();
    if (running && mode === 'poll' && !next) schedule(pollIntervalMs, 'poll');
  }

  function send(source: 'poll' | 'request'): void {
    if (!running || inFlight || command === null) return;
    const entry = {
      source,
      timer: timers.setTimeout(() => {
        if (inFlight !== entry) return;
        run = null;
        report({ code: 'timeout', message: `No answer from the instrument within ${requestTimeoutMs} ms (${protocol}, sent ${show(command)}).` });
        finish();
      }, requestTimeoutMs),
    };
    inFlight = entry;
    try {
      write(command);
    } catch (e) {
      report({ code: 'write_failed', message: `Could not send ${show(command)} to the instrument: ${e instanceof Error ? e.message : String(e)}` });
      finish();
    }
  }

  function judge(r: Extract<DecodeOutcome, { ok: true }>): { accepted: boolean; stableRun: number } {
    const steady = r.status === 'ok' && r.stable !== false && r.value !== null;
    if (!steady) {
      run = null;
      return { accepted: false, stableRun: 0 };
    }
    const key = `${r.value ?? ''} ${r.unit ?? ''}`;
    if (mode === 'stream' && (r.stable === null || stableCount === 1)) {
      run = { key, count: run?.key === key ? run.count + 1 : 1, accepted: true };
      return { accepted: true, stableRun: run.count };
    }
    if (run?.key === key) run.count += 1;
    else run = { key, count: 1, accepted: false };
    if (!run.accepted && run.count >= stableCount) {
      run.accepted = true;
      return { accepted: true, stableRun: run.count };
    }
    return { accepted: false, stableRun: run.count };
  }

  return {
    frame(text, raw = text) {
      if (!running) return;
      const at = now();
      let outcome: DecodeOutcome;
      try {
        outcome = decode(protocol, text);
      } catch (e) {
        outcome = { ok: false, error: { code: 'not_a_frame', message: e instanceof Error ? e.message : String(e) } };
      }
      if (!outcome.ok) {
        // An unreadable frame breaks a stable run; a request stays open: the real answer may follow.
        run = null;
        report({ code: outcome.error.code, message: outcome.error.message, raw });
        return;
      }
      let source: SessionReading['source'] = 'stream';
      if (mode === 'poll') {
        if (!inFlight) {
          report({
            code: 'unsolicited',
            message: `Discarded a frame that came with no request waiting (a late answer or the print key): ${show(raw)}.`,
            raw,
          });
          return;
        }
        source = inFlight.source;
        finish();
      } else if (inFlight) {
        // Stream mode: any frame answers a test request.
        source = inFlight.source;
        timers.clearTimeout(inFlight.timer);
        inFlight = null;
        lastDoneAt = at;
      }
      const { accepted, stableRun } = judge(outcome);
      const reading: SessionReading = {
        value: outcome.value,
        number: outcome.number,
        unit: outcome.unit,
        stable: outcome.stable,
        status: outcome.status,
        ...(outcome.detail ? { detail: outcome.detail } : {}),
        raw,
        accepted,
        stableRun,
        source,
        at,
      };
      safely(() => onReading(reading));
    },
    requestNow() {
      if (!running) return 'stopped';
      if (command === null) return 'no_command';
      if (inFlight) return 'in_flight';
      if (next?.source === 'request') return 'queued';
      const wait = lastDoneAt + MIN_REQUEST_SPACING_MS - now();
      if (wait > 0) {
        schedule(wait, 'request');
        return 'queued';
      }
      clearNext();
      send('request');
      return 'sent';
    },
    start() {
      if (running) return;
      running = true;
      run = null;
      if (mode === 'poll') send('poll');
    },
    stop() {
      running = false;
      clearNext();
      if (inFlight) timers.clearTimeout(inFlight.timer);
      inFlight = null;
      run = null;
    },
  };
}

const sessionMessages: Record<'timeout' | 'unsolicited' | 'write_failed', { en: string; es: string }> = {
  timeout: { en: 'The instrument did not answer in time.', es: 'El instrumento no respondió a tiempo.' },
  unsolicited: {
    en: 'A reading arrived with no request waiting (late answer or print key) and was discarded.',
    es: 'Llegó una lectura sin petición pendiente (respuesta tardía o tecla de impresión) y se descartó.',
  },
  write_failed: { en: 'Could not send the request to the instrument.', es: 'No se pudo enviar la petición al instrumento.' },
};

/** Operator text for the session's own error codes; decode codes: `decodeErrorMessage` (shared/instruments). */
export function sessionErrorMessage(code: 'timeout' | 'unsolicited' | 'write_failed', lang: 'en' | 'es' = 'en'): string {
  return sessionMessages[code][lang];
}
