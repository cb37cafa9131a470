import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.js';
import { leakyRelu } from './leaky-relu.js';

describe('leakyRelu', () => {
  const z = Matrix.fromRows([[-200, -1, 0, 0.5, 7]]);

  it('forward is z for z > 0 and 0.01·z otherwise', () => {
    expect(leakyRelu.forward(z, Matrix.zeros(1, 5)).toArray()).toEqual([-2, -0.01, 0, 0.5, 7]);
  });

  it('derivative with respect to z is 1 for z > 0 and 0.01 otherwise', () => {
    const a = leakyRelu.forward(z, Matrix.zeros(1, 5));
    expect(leakyRelu.derivative!(z, a, Matrix.zeros(1, 5)).toArray()).toEqual([0.01, 0.01, 0.01, 1, 1]);
  });

  it('backward is dA ⊙ g\'(z), also when out aliases dA', () => {
    const a = leakyRelu.forward(z, Matrix.zeros(1, 5));
    const dA = Matrix.fromRows([[100, -3, 2, 4, -5]]);
    const expected = [1, -0.03, 0.02, 4, -5];
    expect(leakyRelu.backward(dA, z, a, Matrix.zeros(1, 5)).toArray()).toEqual(expected);
    leakyRelu.backward(dA, z, a, dA);
    expect(dA.toArray()).toEqual(expected);
  });

  it('checks shapes', () => {
    expect(() => leakyRelu.derivative!(z, z, Matrix.zeros(5, 1))).toThrow('leakyRelu.derivative (z, out): shapes 1x5 and 5x1 differ');
  });
});
