import { describe, expect, it } from 'vitest';
import type { MatmulOptions } from '../backend.js';
import { Matrix } from '../matrix.js';
import { matmulNaive } from './matmul-naive.js';
import { matmulTypedJs } from './matmul-typed.js';
import { matmulWasm, wasmAvailable } from './matmul-wasm.js';

function filled(rows: number, cols: number, seed: number): Matrix {
  const m = new Matrix(rows, cols);
  let s = seed;
  for (let i = 0; i < m.data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    m.data[i] = s / 2 ** 31 - 1;
  }
  return m;
}

const cases: MatmulOptions[] = [{}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true }];

describe.skipIf(!wasmAvailable())('matmulWasm', () => {
  it.each([
    [1, 1, 1],
    [3, 5, 2],
    [8, 4, 4],
    [9, 7, 5],
    [20, 2, 400],
    [1, 5, 400],
    [17, 33, 13],
    [128, 64, 37],
    [7, 400, 20],
    [1, 400, 5],
    [10, 1797, 9],
  ])('is bit-identical to matmulNaive for m=%i, k=%i, n=%i, every transpose', (m, k, n) => {
    for (const options of cases) {
      const a = options.transposeA ? filled(k, m, m + 1) : filled(m, k, m + 1);
      const b = options.transposeB ? filled(n, k, n + 7) : filled(k, n, n + 7);
      const want = matmulNaive(a, b, new Matrix(m, n), options);
      const got = new Matrix(m, n).fill(NaN);
      expect(matmulWasm(a, b, got, options.transposeA === true, options.transposeB === true)).toBe(true);
      expect(got.equals(want)).toBe(true);
    }
  });

  it('writes zeros for an empty inner dimension and nothing for an empty output', () => {
    const zeros = new Matrix(3, 2).fill(NaN);
    expect(matmulWasm(new Matrix(3, 0), new Matrix(0, 2), zeros, false, false)).toBe(true);
    expect(zeros.toRows()).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(matmulWasm(new Matrix(0, 4), new Matrix(4, 2), new Matrix(0, 2), false, false)).toBe(true);
    expect(matmulWasm(new Matrix(3, 4), new Matrix(4, 0), new Matrix(3, 0), false, false)).toBe(true);
  });

  it('grows its memory for a larger product after a smaller one', () => {
    const small = filled(4, 4, 1);
    matmulWasm(small, small, new Matrix(4, 4), false, false);
    const a = filled(200, 300, 2);
    const b = filled(300, 150, 3);
    const got = new Matrix(200, 150);
    matmulWasm(a, b, got, false, false);
    expect(got.equals(matmulNaive(a, b, new Matrix(200, 150)))).toBe(true);
  });
});

// The typed backend sends most products to WebAssembly; its JavaScript kernel
// still runs for small shapes and where WebAssembly SIMD is missing, so it keeps
// its own check on shapes the dispatch would otherwise hide from it.
describe('matmulTypedJs (the fallback)', () => {
  it.each([
    [9, 7, 5],
    [17, 33, 13],
    [128, 64, 37],
  ])('is bit-identical to matmulNaive for m=%i, k=%i, n=%i, every transpose', (m, k, n) => {
    for (const options of cases) {
      const a = options.transposeA ? filled(k, m, m + 1) : filled(m, k, m + 1);
      const b = options.transposeB ? filled(n, k, n + 7) : filled(k, n, n + 7);
      const want = matmulNaive(a, b, new Matrix(m, n), options);
      const got = new Matrix(m, n).fill(NaN);
      matmulTypedJs(a, b, got, options.transposeA === true, options.transposeB === true);
      expect(got.equals(want)).toBe(true);
    }
  });
});
