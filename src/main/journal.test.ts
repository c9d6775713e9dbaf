import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../shared/sync/events';
import { JOURNAL_FILE, openJournal, type Journal } from './journal';

let dir: string;
const open: Journal[] = [];

function ev(seq: number, epoch = 'EP1'): EventEnvelope {
  return {
    id: `0190d3f0-0000-7000-8000-${String(seq).padStart(6, '0')}${epoch.padStart(6, '0')}`,
    terminalId: 'T-1',
    epoch,
    seq,
    type: 'shift.login',
    v: 1,
    occurredAt: '2026-11-26T08:15:00.000Z',
    clockOffsetMs: 0,
    operatorId: 'OP-0007',
    workstationId: 'WS-M1-01',
    payload: {},
  };
}

async function journal(compactAfter?: number): Promise<Journal> {
  const j = await openJournal({ dataDir: dir, ...(compactAfter ? { compactAfter } : {}) });
  open.push(j);
  return j;
}
const file = () => join(dir, 'journal', JOURNAL_FILE);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'takt-journal-'));
});
afterEach(async () => {
  for (const j of open.splice(0)) await j.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('journal', () => {
  it('keeps appended events across a reopen, in order', async () => {
    const j = await journal();
    expect(await j.append([ev(1), ev(2)])).toEqual({ appended: 2 });
    expect(await j.append([ev(3)])).toEqual({ appended: 1 });
    await j.close();
    const again = await journal();
    expect((await again.pending()).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('has each event on disk when append resolves', async () => {
    const j = await journal();
    await j.append([ev(1)]);
    const text = await readFile(file(), 'utf8');
    expect(text.trim().split('\n').map((l) => (JSON.parse(l) as { event: EventEnvelope }).event.seq)).toEqual([1]);
  });

  it('does not store an event twice (same id)', async () => {
    const j = await journal();
    await j.append([ev(1)]);
    expect(await j.append([ev(1), ev(2), ev(2)])).toEqual({ appended: 1 });
    expect((await j.pending()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('acknowledge drops events of that epoch up to ackedSeq only, durably', async () => {
    const j = await journal();
    await j.append([ev(1), ev(2), ev(3), ev(1, 'EP2')]);
    expect(await j.acknowledge({ epoch: 'EP1', ackedSeq: 2 })).toEqual({ removed: 2 });
    expect((await j.pending()).map((e) => `${e.epoch}:${e.seq}`)).toEqual(['EP1:3', 'EP2:1']);
    await j.close();
    const again = await journal();
    expect((await again.pending()).map((e) => `${e.epoch}:${e.seq}`)).toEqual(['EP1:3', 'EP2:1']);
    // An event central already holds is not taken back in.
    expect(await again.append([ev(2)])).toEqual({ appended: 0 });
  });

  it('compacts the file once enough lines are acknowledged, keeping what is pending', async () => {
    const j = await journal(5);
    await j.append([ev(1), ev(2), ev(3), ev(4), ev(5), ev(6)]);
    await j.acknowledge({ epoch: 'EP1', ackedSeq: 5 });
    const lines = (await readFile(file(), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect((await j.pending()).map((e) => e.seq)).toEqual([6]);
    await j.append([ev(7)]);
    await j.close();
    const again = await journal();
    expect((await again.pending()).map((e) => e.seq)).toEqual([6, 7]);
  });

  it('skips a torn last line after a crash, keeps the rest, and appends cleanly after it', async () => {
    const j = await journal();
    await j.append([ev(1), ev(2)]);
    await j.close();
    await appendFile(file(), '{"k":"event","event":{"id":"torn","epo');
    const again = await journal();
    expect(again.skippedAtLoad).toBe(1);
    expect((await again.pending()).map((e) => e.seq)).toEqual([1, 2]);
    await again.append([ev(3)]);
    await again.close();
    const third = await journal();
    expect(third.skippedAtLoad).toBe(0);
    expect((await third.pending()).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('skips an unreadable line in the middle without losing the lines around it', async () => {
    const j = await journal();
    await j.append([ev(1)]);
    await j.close();
    await appendFile(file(), 'garbage\n');
    const k = await journal();
    await k.append([ev(2)]);
    await k.close();
    const again = await journal();
    expect(again.skippedAtLoad).toBe(1);
    expect((await again.pending()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('refuses work after close', async () => {
    const j = await journal();
    await j.close();
    await expect(j.append([ev(1)])).rejects.toThrow('closed');
  });
});
