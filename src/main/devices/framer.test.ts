import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFramer, type FramerEvent, type FramerOptions, type FramerTimers } from './framer';
import { splitAimPrefix } from './aim';

/** A manual clock: timers fire only when the test advances time. */
function manualTimers(): FramerTimers & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now && timers.has(id)) {
          timers.delete(id);
          t.fn();
        }
      }
    },
    pending: () => timers.size,
  };
}

const defaults: FramerOptions = { terminator: 'CR', stripStx: true, interByteTimeoutMs: 80, maxLength: 4096 };

function setup(options: Partial<FramerOptions> = {}) {
  const events: FramerEvent[] = [];
  const timers = manualTimers();
  const framer = createFramer({ ...defaults, ...options }, (e) => events.push(e), timers);
  const push = (s: string) => framer.push(Buffer.from(s, 'latin1'));
  const frames = () => events.flatMap((e) => (e.type === 'frame' ? [e.text] : []));
  const errors = () => events.flatMap((e) => (e.type === 'error' ? [e] : []));
  return { events, timers, framer, push, frames, errors };
}

describe('framer terminators', () => {
  it('CR ends a frame and is kept in raw only', () => {
    const t = setup();
    t.push(']C10109501101020917\r');
    expect(t.events).toEqual([{ type: 'frame', text: ']C10109501101020917', raw: ']C10109501101020917\r', endedBy: 'terminator' }]);
  });

  it('CR framing swallows the LF of a CRLF sender instead of making an empty or LF-led frame', () => {
    const t = setup();
    t.push('ABC\r\nDEF\r\n');
    expect(t.frames()).toEqual(['ABC', 'DEF']);
  });

  it('CR framing keeps an LF that does not follow a CR', () => {
    const t = setup();
    t.push('A\nB\r');
    expect(t.frames()).toEqual(['A\nB']);
  });

  it('LF ends a frame and strips the CR of a CRLF pair', () => {
    const t = setup({ terminator: 'LF' });
    t.push('one\ntwo\r\n');
    expect(t.frames()).toEqual(['one', 'two']);
    expect(t.events[1]).toMatchObject({ raw: 'two\r\n' });
  });

  it('CRLF needs both bytes, even split across chunks; a lone CR stays data', () => {
    const t = setup({ terminator: 'CRLF' });
    t.push('12.5 g\r');
    expect(t.frames()).toEqual([]);
    t.push('\nA\rB\r\n');
    expect(t.frames()).toEqual(['12.5 g', 'A\rB']);
  });

  it('ETX ends a frame and the leading STX is stripped', () => {
    const t = setup({ terminator: 'ETX' });
    t.push('\u0002+0012.34 g\u0003');
    expect(t.events).toEqual([{ type: 'frame', text: '+0012.34 g', raw: '\u0002+0012.34 g\u0003', endedBy: 'terminator' }]);
  });

  it('keeps STX when stripping is off', () => {
    const t = setup({ terminator: 'ETX', stripStx: false });
    t.push('\u0002X\u0003');
    expect(t.frames()).toEqual(['\u0002X']);
  });

  it('ETX framing drops line noise before an STX and reports it', () => {
    const t = setup({ terminator: 'ETX' });
    t.push('zz\u0002OK\u0003');
    expect(t.frames()).toEqual(['OK']);
    expect(t.errors()).toMatchObject([{ code: 'garbage', discarded: 2 }]);
  });

  it('strips a leading STX with CR framing too', () => {
    const t = setup();
    t.push('\u0002SCAN\r');
    expect(t.frames()).toEqual(['SCAN']);
  });

  it('ignores empty frames (bare terminators)', () => {
    const t = setup();
    t.push('\r\r\u0002\r');
    expect(t.events).toEqual([]);
  });
});

describe('framer bytes', () => {
  it('keeps GS and 8-bit bytes (latin1, never utf8)', () => {
    const t = setup();
    t.framer.push(Uint8Array.from([0x30, 0x31, 0x1d, 0x31, 0x30, 0xe9, 0xff, 0x0d]));
    expect(t.frames()).toEqual(['01\u001d10\u00e9\u00ff']);
  });

  it('replaces a configured GS substitute (also multi-character) with GS', () => {
    const t = setup({ gsSubstitute: '<GS>' });
    t.push(']C11012AB<GS>21XYZ\r');
    expect(t.frames()).toEqual([']C11012AB\u001d21XYZ']);
  });

  it('assembles a frame delivered one byte per chunk', () => {
    const t = setup();
    for (const ch of 'HELLO\r') t.push(ch);
    expect(t.frames()).toEqual(['HELLO']);
  });
});

