import { describe, expect, it } from 'vitest';
import { compareCurves, relativeDifference } from './compare.js';

describe('relativeDifference', () => {
  it('is |a - b| / max(|a|, |b|) for finite values', () => {
    expect(relativeDifference(1, 1.5)).toBeCloseTo(1 / 3, 15);
    expect(relativeDifference(2, 2)).toBe(0);
    expect(relativeDifference(0, 0)).toBe(0);
    expect(relativeDifference(0, -0)).toBe(0);
    expect(relativeDifference(0, 1e-300)).toBe(1);
  });

  it('counts identical non-finite values as agreeing and any other non-finite value as infinitely far', () => {
    expect(relativeDifference(Number.NaN, Number.NaN)).toBe(0);
    expect(relativeDifference(Infinity, Infinity)).toBe(0);
    expect(relativeDifference(Number.NaN, 1)).toBe(Infinity);
    expect(relativeDifference(1, Number.NaN)).toBe(Infinity);
    expect(relativeDifference(Infinity, 1e308)).toBe(Infinity);
    expect(relativeDifference(Infinity, -Infinity)).toBe(Infinity);
  });
});

describe('compareCurves', () => {
  it('passes identical curves with a zero difference', () => {
    expect(compareCurves([3, 2, 1], [3, 2, 1], 0)).toEqual({ pass: true, epochs: 3, maxRelativeDifference: 0, firstDivergentEpoch: null });
  });

  it('passes differences within the tolerance and reports the largest', () => {
    const r = compareCurves([1, 1, 1], [1, 1 + 1e-12, 1 - 4e-12], 1e-9);
    expect(r.pass).toBe(true);
    expect(r.maxRelativeDifference).toBeCloseTo(4e-12, 16);
    expect(r.firstDivergentEpoch).toBeNull();
  });

  it('finds the first epoch outside the tolerance (counting from 0) and keeps the overall maximum', () => {
    const r = compareCurves([1, 0.9, 0.8, 0.7], [1, 0.9, 0.81, 0.9], 1e-9);
    expect(r.pass).toBe(false);
    expect(r.firstDivergentEpoch).toBe(2);
    expect(r.maxRelativeDifference).toBeCloseTo(0.2 / 0.9, 12);
  });

  it('treats a difference exactly at the tolerance as passing', () => {
    expect(compareCurves([2], [1], 0.5).pass).toBe(true);
    expect(compareCurves([2], [1], 0.4999).pass).toBe(false);
  });

  it('fails a NaN or Infinity against a finite value, but not NaN against NaN', () => {
    expect(compareCurves([1, 0.5], [1, Number.NaN], 1e-9)).toEqual({ pass: false, epochs: 2, maxRelativeDifference: Infinity, firstDivergentEpoch: 1 });
    expect(compareCurves([Infinity], [1], 1e-9).firstDivergentEpoch).toBe(0);
    expect(compareCurves([1, Number.NaN], [1, Number.NaN], 1e-9).pass).toBe(true);
  });

  it('fails a shorter candidate at the epoch where it ends', () => {
    expect(compareCurves([3, 2, 1], [3, 2], 1e-9)).toEqual({ pass: false, epochs: 3, maxRelativeDifference: Infinity, firstDivergentEpoch: 2 });
  });

  it('fails a longer candidate too', () => {
    expect(compareCurves([3], [3, 2], 1e-9)).toEqual({ pass: false, epochs: 2, maxRelativeDifference: Infinity, firstDivergentEpoch: 1 });
  });

  it('passes two empty curves and rejects a negative or NaN tolerance', () => {
    expect(compareCurves([], [], 0).pass).toBe(true);
    expect(() => compareCurves([1], [1], -1)).toThrow(RangeError);
    expect(() => compareCurves([1], [1], Number.NaN)).toThrow(RangeError);
  });
});
