import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.js';
import { createRng } from '../rng.js';
import { rmsprop } from './rmsprop.js';

describe('rmsprop', () => {
  it('for a constant gradient G = 1 steps lr/(sqrt(1-ρ^t) + ε) (S_t = 1-ρ^t from S_0 = 0)', () => {
    const p = Matrix.zeros(1, 1);
    const g = Matrix.fromRows([[1]]);
    const opt = rmsprop({ learningRate: 0.01 });
    let expected = 0;
    for (let t = 1; t <= 200; t++) {
      opt.step([p], [g]);
      expected -= 0.01 / (Math.sqrt(1 - 0.9 ** t) + 1e-8);
      // Rounding of 200 float64 updates stays far below 1e-12 relative.
      expect(Math.abs(p.data[0]! / expected - 1)).toBeLessThan(1e-12);
    }
    // The first step is lr/(sqrt(0.1) + ε) ≈ 3.16·lr: no bias correction in RMSprop.
    expect(expected).toBeLessThan(-2);
  });

  it('matches the unrolled mean square S_t = (1-ρ)Σ ρ^(t-i) G_i² on random gradients, ε outside the root', () => {
    const rng = createRng(3);
    const [rho, eps, lr] = [0.7, 1e-4, 0.05];
    const opt = rmsprop({ learningRate: lr, rho, epsilon: eps });
    const p = Matrix.zeros(1, 2);
    const history: number[][] = [];
    const expected = [0, 0];
    for (let t = 1; t <= 50; t++) {
      const g = [rng.normal() * 1e-3, rng.normal()];
      history.push(g);
      opt.step([p], [Matrix.fromRows([g])]);
      for (let k = 0; k < 2; k++) {
        let s = 0;
        for (let i = 1; i <= t; i++) s += (1 - rho) * rho ** (t - i) * history[i - 1]![k]! ** 2;
        expected[k]! -= (lr * g[k]!) / (Math.sqrt(s) + eps);
        expect(p.data[k]).toBeCloseTo(expected[k]!, 12);
      }
    }
  });

  it('fills in rho 0.9 and epsilon 1e-8, and validates its settings', () => {
    expect(rmsprop({ learningRate: 0.001 }).spec).toEqual({ kind: 'rmsprop', learningRate: 0.001, rho: 0.9, epsilon: 1e-8 });
    expect(() => rmsprop({ learningRate: 0.001, rho: 1 })).toThrow('rmsprop: rho must be a number in [0, 1), got 1');
    expect(() => rmsprop({ learningRate: 0.001, epsilon: -1 })).toThrow('rmsprop: epsilon must be a positive finite number, got -1');
  });
});
