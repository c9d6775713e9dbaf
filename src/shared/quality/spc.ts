/**
 * Statistical process control for one characteristic: individuals / moving-range and X-bar / R
 * control limits with the standard Shewhart constants, Cp and Cpk, and the Western Electric run
 * rules (plus Nelson's trend rule). Statistics are estimates drawn on a chart, so they use
 * numbers; conformance to tolerance is judged elsewhere on exact decimals (tolerance.ts).
 *
 * Constants: Montgomery, Introduction to Statistical Quality Control, Appendix Table VI
 * (also NIST/SEMATECH e-Handbook of Statistical Methods §6.3.2).
 */

interface Constants {
  d2: number;
  A2: number;
  D3: number;
  D4: number;
}
export const shewhartConstants: Record<number, Constants> = {
  2: { d2: 1.128, A2: 1.88, D3: 0, D4: 3.267 },
  3: { d2: 1.693, A2: 1.023, D3: 0, D4: 2.574 },
  4: { d2: 2.059, A2: 0.729, D3: 0, D4: 2.282 },
  5: { d2: 2.326, A2: 0.577, D3: 0, D4: 2.114 },
  6: { d2: 2.534, A2: 0.483, D3: 0, D4: 2.004 },
  7: { d2: 2.704, A2: 0.419, D3: 0.076, D4: 1.924 },
  8: { d2: 2.847, A2: 0.373, D3: 0.136, D4: 1.864 },
  9: { d2: 2.97, A2: 0.337, D3: 0.184, D4: 1.816 },
  10: { d2: 3.078, A2: 0.308, D3: 0.223, D4: 1.777 },
};

export interface Limits {
  center: number;
  lcl: number;
  ucl: number;
}

export interface ControlChart {
  kind: 'individuals' | 'xbar-r';
  /** Plotted points: individual values or subgroup means. */
  points: number[];
  limits: Limits;
  /** Moving ranges (individuals) or subgroup ranges (X-bar/R). */
  ranges: number[];
  rangeLimits: Limits;
  /** Within-process sigma estimated as R̄ / d2. */
  sigma: number;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Individuals chart: σ̂ = MR̄ / d2(2), limits x̄ ± 3σ̂; MR chart UCL = D4(2)·MR̄. Needs ≥ 2 values. */
export function individualsChart(values: readonly number[]): ControlChart | null {
  if (values.length < 2) return null;
  const ranges = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
  const mrBar = mean(ranges);
  const k = shewhartConstants[2]!;
  const center = mean(values);
  const sigma = mrBar / k.d2;
  return {
    kind: 'individuals',
    points: [...values],
    limits: { center, lcl: center - 3 * sigma, ucl: center + 3 * sigma },
    ranges,
    rangeLimits: { center: mrBar, lcl: k.D3 * mrBar, ucl: k.D4 * mrBar },
    sigma,
  };
}

/** X-bar/R limits from the grand mean and mean range of subgroups of size n (2..10). */
export function xbarRLimits(grandMean: number, meanRange: number, n: number): { xbar: Limits; range: Limits; sigma: number } {
  const k = shewhartConstants[n];
  if (!k) throw new Error(`subgroup size ${n} outside 2..10`);
  return {
    xbar: { center: grandMean, lcl: grandMean - k.A2 * meanRange, ucl: grandMean + k.A2 * meanRange },
    range: { center: meanRange, lcl: k.D3 * meanRange, ucl: k.D4 * meanRange },
    sigma: meanRange / k.d2,
  };
}

/** X-bar/R chart over equal-size subgroups (size 2..10); incomplete subgroups are left out. */
export function xbarRChart(subgroups: readonly (readonly number[])[]): ControlChart | null {
  const n = subgroups[0]?.length ?? 0;
  const full = subgroups.filter((g) => g.length === n);
  if (n < 2 || n > 10 || full.length < 2) return null;
  const points = full.map(mean);
  const ranges = full.map((g) => Math.max(...g) - Math.min(...g));
  const l = xbarRLimits(mean(points), mean(ranges), n);
  return { kind: 'xbar-r', points, limits: l.xbar, ranges, rangeLimits: l.range, sigma: l.sigma };
}

/** Cp = (USL − LSL) / 6σ; Cpk = min(USL − μ, μ − LSL) / 3σ. Null when σ is 0. */
export function capability(mu: number, sigma: number, lsl: number, usl: number): { cp: number; cpk: number } | null {
  if (!(sigma > 0)) return null;
  return { cp: (usl - lsl) / (6 * sigma), cpk: Math.min(usl - mu, mu - lsl) / (3 * sigma) };
}

export type RuleId = 'beyond-3-sigma' | '2-of-3-beyond-2-sigma' | '4-of-5-beyond-1-sigma' | '8-same-side' | '6-trending';
export interface RuleHit {
  rule: RuleId;
  /** Index of the point that completes the pattern. */
  index: number;
}

/**
 * Western Electric rules 1–4 (Western Electric Statistical Quality Control Handbook, 1956; NIST
 * e-Handbook §6.3.2) and Nelson's rule 3 (six points steadily increasing or decreasing).
 */
export function runRules(points: readonly number[], limits: Limits): RuleHit[] {
  const sigma = (limits.ucl - limits.center) / 3;
  if (!(sigma > 0)) return [];
  const z = points.map((p) => (p - limits.center) / sigma);
  const hits: RuleHit[] = [];
  const window = (i: number, len: number) => (i + 1 >= len ? z.slice(i + 1 - len, i + 1) : null);
  const sameSide = (w: number[], beyond: number, need: number) =>
    w.filter((v) => v > beyond).length >= need || w.filter((v) => v < -beyond).length >= need;
  z.forEach((v, i) => {
    if (Math.abs(v) > 3) hits.push({ rule: 'beyond-3-sigma', index: i });
    const w3 = window(i, 3);
    if (w3 && Math.abs(v) > 2 && sameSide(w3, 2, 2)) hits.push({ rule: '2-of-3-beyond-2-sigma', index: i });
    const w5 = window(i, 5);
    if (w5 && Math.abs(v) > 1 && sameSide(w5, 1, 4)) hits.push({ rule: '4-of-5-beyond-1-sigma', index: i });
    const w8 = window(i, 8);
    if (w8 && (w8.every((x) => x > 0) || w8.every((x) => x < 0))) hits.push({ rule: '8-same-side', index: i });
    const w6 = i >= 5 ? points.slice(i - 5, i + 1) : null;
    if (w6 && (w6.every((x, j) => j === 0 || x > w6[j - 1]!) || w6.every((x, j) => j === 0 || x < w6[j - 1]!))) {
      hits.push({ rule: '6-trending', index: i });
    }
  });
  return hits;
}
