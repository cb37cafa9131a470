import { describe, expect, it } from 'vitest';
import { Matrix, ShapeError } from '../matrix.js';
import { relu } from './relu.js';

describe('relu', () => {
  const z = Matrix.fromRows([
    [-2, -0.5, 0],
    [0.25, 3, -1e-300],
  ]);

  it('forward is max(0, z)', () => {
    const out = Matrix.zeros(2, 3);
    expect(relu.forward(z, out)).toBe(out);
    expect(out.toRows()).toEqual([
      [0, 0, 0],
      [0.25, 3, 0],
    ]);
  });

  it('forward is z > 0 ? z : +0 bit for bit at the edges: -0, subnormals, infinities; NaN stays NaN', () => {
    const edges = [-0, 0, 5e-324, -5e-324, 1.7e308, -1.7e308, Infinity, -Infinity, NaN];
    const out = relu.forward(Matrix.fromRows([edges]), Matrix.zeros(1, edges.length)).toArray();
    const want = [0, 0, 5e-324, 0, 1.7e308, 0, Infinity, 0, NaN];
    out.forEach((v, i) => expect(Object.is(v, want[i])).toBe(true));
  });

  it("derivative with respect to z is 1 where z > 0 and 0 elsewhere, including the kink z = 0", () => {
    const a = relu.forward(z, Matrix.zeros(2, 3));
    expect(relu.derivative!(z, a, Matrix.zeros(2, 3)).toRows()).toEqual([
      [0, 0, 0],
      [1, 1, 0],
    ]);
  });

  it('backward passes dA through where z > 0, also when out aliases dA', () => {
    const a = relu.forward(z, Matrix.zeros(2, 3));
    const dA = Matrix.fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(relu.backward(dA, z, a, Matrix.zeros(2, 3)).toRows()).toEqual([
      [0, 0, 0],
      [4, 5, 0],
    ]);
    relu.backward(dA, z, a, dA);
    expect(dA.toRows()).toEqual([
      [0, 0, 0],
      [4, 5, 0],
    ]);
  });

  it('names the method and both shapes on a shape mismatch', () => {
    expect(() => relu.forward(z, Matrix.zeros(3, 2))).toThrow(ShapeError);
    expect(() => relu.forward(z, Matrix.zeros(3, 2))).toThrow('relu.forward (z, out): shapes 2x3 and 3x2 differ');
    expect(() => relu.backward(Matrix.zeros(1, 3), z, z, z)).toThrow('relu.backward (z, dA): shapes 2x3 and 1x3 differ');
  });
});
