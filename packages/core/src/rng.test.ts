import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';

function draws(seed: number, n: number, pick: (r: ReturnType<typeof createRng>) => number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => pick(rng));
}

function meanAndVariance(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

describe('createRng', () => {
  it('matches an independent C implementation of splitmix32-seeded sfc32', () => {
    // Produced by a 20-line C program (uint32_t arithmetic, same seeding), printed with %.17g.
    const expected: Record<number, number[]> = {
      0: [0.67509850248130721, 0.051309421615726936, 0.86561327934096932, 0.87198760620052163],
      42: [0.4562558052254867, 0.57437772277699761, 0.83109741412435056, 0.4117096898378807],
      [-1]: [0.20777027039086926, 0.10831596123062814, 0.30771050914216547, 0.13301756740465298],
      [2 ** 40 + 5]: [0.41184237795611256, 0.54977768081087364, 0.88610452882075852, 0.21162602886750215],
    };
    for (const [seed, values] of Object.entries(expected)) {
      expect(draws(Number(seed), 4, (r) => r.next())).toEqual(values);
    }
  });

  it('gives the same stream for the same seed', () => {
    expect(draws(7, 1000, (r) => r.next())).toEqual(draws(7, 1000, (r) => r.next()));
    expect(draws(7, 1000, (r) => r.normal())).toEqual(draws(7, 1000, (r) => r.normal()));
    expect(draws(7, 1000, (r) => r.int(10))).toEqual(draws(7, 1000, (r) => r.int(10)));
  });

  it('gives different streams for different seeds, including seeds that differ only in the high bits', () => {
    const base = draws(1, 8, (r) => r.next());
    for (const seed of [2, 1 + 2 ** 32, -1, 0]) {
      const other = draws(seed, 8, (r) => r.next());
      expect(other.some((x, i) => x !== base[i])).toBe(true);
    }
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const xs = draws(123, 100_000, (r) => r.next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const { mean, variance } = meanAndVariance(xs);
    // Standard error of the mean: sqrt(1/12 / 1e5) ≈ 9.1e-4; of the variance ≈ 2.4e-4. Bounds are ~5 SE.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0046);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.0012);
  });

  it('draws normals with mean 0 and variance 1', () => {
    const xs = draws(321, 100_000, (r) => r.normal());
    const { mean, variance } = meanAndVariance(xs);
    // Standard error of the mean: 1/sqrt(1e5) ≈ 3.2e-3; of the variance: sqrt(2/1e5) ≈ 4.5e-3. Bounds are ~5 SE.
    expect(Math.abs(mean)).toBeLessThan(0.016);
    expect(Math.abs(variance - 1)).toBeLessThan(0.023);
    // Tails: about 4.55% of N(0,1) lies beyond ±2 (SE of the share ≈ 6.6e-4).
    const beyond2 = xs.filter((x) => Math.abs(x) > 2).length / xs.length;
    expect(Math.abs(beyond2 - 0.0455)).toBeLessThan(0.0033);
  });

  it('draws integers in [0, n) with every value about equally often', () => {
    const n = 7;
    const counts = new Array<number>(n).fill(0);
    const ks = draws(5, 70_000, (r) => r.int(n));
    expect(ks.every((k) => Number.isInteger(k) && k >= 0 && k < n)).toBe(true);
    for (const k of ks) counts[k]!++;
    // Each count is Binomial(70000, 1/7): mean 10000, sd ≈ 92.6. Bound is ~5 sd.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(465);
    expect(draws(9, 50, (r) => r.int(1)).every((k) => k === 0)).toBe(true);
    const big = draws(9, 1000, (r) => r.int(2 ** 32));
    expect(big.every((k) => Number.isInteger(k) && k >= 0 && k < 2 ** 32)).toBe(true);
  });

  it('rejects seeds and ranges it cannot honour', () => {
    expect(() => createRng(1.5)).toThrow(/seed must be a safe integer, got 1.5/);
    expect(() => createRng(Number.NaN)).toThrow(/seed/);
    expect(() => createRng(2 ** 60)).toThrow(/seed/);
    const rng = createRng(0);
    expect(() => rng.int(0)).toThrow(/Rng.int: n must be an integer in \[1, 2\^32\], got 0/);
    expect(() => rng.int(2.5)).toThrow(/got 2.5/);
    expect(() => rng.int(2 ** 32 + 1)).toThrow(/Rng.int/);
  });
});
