import { describe, expect, it } from 'vitest';
import { softplus } from './softplus.js';

describe('softplus', () => {
  it('equals log(1 + e^x) where that formula is safe', () => {
    for (const x of [-30, -2, -1e-8, 0, 1e-8, 0.5, 3, 30]) {
      expect(softplus(x)).toBeCloseTo(Math.log(1 + Math.exp(x)), 14);
    }
    expect(softplus(0)).toBe(Math.LN2);
  });

  it('never overflows and keeps tiny results: exact at ±800, e^x for very negative x', () => {
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBe(0);
    expect(softplus(40)).toBe(40);
    expect(softplus(Infinity)).toBe(Infinity);
    expect(softplus(-Infinity)).toBe(0);
    // log(1 + e^-50) underflows to 0 in the naive form; log1p keeps it.
    expect(softplus(-50) / Math.exp(-50)).toBeCloseTo(1, 14);
  });
});
