/**
 * The main-process journal: a second durable copy of events the renderer has recorded but central
 * has not acknowledged yet, kept outside the browser profile (IndexedDB can be lost with it).
 * Persists to `<dataDir>/journal/events.jsonl`, append-only, one JSON record per line:
 *   {"k":"event","event":{...}}                  an event (EventEnvelope)
 *   {"k":"ack","epoch":"...","ackedSeq":17}      central holds every seq <= 17 of that epoch
 * Every append is fsynced before it resolves. After enough acknowledged lines pile up the file is
 * rewritten atomically with only what is still pending. A torn last line (power cut mid-write) is
 * skipped and cut off at load; everything before it is kept.
 */
import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventEnvelope } from '../shared/sync/events';
import { writeFileAtomic } from './fs-atomic';

export const JOURNAL_FILE = 'events.jsonl';

type JournalLine = { k: 'event'; event: EventEnvelope } | { k: 'ack'; epoch: string; ackedSeq: number };

export interface Journal {
  /** Appends events not already held (by id) nor already acknowledged; resolves once on disk. */
  append(events: EventEnvelope[]): Promise<{ appended: number }>;
  /** Events not yet acknowledged, in the order they were appended. */
  pending(): Promise<EventEnvelope[]>;
  /** Drops events of `epoch` with seq <= ackedSeq. */
  acknowledge(ack: { epoch: string; ackedSeq: number }): Promise<{ removed: number }>;
  close(): Promise<void>;
  /** Lines skipped at load (torn or unreadable), for the log. */
  readonly skippedAtLoad: number;
}

export interface JournalOptions {
  dataDir: string;
  /** Rewrite the file once this many lines hold nothing pending. */
  compactAfter?: number;
  log?: (message: string) => void;
}

function isEventLine(value: unknown): value is JournalLine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.k === 'event') {
    const e = v.event as Record<string, unknown> | null;
    return typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.epoch === 'string' && typeof e.seq === 'number';
  }
  return v.k === 'ack' && typeof v.epoch === 'string' && typeof v.ackedSeq === 'number';
}

export async function openJournal(options: JournalOptions): Promise<Journal> {
  const dir = join(options.dataDir, 'journal');
  const file = join(dir, JOURNAL_FILE);
  const compactAfter = options.compactAfter ?? 1000;
  const log = options.log ?? (() => undefined);
  await mkdir(dir, { recursive: true });

  const pendingById = new Map<string, EventEnvelope>();
  const watermarks = new Map<string, number>();
  let deadLines = 0;
  let skipped = 0;

  const isAcked = (e: { epoch: string; seq: number }): boolean => (watermarks.get(e.epoch) ?? -1) >= e.seq;

  let bytes = Buffer.alloc(0);
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const text = bytes.toString('utf8');
  if (text.length > 0) {
    const endsClean = text.endsWith('\n');
    const lines = text.split('\n');
    if (endsClean) lines.pop();
    lines.forEach((line, index) => {
      const isLast = index === lines.length - 1;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = undefined;
      }
      if (!isEventLine(value) || (isLast && !endsClean)) {
        // The unterminated last line is torn even if it happens to parse: its newline never reached disk.
        if (line.length > 0) {
          skipped += 1;
          log(`journal: skipped ${isLast && !endsClean ? 'a torn last' : 'an unreadable'} line ${index + 1} in ${file}`);
        }
        return;
      }
      if (value.k === 'event') {
        if (isAcked(value.event) || pendingById.has(value.event.id)) deadLines += 1;
        else pendingById.set(value.event.id, value.event);
      } else {
        watermarks.set(value.epoch, Math.max(watermarks.get(value.epoch) ?? -1, value.ackedSeq));
        for (const [id, e] of pendingById) {
          if (e.epoch === value.epoch && e.seq <= value.ackedSeq) {
            pendingById.delete(id);
            deadLines += 1;
          }
        }
      }
    });
    if (!endsClean) {
      // Cut the torn tail so the next append starts on a fresh line.
      await truncate(file, bytes.lastIndexOf(0x0a) + 1);
    }
  }

  let handle: FileHandle | null = await open(file, 'a', 0o600);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** Operations run one at a time, in call order. */
  function serial<T>(op: () => Promise<T>): Promise<T> {
    const run = queue.then(() => {
      if (closed) throw new Error('The journal is closed.');
      return op();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  async function writeLines(lines: JournalLine[]): Promise<void> {
    if (!handle) throw new Error('The journal is closed.');
    const { size } = await handle.stat();
    try {
      await handle.appendFile(lines.map((l) => `${JSON.stringify(l)}\n`).join(''), 'utf8');
      await handle.sync();
    } catch (e) {
      // Leave no half-written line behind for the next append to run into (disk full, I/O error).
      await handle.truncate(size).catch(() => undefined);
      throw e;
    }
  }

  async function compact(): Promise<void> {
    const lines: JournalLine[] = [
      ...[...watermarks].map(([epoch, ackedSeq]) => ({ k: 'ack' as const, epoch, ackedSeq })),
      ...[...pendingById.values()].map((event) => ({ k: 'event' as const, event })),
    ];
    await handle?.close();
    handle = null;
    await writeFileAtomic(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''), 0o600);
    handle = await open(file, 'a', 0o600);
    deadLines = 0;
  }

  return {
    skippedAtLoad: skipped,
    append: (events) =>
      serial(async () => {
        const fresh: EventEnvelope[] = [];
        const seen = new Set<string>();
        for (const e of events) {
          if (pendingById.has(e.id) || seen.has(e.id) || isAcked(e)) continue;
          seen.add(e.id);
          fresh.push(e);
        }
        if (fresh.length > 0) {
          await writeLines(fresh.map((event) => ({ k: 'event', event })));
          for (const e of fresh) pendingById.set(e.id, e);
        }
        return { appended: fresh.length };
      }),
    pending: () => serial(async () => [...pendingById.values()]),
    acknowledge: ({ epoch, ackedSeq }) =>
      serial(async () => {
        const doomed = [...pendingById.values()].filter((e) => e.epoch === epoch && e.seq <= ackedSeq);
        const previous = watermarks.get(epoch) ?? -1;
        if (ackedSeq <= previous && doomed.length === 0) return { removed: 0 };
        await writeLines([{ k: 'ack', epoch, ackedSeq: Math.max(previous, ackedSeq) }]);
        watermarks.set(epoch, Math.max(previous, ackedSeq));
        for (const e of doomed) pendingById.delete(e.id);
        deadLines += doomed.length + 1;
        if (deadLines >= compactAfter) await compact();
        return { removed: doomed.length };
      }),
    close: async () => {
      await serial(async () => {
        closed = true;
        await handle?.close();
        handle = null;
      });
    },
  };
}
