import { describe, expect, it } from 'vitest';
import type { Rng } from '../rng.js';
import { trainValidationSplit } from './train-validation-split.js';

/** A small deterministic Rng (mulberry32) so these tests do not depend on createRng. */
function stubRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, normal: () => 0, int: (n) => Math.floor(next() * n) };
}

/** An Rng whose int() replays a script, to check the exact Fisher-Yates steps. */
function scriptedRng(draws: number[]): Rng & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    next: () => 0,
    normal: () => 0,
    int: (n) => {
      asked.push(n);
      const d = draws.shift();
      if (d === undefined || d >= n) throw new Error(`script exhausted or out of range for int(${n})`);
      return d;
    },
  };
}

describe('trainValidationSplit', () => {
  it('shuffles by Fisher-Yates from the last position down, then takes validation first', () => {
    const rng = scriptedRng([0, 2, 1]);
    // [0,1,2,3] -i=3,j=0-> [3,1,2,0] -i=2,j=2-> same -i=1,j=1-> same
    const split = trainValidationSplit(4, 0.5, rng);
    expect(rng.asked).toEqual([4, 3, 2]);
    expect(split).toEqual({ validation: [3, 1], train: [2, 0] });
  });

  it('partitions 0..m-1 with round(m · fraction) validation indices', () => {
    const { train, validation } = trainValidationSplit(150, 0.2, stubRng(1));
    expect(validation).toHaveLength(30);
    expect(train).toHaveLength(120);
    expect([...train, ...validation].sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(trainValidationSplit(30, 0.1, stubRng(1)).validation).toHaveLength(3);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = trainValidationSplit(50, 0.3, stubRng(7));
    expect(trainValidationSplit(50, 0.3, stubRng(7))).toEqual(a);
    expect(trainValidationSplit(50, 0.3, stubRng(8))).not.toEqual(a);
  });

  it('puts every index in the validation set about equally often', () => {
    const m = 5;
    const counts = new Array<number>(m).fill(0);
    const rng = stubRng(3);
    const trials = 20_000;
    for (let t = 0; t < trials; t++) {
      for (const i of trainValidationSplit(m, 0.2, rng).validation) counts[i]!++;
    }
    // Each index should be chosen with probability 1/5: 4000 ± a few standard deviations (~57).
    for (const c of counts) expect(Math.abs(c - trials / m)).toBeLessThan(300);
  });

  it('allows an empty validation set and empty input', () => {
    expect(trainValidationSplit(3, 0, stubRng(1)).validation).toEqual([]);
    expect(trainValidationSplit(0, 0.5, stubRng(1))).toEqual({ train: [], validation: [] });
  });

  it('rejects bad sizes and fractions', () => {
    expect(() => trainValidationSplit(-1, 0.2, stubRng(1))).toThrow(RangeError);
    expect(() => trainValidationSplit(2.5, 0.2, stubRng(1))).toThrow(/non-negative integer/);
    expect(() => trainValidationSplit(10, 1, stubRng(1))).toThrow(/\[0, 1\)/);
    expect(() => trainValidationSplit(10, Number.NaN, stubRng(1))).toThrow(RangeError);
    expect(() => trainValidationSplit(1, 0.6, stubRng(1))).toThrow(/leaves none for training/);
  });
});
