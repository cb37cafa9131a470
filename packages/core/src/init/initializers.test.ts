import { describe, expect, it } from 'vitest';
import type { Matrix } from '../matrix.js';
import { createRng } from '../rng.js';
import { getInitializer, heNormal, heUniform, initializers, xavierNormal, xavierUniform, zeros } from './initializers.js';

function stats(m: Matrix): { mean: number; std: number; maxAbs: number } {
  let sum = 0;
  let maxAbs = 0;
  for (const v of m.data) {
    sum += v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = sum / m.size;
  let sq = 0;
  for (const v of m.data) sq += (v - mean) ** 2;
  return { mean, std: Math.sqrt(sq / (m.size - 1)), maxAbs };
}

describe('initializers', () => {
  // 300 x 400 = 120 000 draws: the sample std has relative standard error about
  // 1/sqrt(2N) ≈ 0.2% (normal) or less (uniform); the bounds below are ~5 SE.
  const fanOut = 300;
  const fanIn = 400;
  const cases = [
    { name: 'heNormal', init: heNormal, std: Math.sqrt(2 / fanIn), limit: Infinity },
    { name: 'heUniform', init: heUniform, std: Math.sqrt(6 / fanIn) / Math.sqrt(3), limit: Math.sqrt(6 / fanIn) },
    { name: 'xavierNormal', init: xavierNormal, std: Math.sqrt(2 / (fanIn + fanOut)), limit: Infinity },
    { name: 'xavierUniform', init: xavierUniform, std: Math.sqrt(6 / (fanIn + fanOut)) / Math.sqrt(3), limit: Math.sqrt(6 / (fanIn + fanOut)) },
  ];
  for (const { name, init, std, limit } of cases) {
    it(`${name} has shape out x in and the target std ${std.toPrecision(4)}`, () => {
      const w = init(fanOut, fanIn, createRng(1));
      expect([w.rows, w.cols]).toEqual([fanOut, fanIn]);
      const s = stats(w);
      expect(Math.abs(s.std / std - 1)).toBeLessThan(0.01);
      expect(Math.abs(s.mean)).toBeLessThan((5 * std) / Math.sqrt(w.size));
      if (Number.isFinite(limit)) {
        expect(s.maxAbs).toBeLessThanOrEqual(limit);
        expect(s.maxAbs).toBeGreaterThan(0.999 * limit);
      }
    });
  }

  it('draws in row-major order from the rng it is given', () => {
    const rng = createRng(8);
    const expected = Array.from({ length: 6 }, () => Math.sqrt(2 / 3) * rng.normal());
    expect(Array.from(heNormal(2, 3, createRng(8)).data)).toEqual(expected);
    const rngU = createRng(8);
    const limit = Math.sqrt(6 / 5);
    const expectedU = Array.from({ length: 6 }, () => limit * (2 * rngU.next() - 1));
    expect(Array.from(xavierUniform(2, 3, createRng(8)).data)).toEqual(expectedU);
  });

  it('zeros is all zeros and draws nothing', () => {
    const rng = createRng(4);
    const w = zeros(3, 2, rng);
    expect(w.toRows()).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(rng.next()).toBe(createRng(4).next());
  });

  it('are found by scheme name, with a clear error for an unknown one or bad fans', () => {
    expect(getInitializer('xavier-uniform')).toBe(xavierUniform);
    expect(Object.keys(initializers)).toEqual(['he-normal', 'he-uniform', 'xavier-normal', 'xavier-uniform', 'zeros']);
    expect(() => getInitializer('lecun')).toThrow(
      'unknown init scheme "lecun": expected one of he-normal, he-uniform, xavier-normal, xavier-uniform, zeros',
    );
    expect(() => heNormal(3, 0, createRng(1))).toThrow('heNormal: fanOut and fanIn must be positive integers, got 3x0');
  });
});
