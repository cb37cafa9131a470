import { describe, expect, it } from 'vitest';
import { relativeDifference as comparisonDifference } from '../compare.js';
import { formatFactor, formatNumber, formatPair, relativeDifference } from './numbers.js';

describe('relativeDifference', () => {
  it('is the comparison’s own measure, value for value', () => {
    const values = [0, -0, 1, -1, 1 + 1e-12, 0.5, 1e-300, 5e-324, -2.5e10, NaN, Infinity, -Infinity];
    for (const a of values) {
      for (const b of values) expect(relativeDifference(a, b), `${a} vs ${b}`).toBe(comparisonDifference(a, b));
    }
  });
});

describe('formatting', () => {
  it('renders costs and factors for messages', () => {
    expect(formatNumber(0.123456789123)).toBe('0.12345679');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(1e-9)).toBe('1.0000e-9');
    expect(formatFactor(150)).toBe('150 times');
    expect(formatFactor(1 / 150)).toBe('1/150');
    expect(formatFactor(0.37)).toBe('0.37 times');
  });
});

describe('formatPair', () => {
  it('shows as many digits as it takes for two different costs to read differently', () => {
    expect(formatPair(1.8932812, 1.8932812)).toBe('1.8932812, reference 1.8932812');
    expect(formatPair(1.893281201, 1.893281204)).toBe('1.893281201, reference 1.893281204');
    expect(formatPair(0.5, 0.25)).toBe('0.5, reference 0.25');
  });
});
