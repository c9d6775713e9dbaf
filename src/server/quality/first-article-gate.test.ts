import { describe, expect, it } from 'vitest';
import { gateAt, type GateFacts } from './first-article-gate';

const ms = (hhmm: string) => Date.parse(`2026-11-21T${hhmm}:00.000Z`);
const iso = (hhmm: string) => new Date(ms(hhmm)).toISOString();
const facts = (over: Partial<GateFacts> = {}): GateFacts => ({ passes: [], setups: [], transitions: [], ...over });

describe("central's first-article gate at an output's time", () => {
  it('is closed on a work order with no passed first article, and one that passed later does not count', () => {
    expect(gateAt(facts(), ms('08:00'), 120)).toEqual({ required: true, reason: 'new-work-order', since: null });
    expect(gateAt(facts({ passes: [ms('09:00')] }), ms('08:59'), 120)).toMatchObject({ required: true, reason: 'new-work-order' });
    expect(gateAt(facts({ passes: [ms('09:00')] }), ms('09:00'), 120)).toEqual({ required: false });
  });

  it('closes again after a setup change until the next pass', () => {
    const f = facts({ passes: [ms('09:00'), ms('10:45')], setups: [iso('10:00')] });
    expect(gateAt(f, ms('09:59'), 120)).toEqual({ required: false });
    expect(gateAt(f, ms('10:30'), 120)).toEqual({ required: true, reason: 'setup-change', since: iso('10:00') });
    expect(gateAt(f, ms('10:50'), 120)).toEqual({ required: false });
  });

  it('closes after a stop longer than the limit, and only once the stop is longer', () => {
    const f = facts({
      passes: [ms('09:00')],
      transitions: [
        { at: iso('11:00'), to: 'paused' },
        { at: iso('13:00'), to: 'started' },
      ],
    });
    // Exactly the limit is not longer than it.
    expect(gateAt(f, ms('13:10'), 120)).toEqual({ required: false });
    expect(gateAt(f, ms('13:10'), 119)).toEqual({ required: true, reason: 'long-stop', since: iso('11:00') });
    // Before the restart is known, a stop still going counts up to the output's time.
    expect(gateAt(f, ms('12:00'), 30)).toMatchObject({ required: true, reason: 'long-stop' });
    expect(gateAt(f, ms('11:20'), 30)).toEqual({ required: false });
  });
});
