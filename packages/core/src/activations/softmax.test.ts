import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.js';
import { softmax } from './softmax.js';

/** Column j of m as an array. */
function column(m: Matrix, j: number): number[] {
  return Array.from({ length: m.rows }, (_, i) => m.get(i, j));
}

describe('softmax', () => {
  it('works per column and survives extreme logits: [1000,-1000,0] -> [1,0,0], [-1000,1000,999] -> [0,.7311,.2689]', () => {
    // Two examples as columns, three units as rows.
    const z = Matrix.fromRows([
      [1000, -1000],
      [-1000, 1000],
      [0, 999],
    ]);
    const a = softmax.forward(z, Matrix.zeros(3, 2));
    expect(column(a, 0)).toEqual([1, 0, 0]);
    const second = column(a, 1);
    expect(second[0]).toBe(0);
    expect(second[1]).toBeCloseTo(0.7311, 4);
    expect(second[2]).toBeCloseTo(0.2689, 4);
    expect(second[1]).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    for (let j = 0; j < 2; j++) {
      expect(Math.abs(column(a, j).reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    }
    expect(a.data.every(Number.isFinite)).toBe(true);
  });

  it('is invariant to adding a constant to a column and sums to 1 per column', () => {
    const z = Matrix.fromRows([
      [0.1, 3, -2, 50],
      [-0.7, 3, 0, 51],
      [2.2, 3, 4, 49],
    ]);
    const shifted = Matrix.fromRows(z.toRows().map((row) => row.map((v, j) => v + [10, -7, 0.5, -60][j]!)));
    const a = softmax.forward(z, Matrix.zeros(3, 4));
    const b = softmax.forward(shifted, Matrix.zeros(3, 4));
    for (let k = 0; k < a.size; k++) expect(a.data[k]).toBeCloseTo(b.data[k]!, 14);
    expect(column(a, 1)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    for (let j = 0; j < 4; j++) {
      expect(Math.abs(column(a, j).reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    }
  });

  it('backward is the Jacobian-vector product a ⊙ (dA - a·dA) per column (out may alias dA)', () => {
    const z = Matrix.fromRows([
      [0.5, -1],
      [1.5, 0],
      [-0.5, 2],
    ]);
    const a = softmax.forward(z, Matrix.zeros(3, 2));
    const dA = Matrix.fromRows([
      [1, 0],
      [-2, 0.5],
      [3, 4],
    ]);
    // Explicit Jacobian J_ik = a_i(δ_ik - a_k), per column.
    const expected = Matrix.zeros(3, 2);
    for (let j = 0; j < 2; j++) {
      for (let i = 0; i < 3; i++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a.get(i, j) * ((i === k ? 1 : 0) - a.get(k, j)) * dA.get(k, j);
        expected.set(i, j, s);
      }
    }
    const got = softmax.backward(dA, z, a, Matrix.zeros(3, 2));
    for (let k = 0; k < 6; k++) expect(got.data[k]).toBeCloseTo(expected.data[k]!, 15);
    softmax.backward(dA, z, a, dA);
    expect(dA.equals(got)).toBe(true);
  });

  it('has no element-wise derivative (its derivative is a Jacobian)', () => {
    expect(softmax.derivative).toBeUndefined();
  });

  it('checks shapes', () => {
    expect(() => softmax.forward(Matrix.zeros(3, 2), Matrix.zeros(2, 3))).toThrow('softmax.forward (z, out): shapes 3x2 and 2x3 differ');
  });
});
