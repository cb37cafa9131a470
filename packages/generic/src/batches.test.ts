import { describe, expect, it } from 'vitest';
import { Matrix } from '@lockstep/core';
import { Batcher, EpochCost } from './batches.js';

describe('EpochCost', () => {
  it('weights batch costs by batch size (m = 10, batch 4: 0.5, 0.4, 0.1 give 0.38, not 0.333)', () => {
    const cost = new EpochCost(10);
    cost.add(0.5, 4);
    cost.add(0.4, 4);
    cost.add(0.1, 2);
    expect(cost.value).toBeCloseTo(0.38, 15);
    cost.reset();
    cost.add(0.7, 10);
    expect(cost.value).toBe(0.7); // one full batch: weight exactly 1
  });
});

describe('Batcher', () => {
  const X = Matrix.fromRows([Array.from({ length: 10 }, (_, j) => j)]);
  const Y = Matrix.fromRows([Array.from({ length: 10 }, (_, j) => 10 * j)]);

  it('hands out consecutive slices in data order, the last one shorter', () => {
    const batcher = new Batcher(X, Y, 4);
    expect(batcher.count).toBe(3);
    batcher.startEpoch();
    const slices = [0, 1, 2].map((k) => Array.from(batcher.batch(k).X.data));
    expect(slices).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(Array.from(batcher.batch(2).Y.data)).toEqual([80, 90]);
  });

  it('a batch size >= m, or none, is one batch of the data itself', () => {
    for (const size of [undefined, null, 10, 11]) {
      const batcher = new Batcher(X, Y, size);
      expect(batcher.count).toBe(1);
      expect(batcher.batch(0).X).toBe(X);
    }
  });
});
