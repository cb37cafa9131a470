import { describe, expect, it } from 'vitest';
import { relu } from '../activations/relu.js';
import { Matrix, ShapeError } from '../matrix.js';
import { typedBackend } from './typed.js';

// typedBackend.affine and .backwardRelu are shortcuts the trainers take when a
// backend offers them: they must give the separate kernels' numbers exactly,
// whichever path (wasm or JavaScript) a shape takes.

function filled(rows: number, cols: number, seed: number): Matrix {
  const m = new Matrix(rows, cols);
  let s = seed;
  for (let i = 0; i < m.data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    m.data[i] = s / 2 ** 31 - 1;
  }
  return m;
}

const sameBits = (got: Matrix, want: Matrix): boolean =>
  got.sameShape(want) && Array.from(got.data).every((v, i) => Object.is(v, want.data[i]));

// [rows out, inner, columns]: wasm-sized ones, and 1 x 5 outputs the JS kernel keeps.
const shapes = [
  [20, 2, 400],
  [7, 20, 400],
  [1, 400, 5],
  [10, 64, 97],
];

describe('typedBackend.affine', () => {
  it.each(shapes)('is matmul, addColumnVector and relu.forward for a %i x %i by %i x .. layer', (m, k, n) => {
    const w = filled(m, k, 1);
    const a = filled(k, n, 2);
    const bias = filled(m, 1, 3);
    const z = typedBackend.addColumnVector(typedBackend.matmul(w, a, new Matrix(m, n)), bias, new Matrix(m, n));
    const activated = relu.forward(z, new Matrix(m, n));
    const gotZ = new Matrix(m, n);
    const gotA = new Matrix(m, n);
    expect(typedBackend.affine!(w, a, bias, gotZ)).toBe(gotZ);
    expect(sameBits(gotZ, z)).toBe(true);
    typedBackend.affine!(w, a, bias, gotZ.fill(NaN), gotA);
    expect(sameBits(gotZ, z) && sameBits(gotA, activated)).toBe(true);
  });

  it('names the shapes when they do not fit', () => {
    expect(() => typedBackend.affine!(new Matrix(3, 2), new Matrix(2, 5), new Matrix(2, 1), new Matrix(3, 5))).toThrow(
      ShapeError,
    );
    expect(() =>
      typedBackend.affine!(new Matrix(3, 2), new Matrix(2, 5), new Matrix(3, 1), new Matrix(3, 5), new Matrix(3, 4)),
    ).toThrow(ShapeError);
  });
});

describe('typedBackend.backwardRelu', () => {
  it.each(shapes)('is matmul (transposeA) then relu.backward for a %i x %i by %i x .. step', (m, k, n) => {
    const w = filled(k, m, 4);
    const dZ = filled(k, n, 5);
    const zPrev = filled(m, n, 6);
    const dA = typedBackend.matmul(w, dZ, new Matrix(m, n), { transposeA: true });
    const want = relu.backward(dA, zPrev, zPrev, new Matrix(m, n));
    const got = new Matrix(m, n).fill(NaN);
    expect(typedBackend.backwardRelu!(w, dZ, zPrev, got)).toBe(got);
    expect(sameBits(got, want)).toBe(true);
  });

  it('refuses an output that is zPrev, and names mismatched shapes', () => {
    const zPrev = new Matrix(3, 4);
    expect(() => typedBackend.backwardRelu!(new Matrix(2, 3), new Matrix(2, 4), zPrev, zPrev)).toThrow(/shares memory/);
    expect(() => typedBackend.backwardRelu!(new Matrix(2, 3), new Matrix(2, 4), new Matrix(3, 5), new Matrix(3, 4))).toThrow(
      ShapeError,
    );
  });
});
