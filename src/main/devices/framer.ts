/**
 * Frame assembler for scanners and instruments on a serial port (reference: devices-and-barcodes 1.2).
 * Pure apart from the timer it is given: bytes in, frames out. Bytes are decoded as latin1 so GS
 * (0x1D) and 8-bit bytes survive. A frame ends at the configured terminator, or when no byte has
 * arrived for `interByteTimeoutMs` (scanners configured without a suffix). An overlong frame is
 * reported and discarded, and the framer resynchronises at the next terminator or silence.
 */
import type { Terminator } from '../../shared/devices/types';

export const STX = 0x02;
export const ETX = 0x03;
export const LF = 0x0a;
export const CR = 0x0d;
export const GS = '\u001d';

export interface FramerOptions {
  terminator: Terminator;
  stripStx: boolean;
  interByteTimeoutMs: number;
  maxLength: number;
  /** Printable stand-in some scanners send for GS; replaced by GS in the frame text. */
  gsSubstitute?: string | undefined;
}

export type FrameEndReason = 'terminator' | 'timeout' | 'flush';

export type FramerEvent =
  | {
      type: 'frame';
      /** Frame content: terminator and leading STX removed, GS substitute replaced by GS. */
      text: string;
      /** Bytes as received (latin1), terminator included. */
      raw: string;
      endedBy: FrameEndReason;
    }
  | {
      type: 'error';
      code: 'overlong' | 'garbage';
      message: string;
      /** How many bytes were thrown away. */
      discarded: number;
    };

/** The clock the framer uses for its inter-byte timeout; injected so tests control time. */
export interface FramerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: FramerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Framer {
  push(chunk: Uint8Array): void;
  /** Emits whatever is buffered as a frame (port closing). */
  flush(): void;
  /** Drops buffered bytes and cancels the timer. */
  reset(): void;
}

export function createFramer(options: FramerOptions, onEvent: (e: FramerEvent) => void, timers: FramerTimers = realTimers): Framer {
  const { terminator, stripStx, interByteTimeoutMs, maxLength } = options;
  const gsSubstitute = options.gsSubstitute && options.gsSubstitute.length > 0 ? options.gsSubstitute : undefined;
  // Bytes of the frame being assembled (terminator bytes excluded) and the raw bytes seen for it.
  let body: number[] = [];
  let raw: number[] = [];
  /** After an overlong frame: drop bytes until the next terminator or silence. */
  let resyncing = false;
  /** Last byte received, for two-byte terminators split across chunks or seen while resyncing. */
  let prev = -1;
  /** The previous frame ended with CR: a following LF belongs to that terminator (CRLF senders). */
  let afterCr = false;
  let timer: unknown = null;

  const toText = (bytes: number[]): string => Buffer.from(bytes).toString('latin1');

  function cancelTimer(): void {
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
  }

  function armTimer(): void {
    cancelTimer();
    if (body.length === 0 && raw.length === 0 && !resyncing) return;
    timer = timers.setTimeout(() => {
      timer = null;
      afterCr = false;
      prev = -1;
      endFrame('timeout', []);
    }, interByteTimeoutMs);
  }

  function endFrame(endedBy: FrameEndReason, terminatorBytes: number[]): void {
    if (resyncing) {
      resyncing = false;
      body = [];
      raw = [];
      return;
    }
    let content = body;
    if (stripStx && content[0] === STX) content = content.slice(1);
    const rawText = toText([...raw, ...terminatorBytes]);
    body = [];
    raw = [];
    if (content.length === 0) return;
    let text = toText(content);
    if (gsSubstitute) text = text.split(gsSubstitute).join(GS);
    onEvent({ type: 'frame', text, raw: rawText, endedBy });
  }

  function overflow(): void {
    const discarded = raw.length;
    body = [];
    raw = [];
    resyncing = true;
    onEvent({
      type: 'error',
      code: 'overlong',
      message: `Frame longer than ${maxLength} bytes without a terminator; discarded ${discarded} bytes. Check the terminator setting of this port.`,
      discarded,
    });
  }

  function addByte(b: number): void {
    if (resyncing) return;
    // In ETX framing an STX always opens a new frame: bytes before it are line noise.
    if (terminator === 'ETX' && stripStx && b === STX && body.length > 0) {
      const discarded = raw.length;
      body = [];
      raw = [];
      onEvent({ type: 'error', code: 'garbage', message: `Discarded ${discarded} bytes received before a frame start (STX).`, discarded });
    }
    body.push(b);
    raw.push(b);
    if (body.length > maxLength) overflow();
  }

  function dropTrailingCr(): void {
    if (body[body.length - 1] === CR) {
      body.pop();
      raw.pop();
    }
  }

  function pushByte(b: number): void {
    const wasAfterCr = afterCr;
    const before = prev;
    prev = b;
    afterCr = false;
    switch (terminator) {
      case 'CR':
        if (b === CR) {
          afterCr = true;
          endFrame('terminator', [b]);
        } else if (b === LF && wasAfterCr) {
          // second half of a CRLF: already terminated
        } else addByte(b);
        return;
      case 'LF':
        if (b === LF) {
          // A CR right before the LF is part of a CRLF terminator.
          const hadCr = before === CR;
          if (hadCr) dropTrailingCr();
          endFrame('terminator', hadCr ? [CR, LF] : [LF]);
        } else addByte(b);
        return;
      case 'CRLF':
        if (b === LF && before === CR) {
          dropTrailingCr();
          endFrame('terminator', [CR, LF]);
        } else addByte(b);
        return;
      case 'ETX':
        if (b === ETX) endFrame('terminator', [b]);
        else addByte(b);
        return;
      case 'NONE':
        addByte(b);
        return;
    }
  }

  return {
    push(chunk) {
      for (const b of chunk) pushByte(b);
      armTimer();
    },
    flush() {
      cancelTimer();
      afterCr = false;
      endFrame('flush', []);
    },
    reset() {
      cancelTimer();
      body = [];
      raw = [];
      resyncing = false;
      afterCr = false;
      prev = -1;
    },
  };
}
