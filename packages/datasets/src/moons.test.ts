import { describe, expect, it } from 'vitest';
import { moons } from './moons.js';

describe('moons', () => {
  it('gives 400 points of 2 features by default, 200 per class, binary targets', () => {
    const d = moons({ seed: 1 });
    expect(d.name).toBe('moons');
    expect(d.X).toHaveLength(400);
    expect(d.X.every((row) => row.length === 2 && row.every(Number.isFinite))).toBe(true);
    expect(d.classes).toEqual(['0', '1']);
    expect(d.Y.filter((y) => y[0] === 0)).toHaveLength(200);
    expect(d.Y.filter((y) => y[0] === 1)).toHaveLength(200);
    expect(d.Y.every((y) => y.length === 1)).toBe(true);
    expect(d.labels).toEqual(d.Y.map((y) => String(y[0])));
  });

  it('is the same for the same seed and different for another', () => {
    expect(moons({ seed: 3 })).toEqual(moons({ seed: 3 }));
    expect(moons({ seed: 4 }).X).not.toEqual(moons({ seed: 3 }).X);
  });

  it('shuffles the classes together', () => {
    const y = moons({ seed: 2 }).Y.map((r) => r[0]);
    expect(y.slice(0, 200).filter((v) => v === 0).length).toBeGreaterThan(60);
    expect(y.slice(0, 200).filter((v) => v === 0).length).toBeLessThan(140);
  });

  it('without noise puts class 0 on the unit upper half circle and class 1 on the shifted lower one', () => {
    const d = moons({ seed: 1, m: 51, noise: 0 });
    expect(d.Y.filter((y) => y[0] === 0)).toHaveLength(25);
    d.X.forEach(([x, y], i) => {
      if (d.Y[i]![0] === 0) {
        expect(Math.hypot(x!, y!)).toBeCloseTo(1, 14);
        expect(y!).toBeGreaterThanOrEqual(0);
      } else {
        expect(Math.hypot(x! - 1, y! - 0.5)).toBeCloseTo(1, 14);
        expect(y!).toBeLessThanOrEqual(0.5);
      }
    });
  });

  it('adds independent normal noise of standard deviation `noise` to each coordinate', () => {
    // Same seed: the shuffle draws come first, so the noise-free points are in the same order.
    const clean = moons({ seed: 9, m: 4000, noise: 0 }).X.flat();
    const noisy = moons({ seed: 9, m: 4000, noise: 0.1 }).X.flat();
    const residual = noisy.map((v, i) => v - clean[i]!);
    const mean = residual.reduce((a, b) => a + b, 0) / residual.length;
    const std = Math.sqrt(residual.reduce((a, b) => a + (b - mean) ** 2, 0) / residual.length);
    // 8000 draws: the mean is within ~4 standard errors (0.1/sqrt(8000) ≈ 0.0011) of 0.
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(std).toBeGreaterThan(0.095);
    expect(std).toBeLessThan(0.105);
  });

  it('rejects bad options, naming them', () => {
    expect(() => moons({ seed: 1, m: 0 })).toThrow('moons: m must be an integer >= 2 (two classes), got 0');
    expect(() => moons({ seed: 1, noise: Number.NaN })).toThrow(/noise must be a finite number >= 0/);
  });
});
