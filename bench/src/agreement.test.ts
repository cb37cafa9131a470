import { describe, expect, it } from 'vitest';
import { maxNormwiseDifference, maxRelativeDifference } from './agreement.js';

describe('maxRelativeDifference', () => {
  it('is the worst |got - want| / |want| over the epochs both ran', () => {
    expect(maxRelativeDifference([1, 2.2, 4], [1, 2, 4, 8])).toBeCloseTo(0.1, 12);
  });

  it('is Infinity when either curve is not finite, so a diverged peer never agrees', () => {
    expect(maxRelativeDifference([1, NaN], [1, 2])).toBe(Infinity);
    expect(maxRelativeDifference([1, 2], [1, Infinity])).toBe(Infinity);
  });
});

describe('maxNormwiseDifference', () => {
  it('scales by the largest reference entry, so entries near zero do not blow it up', () => {
    expect(maxNormwiseDifference([10, 1e-3], [10, 0])).toBeCloseTo(1e-4, 15);
  });

  it('is Infinity when a value is NaN, wherever it sits', () => {
    expect(maxNormwiseDifference([NaN, 1], [1, 1])).toBe(Infinity);
  });
});
