import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.js';
import { createRng } from '../rng.js';
import { adam } from './adam.js';

describe('adam', () => {
  it('golden trajectory: p0 = 0, G = 1, lr 1e-3 gives p_T = -T·lr/(1+ε): -0.001, -0.01, -0.1, -1.0', () => {
    // With a constant gradient M_t = 1-β1^t and S_t = 1-β2^t, so M̂ = Ŝ = 1 exactly and
    // every step is lr/(1+ε). Rounding: each step is within a few ulp of that, and
    // 1000 additions add ≤ 1000 ulp of p, so ~1e-13 relative at worst (measured ≤ 2e-15).
    // Tolerance 1e-12 relative. Storing the corrected M̂ in place of M fails this at
    // step 2 (tried: off by 2.1 relative).
    const p = Matrix.zeros(1, 1);
    const g = Matrix.fromRows([[1]]);
    const opt = adam({ learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    const exact = (T: number): number => (-T * 1e-3) / (1 + 1e-8);
    for (let t = 1; t <= 1000; t++) {
      opt.step([p], [g]);
      if (t === 1) expect(Math.abs(p.data[0]! - -0.001)).toBeLessThan(1e-9);
      if ([1, 2, 3, 10, 100, 1000].includes(t)) {
        expect(Math.abs(p.data[0]! / exact(t) - 1), `step ${t}`).toBeLessThan(1e-12);
      }
      if (t === 10) expect(p.data[0]).toBeCloseTo(-0.01, 9);
      if (t === 100) expect(p.data[0]).toBeCloseTo(-0.1, 8);
    }
    expect(p.data[0]).toBeCloseTo(-1, 7);
  });

  it('matches the unrolled moments M_t = (1-β1)Σ β1^(t-i) G_i, S_t = (1-β2)Σ β2^(t-i) G_i² on random gradients', () => {
    const rng = createRng(11);
    const [b1, b2, eps, lr] = [0.8, 0.95, 1e-6, 0.01];
    const opt = adam({ learningRate: lr, beta1: b1, beta2: b2, epsilon: eps });
    const p = Matrix.zeros(2, 1);
    const history: number[][] = [];
    const expected = [0, 0];
    for (let t = 1; t <= 60; t++) {
      const g = [rng.normal(), 3 * rng.normal()];
      history.push(g);
      opt.step([p], [Matrix.column(g)]);
      for (let k = 0; k < 2; k++) {
        let m = 0;
        let s = 0;
        for (let i = 1; i <= t; i++) {
          const gi = history[i - 1]![k]!;
          m += (1 - b1) * b1 ** (t - i) * gi;
          s += (1 - b2) * b2 ** (t - i) * gi * gi;
        }
        expected[k]! -= (lr * (m / (1 - b1 ** t))) / (Math.sqrt(s / (1 - b2 ** t)) + eps);
        expect(p.data[k]).toBeCloseTo(expected[k]!, 12);
      }
    }
  });

  it('fills in the defaults 0.9 / 0.999 / 1e-8, and reset restarts t at 1', () => {
    const opt = adam({ learningRate: 0.5 });
    expect(opt.spec).toEqual({ kind: 'adam', learningRate: 0.5, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    const p = Matrix.zeros(1, 1);
    const g = Matrix.fromRows([[4]]);
    opt.step([p], [g]);
    const first = p.data[0]!;
    opt.step([p], [Matrix.fromRows([[-1]])]);
    opt.reset();
    p.fill(0);
    opt.step([p], [g]);
    expect(p.data[0]).toBe(first);
    // First step of Adam is lr·G/(|G| + ε): the sign times lr, whatever the size of G.
    expect(first).toBeCloseTo(-0.5, 8);
  });

  it('validates its settings, naming the field', () => {
    expect(() => adam({ learningRate: 1e-3, beta1: 1 })).toThrow('adam: beta1 must be a number in [0, 1), got 1');
    expect(() => adam({ learningRate: 1e-3, beta2: -0.5 })).toThrow('adam: beta2 must be a number in [0, 1), got -0.5');
    expect(() => adam({ learningRate: 1e-3, epsilon: 0 })).toThrow('adam: epsilon must be a positive finite number, got 0');
    expect(() => adam({ learningRate: Infinity })).toThrow('adam: learningRate must be a positive finite number, got Infinity');
    expect(() => adam({ learningRate: 1e-3, beta_1: 0.9 } as never)).toThrow(
      'adam: unknown field "beta_1" (expected learningRate, beta1, beta2, epsilon)',
    );
  });
});
