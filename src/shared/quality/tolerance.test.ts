import { describe, expect, it } from 'vitest';
import { compareDecimal, formatDecimal, parseDecimal, subtractDecimal } from './decimal';
import { normaliseManualValue, overallVerdict, toleranceVerdict } from './tolerance';

describe('decimal arithmetic', () => {
  it('compares at different scales without floats', () => {
    expect(compareDecimal('12.000', '12')).toBe(0);
    expect(compareDecimal('11.9819', '11.982')).toBe(-1);
    expect(compareDecimal('-0.050', '-0.05')).toBe(0);
    // 0.1 + 0.2 style drift cannot happen: 0.3 - 0.1 is exactly 0.2
    expect(formatDecimal(subtractDecimal('0.3', '0.1'))).toBe('0.2');
    expect(formatDecimal(subtractDecimal('12.000', '11.982'))).toBe('0.018');
    expect(formatDecimal(parseDecimal('-0.005'))).toBe('-0.005');
  });
  it('refuses text that is not a number', () => {
    expect(() => parseDecimal('12,5')).toThrow(/not a decimal/);
  });
});

describe('tolerance verdict (limits inclusive)', () => {
  const h7 = { lower: '11.982', upper: '12.000' };
  it.each([
    ['12.000', 'pass', null],
    ['11.982', 'pass', null],
    ['11.9820', 'pass', null],
    ['11.991', 'pass', null],
    ['12.001', 'fail', 'above'],
    ['12.0001', 'fail', 'above'],
    ['11.981', 'fail', 'below'],
    ['11.9819', 'fail', 'below'],
  ])('%s in [11.982, 12.000] is %s', (value, verdict, side) => {
    expect(toleranceVerdict(value, h7)).toEqual({ verdict, side });
  });
  it('handles negative limits', () => {
    expect(toleranceVerdict('-0.050', { lower: '-0.050', upper: '0.050' }).verdict).toBe('pass');
    expect(toleranceVerdict('-0.051', { lower: '-0.050', upper: '0.050' }).verdict).toBe('fail');
  });
  it('overall passes only when every characteristic has passed', () => {
    expect(overallVerdict(['pass', 'pass'])).toBe('pass');
    expect(overallVerdict(['pass', 'fail'])).toBe('fail');
    expect(overallVerdict(['pass', null])).toBeNull();
    expect(overallVerdict([])).toBeNull();
  });
  it('accepts a decimal comma when typed by hand', () => {
    expect(normaliseManualValue(' 45,02 ')).toBe('45.02');
    expect(normaliseManualValue('+3.1')).toBe('3.1');
    expect(normaliseManualValue('4 5')).toBeNull();
  });
});
