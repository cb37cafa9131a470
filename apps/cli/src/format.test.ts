import { describe, expect, it } from 'vitest';
import { formatCost, formatDifference, formatExact, formatRow, formatSeconds } from './format.js';

describe('format', () => {
  it('shows costs with 7 significant digits, and in full where two values must look different', () => {
    expect(formatCost(0.05281802947425484)).toBe('0.05281803');
    expect(formatCost(null)).toBe('-');
    expect(formatCost(Number.NaN)).toBe('NaN');
    expect(formatExact(0.7000000000000001)).toBe('0.7000000000000001');
    expect(formatExact(undefined)).toBe('-');
  });

  it('keeps an exact 0 difference as "0" and shows others in 2 significant digits', () => {
    expect(formatDifference(0)).toBe('0');
    expect(formatDifference(3.807302362410275e-15)).toBe('3.8e-15');
    expect(formatDifference(Infinity)).toBe('Infinity');
  });

  it('pads every column but the last', () => {
    expect(formatRow(['a', 'bb', 'c'], [3, 4, 9])).toBe('a    bb    c');
    expect(formatSeconds(18_840)).toBe('18.8 s');
  });
});