describe('framer inter-byte timeout', () => {
  it('ends an unterminated frame after the configured silence', () => {
    const t = setup({ terminator: 'NONE', interByteTimeoutMs: 50 });
    t.push('0401');
    t.timers.advance(30);
    t.push('2345');
    t.timers.advance(49);
    expect(t.frames()).toEqual([]);
    t.timers.advance(1);
    expect(t.events).toEqual([{ type: 'frame', text: '04012345', raw: '04012345', endedBy: 'timeout' }]);
  });

  it('flushes a partial frame when the scanner forgot the suffix, then frames normally again', () => {
    const t = setup();
    t.push('PARTIAL');
    t.timers.advance(80);
    t.push('NEXT\r');
    expect(t.frames()).toEqual(['PARTIAL', 'NEXT']);
  });

  it('arms no timer while nothing is buffered', () => {
    const t = setup();
    t.push('A\r');
    expect(t.timers.pending()).toBe(0);
  });

  it('flush() emits the buffered bytes and reset() drops them', () => {
    const t = setup();
    t.push('ABC');
    t.framer.flush();
    t.push('DEF');
    t.framer.reset();
    t.timers.advance(1000);
    expect(t.events).toEqual([{ type: 'frame', text: 'ABC', raw: 'ABC', endedBy: 'flush' }]);
  });
});

describe('framer max length', () => {
  it('reports an overlong frame, discards it and resynchronises at the next terminator', () => {
    const t = setup({ maxLength: 8 });
    t.push('0123456789ABCDEF\rGOOD\r');
    expect(t.errors()).toMatchObject([{ code: 'overlong', discarded: 9 }]);
    expect(t.frames()).toEqual(['GOOD']);
  });

  it('resynchronises after silence when no terminator comes', () => {
    const t = setup({ maxLength: 4, terminator: 'NONE' });
    t.push('TOO LONG');
    t.timers.advance(80);
    t.push('OK');
    t.timers.advance(80);
    expect(t.frames()).toEqual(['OK']);
    expect(t.errors()).toHaveLength(1);
  });

  it('resynchronises on a CRLF terminator even while discarding', () => {
    const t = setup({ maxLength: 3, terminator: 'CRLF' });
    t.push('ABCDEFG\r\nXY\r\n');
    expect(t.frames()).toEqual(['XY']);
  });

  it('accepts a frame of exactly maxLength bytes', () => {
    const t = setup({ maxLength: 4 });
    t.push('ABCD\r');
    expect(t.frames()).toEqual(['ABCD']);
    expect(t.errors()).toEqual([]);
  });
});

describe('framer properties', () => {
  it('any CR-free payloads sent with CR terminators come out unchanged regardless of chunking', () => {
    const payload = fc.string({ unit: fc.integer({ min: 0, max: 255 }).filter((b) => b !== 0x0d && b !== 0x0a && b !== 0x02).map((b) => String.fromCharCode(b)), minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(payload, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), (frames, cuts) => {
        const t = setup();
        const bytes = Buffer.from(frames.map((f) => `${f}\r`).join(''), 'latin1');
        let i = 0;
        let c = 0;
        while (i < bytes.length) {
          const n = cuts[c++ % cuts.length] ?? 1;
          t.framer.push(bytes.subarray(i, i + n));
          i += n;
        }
        expect(t.frames()).toEqual(frames);
      }),
    );
  });

  it('never throws and never emits a frame longer than maxLength on random garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('CR', 'LF', 'CRLF', 'ETX', 'NONE' as const), (bytes, terminator) => {
        const t = setup({ terminator, maxLength: 16 });
        t.framer.push(bytes);
        t.timers.advance(100);
        for (const e of t.events) if (e.type === 'frame') expect(e.text.length).toBeLessThanOrEqual(16);
      }),
    );
  });
});

describe('splitAimPrefix', () => {
  it('splits a symbology identifier', () => {
    expect(splitAimPrefix(']d2010950110153000310ABC')).toEqual({ symbology: ']d2', data: '010950110153000310ABC' });
    expect(splitAimPrefix(']E04006381333931')).toEqual({ symbology: ']E0', data: '4006381333931' });
  });

  it('leaves data without a prefix alone', () => {
    expect(splitAimPrefix('4006381333931')).toEqual({ symbology: null, data: '4006381333931' });
    expect(splitAimPrefix(']')).toEqual({ symbology: null, data: ']' });
    expect(splitAimPrefix(']1A')).toEqual({ symbology: null, data: ']1A' });
  });
});
