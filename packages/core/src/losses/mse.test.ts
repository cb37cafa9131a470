import { describe, expect, it } from 'vitest';
import { linear } from '../activations/linear.js';
import { sigmoid } from '../activations/sigmoid.js';
import { softmax } from '../activations/softmax.js';
import { tanh } from '../activations/tanh.js';
import { Matrix } from '../matrix.js';
import { mse } from './mse.js';

describe('mse', () => {
  it('is the mean of (a - y)² over the k units and m examples', () => {
    const a = Matrix.fromRows([
      [1, 2, 3],
      [0, 0, 0],
    ]);
    const y = Matrix.fromRows([
      [0, 2, 5],
      [1, -1, 0],
    ]);
    // Squared errors 1, 0, 4, 1, 1, 0: sum 7 over k·m = 6.
    expect(mse.cost(a, a, y)).toBe(7 / 6);
  });

  it('outputGradient is (2/k)(A - Y) ⊙ g\'(Z), not divided by m', () => {
    const z = Matrix.fromRows([
      [0.5, -1],
      [2, 0.25],
      [-0.3, 1.5],
    ]);
    const y = Matrix.fromRows([
      [1, 0],
      [0, 1],
      [0.5, 0.5],
    ]);
    for (const g of [sigmoid, tanh, linear]) {
      const a = g.forward(z, Matrix.zeros(3, 2));
      const gPrime = g.derivative!(z, a, Matrix.zeros(3, 2));
      const expected = a.data.map((v, i) => (2 / 3) * (v - y.data[i]!) * gPrime.data[i]!);
      expect(mse.outputGradient(z, a, y, g, Matrix.zeros(3, 2)).data, g.name).toEqual(expected);
    }
  });

  it('with a softmax output uses the Jacobian-vector product of (2/k)(A - Y)', () => {
    const z = Matrix.fromRows([[0.1], [1.2], [-0.8]]);
    const a = softmax.forward(z, Matrix.zeros(3, 1));
    const y = Matrix.fromRows([[0], [1], [0]]);
    const dA = Matrix.fromRows(a.toRows().map((row, i) => [(2 / 3) * (row[0]! - y.get(i, 0))]));
    const expected = softmax.backward(dA, z, a, Matrix.zeros(3, 1));
    expect(mse.outputGradient(z, a, y, softmax, Matrix.zeros(3, 1)).equals(expected)).toBe(true);
  });

  it('refuses an out that shares storage with a or y, and mismatched shapes', () => {
    const z = Matrix.zeros(2, 2);
    const a = Matrix.zeros(2, 2);
    const y = Matrix.zeros(2, 2);
    expect(() => mse.outputGradient(z, a, y, sigmoid, a)).toThrow('mse.outputGradient: out must not share its storage with a or y');
    expect(() => mse.outputGradient(z, a, y, sigmoid, y)).toThrow(/must not share/);
    expect(() => mse.cost(z, a, Matrix.zeros(1, 2))).toThrow('mse.cost (z, y): shapes 2x2 and 1x2 differ');
  });
});
