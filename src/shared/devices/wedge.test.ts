import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWedgeDetector, GS, type KeyLike, type WedgeDecision, type WedgeOptions } from './wedge';

/** Everything the caller would see: scans, and keys let through (replayed or passed) in order. */
function harness(options: WedgeOptions = {}) {
  const scans: string[] = [];
  const typed: KeyLike[] = [];
  const decisions: WedgeDecision[] = [];
  const detector = createWedgeDetector(
    { timers: null, ...options },
    {
      onScan: (text) => scans.push(text),
      onPassThrough: (keys) => typed.push(...keys),
    },
  );
  const press = (e: KeyLike): WedgeDecision => {
    const d = detector.key(e);
    decisions.push(d);
    if (d === 'pass') typed.push(e);
    return d;
  };
  return { scans, typed, decisions, detector, press };
}

/** A scanner typing `text` every `gap` ms from `t0`, then Enter. */
function scannerKeys(text: string, t0: number, gap = 4, suffix: string | null = 'Enter'): KeyLike[] {
  const keys: KeyLike[] = [...text].map((ch, i) => (ch === GS ? { key: ']', ctrlKey: true, timeStamp: t0 + i * gap } : { key: ch, timeStamp: t0 + i * gap }));
  if (suffix) keys.push({ key: suffix, timeStamp: t0 + text.length * gap });
  return keys;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('keyboard wedge: scans', () => {
  it('turns a fast burst ending in Enter into one scan, holding the keys and eating the Enter', () => {
    const h = harness();
    for (const k of scannerKeys('4006381333931', 1000)) h.press(k);
    expect(h.scans).toEqual(['4006381333931']);
    expect(h.typed).toEqual([]);
    expect(h.decisions.slice(0, -1).every((d) => d === 'pending')).toBe(true);
    expect(h.decisions.at(-1)).toBe('consumed');
  });

  it('maps the Ctrl+] chord to GS inside a GS1 scan, and ignores the Shift the scanner presses', () => {
    const h = harness();
    const keys: KeyLike[] = [
      ...scannerKeys('0109501101530003', 10, 3, null),
      { key: ']', ctrlKey: true, timeStamp: 60 },
      { key: '1', timeStamp: 63 },
      { key: '0', timeStamp: 66 },
      { key: 'Shift', timeStamp: 67 },
      { key: 'A', timeStamp: 68 },
      { key: 'B', timeStamp: 71 },
      { key: 'Enter', timeStamp: 74 },
    ];
    for (const k of keys) h.press(k);
    expect(h.scans).toEqual([`0109501101530003${GS}10AB`]);
    expect(h.typed).toEqual([]);
  });

  it('takes a configured chord (German layout Ctrl++) and a raw GS key as GS', () => {
    const h = harness({ gsChord: { key: '+', ctrlKey: true } });
    const keys: KeyLike[] = [
      { key: '2', timeStamp: 1 },
      { key: '1', timeStamp: 2 },
      { key: '+', ctrlKey: true, timeStamp: 3 },
      { key: '9', timeStamp: 4 },
      { key: GS, timeStamp: 5 },
      { key: '8', timeStamp: 6 },
      { key: 'Tab', timeStamp: 7 },
    ];
    for (const k of keys) h.press(k);
    expect(h.scans).toEqual([`21${GS}9${GS}8`]);
  });

  it('counts AltGr characters (Ctrl+Alt+@ on a Spanish layout) as typed text', () => {
    const h = harness();
    for (const k of [
      { key: 'a', timeStamp: 1 },
      { key: '@', ctrlKey: true, altKey: true, timeStamp: 3 },
      { key: 'b', timeStamp: 5 },
      { key: 'c', timeStamp: 7 },
      { key: 'Enter', timeStamp: 9 },
    ])
      h.press(k);
    expect(h.scans).toEqual(['a@bc']);
  });

  it('treats a fast burst without suffix as a scan once the keyboard goes quiet (flush)', () => {
    const h = harness();
    for (const k of scannerKeys('ABC123', 500, 5, null)) h.press(k);
    expect(h.scans).toEqual([]);
    h.detector.flush();
    expect(h.scans).toEqual(['ABC123']);
    expect(h.typed).toEqual([]);
  });

  it('ends a suffix-less scan when the next key comes after a pause, and passes that key on its own merits', () => {
    const h = harness();
    for (const k of scannerKeys('ABC123', 500, 5, null)) h.press(k);
    expect(h.press({ key: 'Enter', timeStamp: 800 })).toBe('pass');
    expect(h.scans).toEqual(['ABC123']);
    expect(h.typed.map((k) => k.key)).toEqual(['Enter']);
  });

  it('decides held keys on its own after the idle time (timer), as scan or as typing', () => {
    vi.useFakeTimers();
    const scans: string[] = [];
    const typed: string[] = [];
    const d = createWedgeDetector({}, { onScan: (t) => scans.push(t), onPassThrough: (keys) => typed.push(...keys.map((k) => k.key)) });
    expect(d.key({ key: 'x', timeStamp: 10 })).toBe('pending');
    vi.advanceTimersByTime(59);
    expect(typed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(typed).toEqual(['x']);
    for (const k of scannerKeys('LOT-42', 1000, 2, null)) d.key(k);
    vi.advanceTimersByTime(60);
    expect(scans).toEqual(['LOT-42']);
    d.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('keyboard wedge: people typing', () => {
  it('hands back slow keys one by one, in order, never as a scan', () => {
    const h = harness();
    const keys = [...'hello'].map((key, i) => ({ key, timeStamp: 1000 + i * 150 }));
    expect(h.press(keys[0] as KeyLike)).toBe('pending');
    for (const k of keys.slice(1)) h.press(k);
    h.press({ key: 'Enter', timeStamp: 2000 });
    expect(h.scans).toEqual([]);
    expect(h.typed.map((k) => k.key)).toEqual([...'hello', 'Enter']);
  });

  it('hands back a short fast roll-over followed by Enter, and lets the Enter through', () => {
    const h = harness();
    h.press({ key: 't', timeStamp: 100 });
    h.press({ key: 'h', timeStamp: 110 });
    expect(h.press({ key: 'Enter', timeStamp: 120 })).toBe('pass');
    expect(h.scans).toEqual([]);
    expect(h.typed.map((k) => k.key)).toEqual(['t', 'h', 'Enter']);
  });

  it('releases a burst in order when an editing key (Backspace) or a shortcut arrives', () => {
    const h = harness();
    h.press({ key: 'a', timeStamp: 1 });
    h.press({ key: 'b', timeStamp: 2 });
    h.press({ key: 'c', timeStamp: 3 });
    h.press({ key: 'd', timeStamp: 4 });
    expect(h.press({ key: 'Backspace', timeStamp: 5 })).toBe('pass');
    expect(h.press({ key: 'c', ctrlKey: true, timeStamp: 500 })).toBe('pass');
    expect(h.scans).toEqual([]);
    expect(h.typed.map((k) => k.key)).toEqual(['a', 'b', 'c', 'd', 'Backspace', 'c']);
  });

  it('lets a lone Ctrl+] or Ctrl++ (zoom) through as a shortcut', () => {
    const h = harness({ gsChord: [{ key: ']', ctrlKey: true }, { key: '+', ctrlKey: true }] });
    expect(h.press({ key: '+', ctrlKey: true, timeStamp: 10 })).toBe('pass');
    expect(h.press({ key: ']', ctrlKey: true, timeStamp: 500 })).toBe('pass');
    expect(h.scans).toEqual([]);
  });

  it('uses now() for keys without a time stamp', () => {
    let t = 1000;
    const h = harness({ now: () => t });
    for (const ch of 'SCAN') {
      h.press({ key: ch, timeStamp: 0 });
      t += 3;
    }
    h.press({ key: 'Enter', timeStamp: Number.NaN });
    expect(h.scans).toEqual(['SCAN']);
  });

  it('rejects nonsense options with a clear error', () => {
    expect(() => createWedgeDetector({ maxInterKeyMs: 0 }, { onScan: () => undefined, onPassThrough: () => undefined })).toThrow(/maxInterKeyMs/);
    expect(() => createWedgeDetector({ minLength: 2.5 }, { onScan: () => undefined, onPassThrough: () => undefined })).toThrow(/minLength/);
  });
});

const printable = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-./ +%$*@#ñÑ');
/** Any key a person may press: characters, editing keys, end keys, modifiers, shortcuts, GS chords. */
const humanKey = fc.oneof(
  { weight: 6, arbitrary: printable.map((key) => ({ key })) },
  { weight: 1, arbitrary: fc.constantFrom('Enter', 'Tab', 'Backspace', 'ArrowLeft', 'Escape', 'Shift', 'Control', 'F5', 'Dead').map((key) => ({ key })) },
  { weight: 1, arbitrary: fc.constantFrom(']', '+', 'c', 'v').map((key) => ({ key, ctrlKey: true })) },
);
const humanGap = fc.integer({ min: 31, max: 3000 });

function humanSequence(keys: { key: string; ctrlKey?: boolean }[], gaps: number[], t0: number): KeyLike[] {
  let t = t0;
  return keys.map((k, i) => {
    t += gaps[i % gaps.length] ?? 31;
    return { ...k, timeStamp: t };
  });
}

describe('keyboard wedge: properties', () => {
  it('passes every key typed with human timing through, completely and in order, and never makes a scan', () => {
    fc.assert(
      fc.property(fc.array(humanKey, { maxLength: 60 }), fc.array(humanGap, { minLength: 1, maxLength: 60 }), (keys, gaps) => {
        const h = harness();
        const seq = humanSequence(keys, gaps, 1000);
        for (const k of seq) h.press(k);
        h.detector.flush();
        expect(h.scans).toEqual([]);
        expect(h.typed).toEqual(seq);
      }),
      { numRuns: 300 },
    );
  });

  it('delivers a scanner burst between bits of typing as exactly one scan, and the typing untouched', () => {
    const scanChar = fc.oneof({ weight: 8, arbitrary: printable }, { weight: 1, arbitrary: fc.constant(GS) });
    fc.assert(
      fc.property(
        fc.array(humanKey, { maxLength: 15 }),
        printable,
        fc.array(scanChar, { minLength: 3, maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }),
        fc.array(humanKey, { maxLength: 15 }),
        fc.array(humanGap, { minLength: 1, maxLength: 10 }),
        fc.constantFrom('Enter', 'Tab', null),
        (before, first, rest, scanGaps, after, gaps, suffix) => {
          const h = harness();
          const typedBefore = humanSequence(before, gaps, 1000);
          let t = (typedBefore.at(-1)?.timeStamp ?? 1000) + 500;
          const text = [first, ...rest].join('');
          const burst: KeyLike[] = [];
          [...text].forEach((ch, i) => {
            if (i > 0) t += scanGaps[i % scanGaps.length] ?? 0;
            if (/[A-Z]/.test(ch)) burst.push({ key: 'Shift', timeStamp: t });
            burst.push(ch === GS ? { key: ']', ctrlKey: true, timeStamp: t } : { key: ch, timeStamp: t });
          });
          if (suffix) burst.push({ key: suffix, timeStamp: t + 5 });
          const typedAfter = humanSequence(after, gaps, t + 500);

          for (const k of [...typedBefore, ...burst, ...typedAfter]) h.press(k);
          h.detector.flush();
          expect(h.scans).toEqual([text]);
          // A Shift before the scan's first character types nothing and is let through as is.
          const leadingShift = burst[0]?.key === 'Shift' ? [burst[0]] : [];
          expect(h.typed).toEqual([...typedBefore, ...leadingShift, ...typedAfter]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
