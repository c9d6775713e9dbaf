import { describe, expect, it } from 'vitest';
import { finalSampleSize, firstArticleStatus, patrolStatus } from './sampling';

const table = [
  { maxLotSize: 15, sampleSize: 2 },
  { maxLotSize: 25, sampleSize: 3 },
  { maxLotSize: 90, sampleSize: 5 },
  { maxLotSize: 150, sampleSize: 8 },
];

describe('final inspection sample size', () => {
  it('takes the first row whose max lot size covers the lot', () => {
    expect(finalSampleSize(table, 15)).toEqual({ ok: true, sampleSize: 2 });
    expect(finalSampleSize(table, 16)).toEqual({ ok: true, sampleSize: 3 });
    expect(finalSampleSize(table, 150)).toEqual({ ok: true, sampleSize: 8 });
  });
  it('never asks for more pieces than the lot has', () => {
    expect(finalSampleSize(table, 1)).toEqual({ ok: true, sampleSize: 1 });
  });
  it('says why it has no answer', () => {
    expect(finalSampleSize(table, 151)).toEqual({ ok: false, reason: 'lot-too-large' });
    expect(finalSampleSize(undefined, 10)).toEqual({ ok: false, reason: 'no-plan' });
    expect(finalSampleSize(table, 0)).toEqual({ ok: false, reason: 'empty-lot' });
  });
});

describe('first article required', () => {
  const base = { passedAt: '2026-11-26T07:00:00Z', setupChanges: [], stops: [], stopLimitMinutes: 120, now: '2026-11-26T12:00:00Z' };
  it('is required on a new work order', () => {
    expect(firstArticleStatus({ ...base, passedAt: null })).toEqual({ required: true, reason: 'new-work-order', since: null });
  });
  it('is not required after a pass with nothing since', () => {
    expect(firstArticleStatus(base)).toEqual({ required: false });
  });
  it('is required again after a setup or tooling change, not for one before the pass', () => {
    expect(firstArticleStatus({ ...base, setupChanges: ['2026-11-26T09:00:00Z'] })).toMatchObject({ required: true, reason: 'setup-change' });
    expect(firstArticleStatus({ ...base, setupChanges: ['2026-11-26T06:00:00Z'] })).toEqual({ required: false });
  });
  it('is required after a stop longer than the limit, not after one of exactly the limit', () => {
    expect(firstArticleStatus({ ...base, stops: [{ from: '2026-11-26T08:00:00Z', to: '2026-11-26T10:01:00Z' }] })).toMatchObject({ required: true, reason: 'long-stop' });
    expect(firstArticleStatus({ ...base, stops: [{ from: '2026-11-26T08:00:00Z', to: '2026-11-26T10:00:00Z' }] })).toEqual({ required: false });
  });
  it('counts a stop that is still going', () => {
    expect(firstArticleStatus({ ...base, stops: [{ from: '2026-11-26T09:00:00Z', to: null }] })).toMatchObject({ required: true, reason: 'long-stop' });
  });
});

describe('patrol due', () => {
  it('comes due by count or by time, whichever first', () => {
    const now = '2026-11-26T10:00:00Z';
    expect(patrolStatus({ everyPieces: 50, everyMinutes: 60, lastAt: '2026-11-26T09:30:00Z', piecesSinceLast: 49, now })).toMatchObject({ due: false, piecesLeft: 1, minutesLeft: 30 });
    expect(patrolStatus({ everyPieces: 50, everyMinutes: 60, lastAt: '2026-11-26T09:30:00Z', piecesSinceLast: 50, now })).toMatchObject({ due: true, byCount: true, byTime: false });
    expect(patrolStatus({ everyPieces: 50, everyMinutes: 60, lastAt: '2026-11-26T09:00:00Z', piecesSinceLast: 3, now })).toMatchObject({ due: true, byCount: false, byTime: true });
  });
});
