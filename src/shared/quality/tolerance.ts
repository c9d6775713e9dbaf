/**
 * Tolerance verdicts for variable characteristics. Limits are inclusive (a reading equal to a
 * limit conforms) and compared exactly on decimal strings (decimal.ts).
 */
import type { Characteristic } from '../domain/plant';
import { compareDecimal, isDecimal } from './decimal';

export type Verdict = 'pass' | 'fail';
export type VariableCharacteristic = Extract<Characteristic, { kind: 'variable' }>;

export interface ToleranceVerdict {
  verdict: Verdict;
  /** Which side a failing value left the band on. */
  side: 'below' | 'above' | null;
}

export function toleranceVerdict(value: string, limits: { lower: string; upper: string }): ToleranceVerdict {
  if (compareDecimal(value, limits.lower) < 0) return { verdict: 'fail', side: 'below' };
  if (compareDecimal(value, limits.upper) > 0) return { verdict: 'fail', side: 'above' };
  return { verdict: 'pass', side: null };
}

/** Overall verdict: every characteristic measured and passed. An empty list does not pass. */
export function overallVerdict(verdicts: readonly (Verdict | null | undefined)[]): Verdict | null {
  if (verdicts.length === 0 || verdicts.some((v) => v == null)) return null;
  return verdicts.every((v) => v === 'pass') ? 'pass' : 'fail';
}

/** True for text a person could type as a measured value ("12,34" with a comma is accepted as "12.34"). */
export function normaliseManualValue(text: string): string | null {
  const s = text.trim().replace(',', '.');
  return isDecimal(s) ? s.replace(/^\+/, '') : null;
}
