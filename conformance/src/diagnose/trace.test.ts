import { describe, expect, it } from 'vitest';
import { backwardOrder, comparableTraces, parameterDifference, proportionalFactor } from './trace.js';

describe('trace helpers', () => {
  it('orders parameters from the output down, W before b', () => {
    expect(backwardOrder(['W1', 'b1', 'W2', 'b2', 'W10', 'b10', 'junk'])).toEqual(['W10', 'b10', 'W2', 'b2', 'W1', 'b1']);
  });

  it('measures a parameter difference relative to the largest reference entry', () => {
    expect(parameterDifference([1, 0.001], [1, 0])).toBeCloseTo(0.001, 12);
    expect(parameterDifference([0, 0], [0, 0])).toBe(0);
    expect(parameterDifference([NaN], [1])).toBe(Infinity);
  });

  it('fits a common factor only when every entry follows it', () => {
    const ref = new Map([['W1', [0.1, -0.2]], ['b1', [0.05]]]);
    expect(proportionalFactor(new Map([['W1', [0.3, -0.6]], ['b1', [0.15]]]), ref)).toBeCloseTo(3, 12);
    expect(proportionalFactor(new Map([['W1', [0.3, -0.6]], ['b1', [0.05]]]), ref)).toBeNull();
    expect(proportionalFactor(new Map([['W1', [0, 0]], ['b1', [0]]]), ref)).toBeNull();
  });

  it('refuses traces of the wrong length or with mismatched parameters', () => {
    const snap = { W1: [[1, 2]], b1: [0] };
    expect(comparableTraces([snap, snap], [snap, snap], 2)).not.toBeNull();
    expect(comparableTraces([snap, snap], [snap], 2)).toBeNull();
    expect(comparableTraces([snap], [{ W1: [[1]], b1: [0] }], 1)).toBeNull();
    expect(comparableTraces(undefined, [snap], 1)).toBeNull();
  });
});
