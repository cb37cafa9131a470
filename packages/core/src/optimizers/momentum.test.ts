import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.js';
import { createRng } from '../rng.js';
import { momentum } from './momentum.js';
import { sgd } from './sgd.js';

function randomGradients(shapes: readonly (readonly [number, number])[], seed: number, steps: number): Matrix[][] {
  const rng = createRng(seed);
  return Array.from({ length: steps }, () =>
    shapes.map(([r, c]) => {
      const m = new Matrix(r, c);
      for (let i = 0; i < m.size; i++) m.data[i] = rng.normal();
      return m;
    }),
  );
}

describe('momentum', () => {
  it('follows the heavy-ball closed form for a constant gradient: p_T = -lr·(T - μ(1-μ^T)/(1-μ))/(1-μ)', () => {
    // lr 0.01, μ 0.9, G = 1: V_t = 10(1 - 0.9^t), so p_T = -0.1·(T - 9(1 - 0.9^T)).
    const p = Matrix.zeros(1, 1);
    const g = Matrix.fromRows([[1]]);
    const opt = momentum({ learningRate: 0.01, momentum: 0.9 });
    const closedForm = (T: number): number => -0.1 * (T - 9 * (1 - 0.9 ** T));
    for (let t = 1; t <= 1000; t++) {
      opt.step([p], [g]);
      if (t === 1) expect(p.data[0]).toBe(-0.01); // V_1 = G, no dampening on the first step
      if (t === 100) {
        expect(Math.abs(p.data[0]! - -9.1)).toBeLessThan(0.01);
        // 100 float64 updates: rounding stays near 1e-15 relative (measured 4e-16); 1e-12 leaves room.
        expect(Math.abs(p.data[0]! / closedForm(100) - 1)).toBeLessThan(1e-12);
      }
    }
    expect(Math.abs(p.data[0]! - -99.1)).toBeLessThan(0.01);
    // Measured 1.5e-14 relative after 1000 steps.
    expect(Math.abs(p.data[0]! / closedForm(1000) - 1)).toBeLessThan(1e-12);
  });

  it('with μ = 0 is bit-identical to sgd over many steps of random gradients', () => {
    const shapes = [
      [3, 2],
      [3, 1],
      [1, 3],
    ] as const;
    const grads = randomGradients(shapes, 99, 300);
    const start = shapes.map(([r, c], k) => Matrix.fromRows(Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => k + i - j * 0.37))));
    const a = start.map((m) => m.clone());
    const b = start.map((m) => m.clone());
    const heavyBall = momentum({ learningRate: 0.05, momentum: 0 });
    const plain = sgd({ learningRate: 0.05 });
    for (const g of grads) {
      heavyBall.step(a, g);
      plain.step(b, g);
    }
    a.forEach((m, k) => expect(m.equals(b[k]!)).toBe(true));
    expect(a[0]!.equals(start[0]!)).toBe(false);
  });

  it('matches the unrolled sum V_t = μ^(t-1)·G_1 + (1-d)·Σ_(i=2..t) μ^(t-i)·G_i with dampening', () => {
    const mu = 0.8;
    const d = 0.3;
    const lr = 0.1;
    const grads = randomGradients([[1, 1]], 5, 40).map((g) => g[0]!.data[0]!);
    const p = Matrix.zeros(1, 1);
    const opt = momentum({ learningRate: lr, momentum: mu, dampening: d });
    let expected = 0;
    grads.forEach((_, index) => {
      const t = index + 1;
      opt.step([p], [Matrix.fromRows([[grads[index]!]])]);
      let v = mu ** (t - 1) * grads[0]!;
      for (let i = 2; i <= t; i++) v += (1 - d) * mu ** (t - i) * grads[i - 1]!;
      expected -= lr * v;
      expect(p.data[0]).toBeCloseTo(expected, 12);
    });
    expect(opt.spec).toEqual({ kind: 'momentum', learningRate: lr, momentum: mu, dampening: d });
  });

  it('reset forgets the velocity; stepping other parameters without reset is refused', () => {
    const opt = momentum({ learningRate: 1, momentum: 0.5 });
    const p = Matrix.zeros(1, 2);
    const g = Matrix.fromRows([[1, 2]]);
    opt.step([p], [g]);
    opt.step([p], [g]);
    expect(p.toArray()).toEqual([-2.5, -5]);
    opt.reset();
    p.fill(0);
    opt.step([p], [g]);
    expect(p.toArray()).toEqual([-1, -2]);
    expect(() => opt.step([Matrix.zeros(2, 2)], [Matrix.zeros(2, 2)])).toThrow(
      'momentum.step: parameter 0 has 4 values, but its state was made for 2 (reset() to start over)',
    );
    expect(() => opt.step([p, p], [g, g])).toThrow(/2 parameters, but the state was made for 1/);
  });

  it('validates its settings, naming the field', () => {
    expect(() => momentum({ learningRate: 0.1, momentum: 1 })).toThrow('momentum: momentum must be a number in [0, 1), got 1');
    expect(() => momentum({ learningRate: 0.1, momentum: -0.1 })).toThrow(/momentum must be a number in \[0, 1\)/);
    expect(() => momentum({ learningRate: 0.1, momentum: 0.9, dampening: 2 })).toThrow(
      'momentum: dampening must be a number in [0, 1], got 2',
    );
    expect(() => momentum({ learningRate: -1, momentum: 0.9 })).toThrow('momentum: learningRate must be a positive finite number, got -1');
    expect(() => momentum({ learningRate: 0.1 } as never)).toThrow('momentum: momentum must be a number in [0, 1), got undefined');
  });
});
