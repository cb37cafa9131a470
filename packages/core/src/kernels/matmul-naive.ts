import type { MatmulOptions } from '../backend.js';
import type { Matrix } from '../matrix.js';
import { checkMatmul } from './checks.js';

/**
 * out = op(a) · op(b), the textbook triple loop: each entry is one dot product
 * summed from 0 in order of the inner index. Slow and obviously right; the
 * tests measure the fast kernels against it.
 */
export function matmulNaive(a: Matrix, b: Matrix, out: Matrix, options: MatmulOptions = {}): Matrix {
  const { m, k, n, transposeA, transposeB } = checkMatmul(a, b, out, options);
  const opA = (i: number, p: number): number => (transposeA ? a.get(p, i) : a.get(i, p));
  const opB = (p: number, j: number): number => (transposeB ? b.get(j, p) : b.get(p, j));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += opA(i, p) * opB(p, j);
      out.set(i, j, sum);
    }
  }
  return out;
}
