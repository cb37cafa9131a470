import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.js';
import { tanh } from './tanh.js';

describe('tanh', () => {
  const z = Matrix.fromRows([
    [-1000, -1, 0],
    [0.5, 2, 1000],
  ]);

  it('forward is Math.tanh, saturating to ±1 without NaN', () => {
    const a = tanh.forward(z, Matrix.zeros(2, 3));
    expect(a.toRows()).toEqual([
      [-1, Math.tanh(-1), 0],
      [Math.tanh(0.5), Math.tanh(2), 1],
    ]);
  });

  it('derivative with respect to z is 1 - a², matching the closed form 1/cosh²(z)', () => {
    const a = tanh.forward(z, Matrix.zeros(2, 3));
    const d = tanh.derivative!(z, a, Matrix.zeros(2, 3));
    for (let i = 0; i < z.size; i++) {
      const want = 1 / Math.cosh(z.data[i]!) ** 2;
      expect(d.data[i]).toBeCloseTo(want, 14);
    }
    expect(d.get(0, 2)).toBe(1);
    expect(d.get(0, 0)).toBe(0);
  });

  it('backward is dA ⊙ (1 - a²), also when out aliases dA', () => {
    const a = tanh.forward(z, Matrix.zeros(2, 3));
    const dA = Matrix.fromRows([
      [1, -2, 3],
      [4, 5, -6],
    ]);
    const expected = dA.data.map((g, i) => g * (1 - a.data[i]! ** 2));
    expect(tanh.backward(dA, z, a, Matrix.zeros(2, 3)).data).toEqual(expected);
    tanh.backward(dA, z, a, dA);
    expect(dA.data).toEqual(expected);
  });

  it('checks shapes', () => {
    expect(() => tanh.backward(z, z, Matrix.zeros(2, 2), z)).toThrow('tanh.backward (z, a): shapes 2x3 and 2x2 differ');
  });
});
