import { describe, expect, it } from 'vitest';
import { pareto } from './schemas';

describe('pareto', () => {
  it('orders causes biggest first, drops empty ones and accumulates to 100 %', () => {
    const bars = pareto([
      { cause: 'supply', lostQty: 30, events: 1 },
      { cause: 'labour', lostQty: 0, events: 0 },
      { cause: 'equipment', lostQty: 50, events: 2 },
      { cause: 'unexplained', lostQty: 20, events: 0 },
    ]);
    expect(bars).toEqual([
      { cause: 'equipment', lostQty: 50, cumulativePct: 50 },
      { cause: 'supply', lostQty: 30, cumulativePct: 80 },
      { cause: 'unexplained', lostQty: 20, cumulativePct: 100 },
    ]);
  });
  it('breaks ties in the catalogue order and rounds to one decimal', () => {
    const bars = pareto([
      { cause: 'other', lostQty: 1, events: 1 },
      { cause: 'quality', lostQty: 1, events: 1 },
      { cause: 'supply', lostQty: 1, events: 1 },
    ]);
    expect(bars.map((b) => [b.cause, b.cumulativePct])).toEqual([
      ['supply', 33.3],
      ['quality', 66.7],
      ['other', 100],
    ]);
  });
  it('is empty when nothing was lost', () => {
    expect(pareto([{ cause: 'supply', lostQty: 0, events: 0 }])).toEqual([]);
  });
});
