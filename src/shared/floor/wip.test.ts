import { describe, expect, it } from 'vitest';
import { wipBefore } from './wip';

describe('WIP between operations', () => {
  const routing = ['10', '20', '30'];
  it('is the previous step’s good output this step has not taken in yet', () => {
    const totals = [
      { operation: '10', good: 120, scrap: 4 },
      { operation: '20', good: 70, scrap: 5 },
    ];
    expect(wipBefore(routing, '20', totals)).toEqual({ previousOperation: '10', previousGood: 120, processedHere: 75, waiting: 45 });
    expect(wipBefore(routing, '30', totals)).toEqual({ previousOperation: '20', previousGood: 70, processedHere: 0, waiting: 70 });
  });
  it('has none for the first operation and never goes negative', () => {
    expect(wipBefore(routing, '10', [])).toBeNull();
    expect(wipBefore(routing, '20', [{ operation: '20', good: 3, scrap: 0 }])).toMatchObject({ waiting: 0 });
  });
});
