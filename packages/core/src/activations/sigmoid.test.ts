import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.js';
import { sigmoid, sigmoidScalar } from './sigmoid.js';

describe('sigmoid', () => {
  it('is exactly 1 at +1000 and exactly 0 at -1000, with no NaN', () => {
    const a = sigmoid.forward(Matrix.fromRows([[1000, -1000, Infinity, -Infinity]]), Matrix.zeros(1, 4));
    expect(a.toArray()).toEqual([1, 0, 1, 0]);
    expect(sigmoidScalar(1000)).toBe(1);
    expect(sigmoidScalar(-1000)).toBe(0);
  });

  it('matches 1/(1 + e^-z) where that formula is safe, and is symmetric: σ(-z) = 1 - σ(z)', () => {
    for (const z of [-30, -5, -1, -1e-9, 0, 1e-9, 0.3, 2, 30]) {
      expect(sigmoidScalar(z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 15);
      expect(sigmoidScalar(-z) + sigmoidScalar(z)).toBeCloseTo(1, 15);
    }
    expect(sigmoidScalar(0)).toBe(0.5);
    // The e^z/(1+e^z) branch keeps tiny values: σ(-700) ≈ e^-700, not 0.
    expect(sigmoidScalar(-700) / Math.exp(-700)).toBeCloseTo(1, 12);
  });

  it('derivative with respect to z is a(1 - a), and backward is dA ⊙ a(1 - a) (out may alias dA)', () => {
    const z = Matrix.fromRows([
      [-2, 0, 3],
      [1000, -1000, 0.5],
    ]);
    const a = sigmoid.forward(z, Matrix.zeros(2, 3));
    const d = sigmoid.derivative!(z, a, Matrix.zeros(2, 3));
    expect(d.get(0, 1)).toBe(0.25);
    expect(d.get(1, 0)).toBe(0);
    expect(d.get(1, 1)).toBe(0);
    expect(d.get(0, 0)).toBeCloseTo(Math.exp(-2) / (1 + Math.exp(-2)) ** 2, 15);
    const dA = Matrix.fromRows([
      [2, 2, 2],
      [2, 2, 2],
    ]);
    sigmoid.backward(dA, z, a, dA);
    expect(dA.data).toEqual(d.data.map((v) => 2 * v));
  });

  it('checks shapes', () => {
    expect(() => sigmoid.forward(Matrix.zeros(2, 2), Matrix.zeros(2, 1))).toThrow('sigmoid.forward (z, out): shapes 2x2 and 2x1 differ');
  });
});
