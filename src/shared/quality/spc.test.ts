import { describe, expect, it } from 'vitest';
import { capability, individualsChart, runRules, xbarRChart, xbarRLimits } from './spc';

describe('X-bar / R limits', () => {
  it('reproduces Montgomery Example 6.1 (piston-ring inside diameter, 25 subgroups of 5)', () => {
    // Montgomery, Introduction to Statistical Quality Control (6th ed.), Example 6.1:
    // x̿ = 74.001, R̄ = 0.023 → X-bar UCL 74.014, LCL 73.988; R chart UCL 0.049, LCL 0;
    // σ̂ = R̄/d2 = 0.0099; with specs 74.000 ± 0.05, Cp = 1.68.
    const l = xbarRLimits(74.001, 0.023, 5);
    expect(l.xbar.ucl).toBeCloseTo(74.014, 3);
    expect(l.xbar.lcl).toBeCloseTo(73.988, 3);
    expect(l.range.ucl).toBeCloseTo(0.049, 3);
    expect(l.range.lcl).toBe(0);
    expect(l.sigma).toBeCloseTo(0.0099, 4);
    const c = capability(74.001, l.sigma, 73.95, 74.05);
    expect(c?.cp).toBeGreaterThan(1.67);
    expect(c?.cp).toBeLessThan(1.69);
  });
  it('computes a chart from subgroups (hand-worked, n = 3: A2 1.023, D4 2.574)', () => {
    const chart = xbarRChart([
      [1, 2, 3],
      [2, 3, 4],
      [2, 3, 5],
    ]);
    // means 2, 3, 3.333…; ranges 2, 2, 3 → R̄ 2.333…, x̿ 2.777…
    expect(chart?.limits.center).toBeCloseTo(2.7778, 4);
    expect(chart?.limits.ucl).toBeCloseTo(2.7778 + 1.023 * 2.3333, 3);
    expect(chart?.rangeLimits.ucl).toBeCloseTo(2.574 * 2.3333, 3);
    expect(xbarRChart([[1, 2, 3]])).toBeNull();
  });
});

describe('individuals / moving range', () => {
  it('estimates sigma from the mean moving range (E2 = 3/d2 = 2.66)', () => {
    // 10, 12, 11, 13, 12: x̄ 11.6, moving ranges 2, 1, 2, 1 → MR̄ 1.5, σ̂ 1.5/1.128 = 1.3298
    const chart = individualsChart([10, 12, 11, 13, 12]);
    expect(chart?.limits.center).toBeCloseTo(11.6, 6);
    expect(chart?.sigma).toBeCloseTo(1.3298, 4);
    expect(chart?.limits.ucl).toBeCloseTo(11.6 + 2.66 * 1.5, 2);
    expect(chart?.limits.lcl).toBeCloseTo(11.6 - 2.66 * 1.5, 2);
    expect(chart?.rangeLimits.ucl).toBeCloseTo(3.267 * 1.5, 4);
    expect(individualsChart([1])).toBeNull();
  });
});

describe('capability', () => {
  it('Cpk takes the nearer limit', () => {
    const c = capability(10.02, 0.01, 9.95, 10.05);
    expect(c?.cp).toBeCloseTo(1.6667, 4);
    expect(c?.cpk).toBeCloseTo(1.0, 4);
    expect(capability(10, 0, 9, 11)).toBeNull();
  });
});

describe('run rules (Western Electric 1–4, Nelson trend)', () => {
  const limits = { center: 0, lcl: -3, ucl: 3 }; // σ = 1
  const rules = (points: number[]) => runRules(points, limits).map((h) => `${h.rule}@${h.index}`);
  it('flags a point beyond 3σ', () => {
    expect(rules([0.1, -0.2, 3.2])).toEqual(['beyond-3-sigma@2']);
  });
  it('flags 2 of 3 beyond 2σ on one side, not on opposite sides', () => {
    expect(rules([2.5, 0.2, 2.4])).toContain('2-of-3-beyond-2-sigma@2');
    expect(rules([2.5, 0.2, -2.4])).not.toContain('2-of-3-beyond-2-sigma@2');
  });
  it('flags 4 of 5 beyond 1σ on one side', () => {
    expect(rules([1.5, 1.2, 0.1, 1.4, 1.1])).toContain('4-of-5-beyond-1-sigma@4');
  });
  it('flags 8 in a row on one side of the centre line', () => {
    const hits = rules([0.2, 0.5, 0.1, 0.3, 0.2, 0.4, 0.1, 0.3]);
    expect(hits).toContain('8-same-side@7');
    expect(rules([0.2, 0.5, 0.1, -0.3, 0.2, 0.4, 0.1, 0.3])).not.toContain('8-same-side@7');
  });
  it('flags six points steadily rising', () => {
    expect(rules([-0.5, -0.3, -0.1, 0.1, 0.3, 0.5])).toContain('6-trending@5');
    expect(rules([-0.5, -0.3, -0.1, 0.1, 0.1, 0.5])).not.toContain('6-trending@5');
  });
  it('a quiet process flags nothing', () => {
    expect(rules([0.1, -0.4, 0.3, -0.2, 0.5, -0.1, 0.2, -0.3, 0.0])).toEqual([]);
  });
});
