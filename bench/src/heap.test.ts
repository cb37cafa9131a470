import { describe, expect, it } from 'vitest';
import { heapGrowth } from './heap.js';

describe('heapGrowth', () => {
  it('sees what a run keeps and what it only allocated', async () => {
    const kept = await heapGrowth(() => new Array(100_000).fill(0).map((_, i) => ({ i })));
    expect(kept.retainedBytes).toBeGreaterThan(1_000_000);
    const dropped = await heapGrowth(() => {
      new Array(100_000).fill(0).map((_, i) => ({ i }));
      return undefined;
    });
    expect(dropped.retainedBytes).toBeLessThan(200_000);
    expect(dropped.allocatedBytes + dropped.collectionsDuringRun * 1e6).toBeGreaterThan(1_000_000);
  });
});
