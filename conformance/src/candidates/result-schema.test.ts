import { describe, expect, it } from 'vitest';
import { CandidateError } from './candidate-error.js';
import { parseCandidateResult } from './result-schema.js';

const parse = (value: unknown) => parseCandidateResult(value, 'candidate x on run r');

describe('parseCandidateResult', () => {
  it('accepts costs and a final cost, with non-finite values written as null or strings', () => {
    const result = parse({ costs: [0.7, null, 'Infinity'], finalCost: 'NaN' });
    expect(result.costs[0]).toBe(0.7);
    expect(result.costs[1]).toBeNaN();
    expect(result.costs[2]).toBe(Infinity);
    expect(result.finalCost).toBeNaN();
    expect(result.trace).toBeUndefined();
  });

  it('keeps a trace of W and b snapshots, one per epoch', () => {
    const snap = { W1: [[0.1, 0.2]], b1: [0] };
    expect(parse({ costs: [1, 0.5], finalCost: 0.4, trace: [snap, snap] }).trace).toEqual([snap, snap]);
  });

  it('says which field is wrong, in one line', () => {
    expect(() => parse({ costs: [1] })).toThrow(/candidate x on run r: result\.finalCost: expected a number/);
    expect(() => parse({ costs: [1, 'oops'], finalCost: 1 })).toThrow(/result\.costs\[1\]: expected a number .* got "oops"/);
    expect(() => parse([1, 2])).toThrow(/expected a JSON object \{costs, finalCost\}, got an array/);
    expect(() => parse({ costs: [1, 2], finalCost: 1, trace: [{ W1: [[1]] }] })).toThrow(
      /result\.trace: has 1 snapshots, expected one per epoch \(2\)/,
    );
    expect(() => parse({ costs: [1], finalCost: 1, trace: [{ weights: [1] }] })).toThrow(CandidateError);
  });
});
