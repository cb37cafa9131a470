import { describe, expect, it } from 'vitest';
import { findShift } from './shift.js';

const curve = [1, 0.8, 0.65, 0.55, 0.5, 0.47];
const final = 0.45;

describe('findShift', () => {
  it('finds a candidate one or two epochs ahead (costs recorded after the update)', () => {
    expect(findShift(curve, final, [0.8, 0.65, 0.55, 0.5, 0.47, 0.45], 1e-9)).toBe(1);
    expect(findShift(curve, final, [0.65, 0.55, 0.5, 0.47, 0.45, 0.44], 1e-9)).toBe(2);
  });

  it('finds a candidate that lags, whatever its first entries hold', () => {
    expect(findShift(curve, final, [0, 1, 0.8, 0.65, 0.55, 0.5], 1e-9)).toBe(-1);
    expect(findShift(curve, final, [7, 7, 1, 0.8, 0.65, 0.55], 1e-9)).toBe(-2);
  });

  it('finds nothing when the curve is not a shift, or too short to tell', () => {
    expect(findShift(curve, final, [1, 0.8, 0.66, 0.55, 0.5, 0.47], 1e-9)).toBeNull();
    expect(findShift(curve, final, [1, 0.9, 0.8, 0.7, 0.6, 0.5], 1e-9)).toBeNull();
    expect(findShift([1], 0.5, [0.5], 1e-9)).toBeNull();
    expect(findShift(curve, final, [1, 2], 1e-9)).toBeNull();
  });
});
