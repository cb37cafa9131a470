import { add, dotMultiply, flatten, matrix, multiply, subtract, sum, transpose, type Matrix as MathMatrix } from 'mathjs';
import type { Backend, MatmulOptions } from '../backend.js';
import type { Matrix } from '../matrix.js';
import {
  checkAddColumnVector,
  checkColSums,
  checkElementwise,
  checkMatmul,
  checkRowSums,
  checkUnary,
} from './checks.js';

/**
 * The reference twin of the typed backend: every kernel is one mathjs call on
 * mathjs matrices, and the answer is copied into `out`. Slow (it allocates
 * nested arrays on every call) and meant to be obviously right, so a bug in the
 * fast loops shows up as a disagreement between the two.
 *
 * It runs the same argument checks as the typed backend, so misuse fails the
 * same way on both. Empty shapes (a 0 dimension) are answered directly, since
 * mathjs turns `[]` into a one-dimensional matrix.
 */
export const mathjsBackend: Backend = {
  name: 'mathjs',

  matmul(a: Matrix, b: Matrix, out: Matrix, options?: MatmulOptions): Matrix {
    const { k, transposeA, transposeB } = checkMatmul(a, b, out, options);
    // An empty inner dimension makes every entry an empty sum.
    if (out.size === 0 || k === 0) return out.fill(0);
    const left = transposeA ? transpose(toMath(a)) : toMath(a);
    const right = transposeB ? transpose(toMath(b)) : toMath(b);
    return copyInto('matmul', multiply(left, right), out);
  },

  addColumnVector(a: Matrix, bias: Matrix, out: Matrix): Matrix {
    checkAddColumnVector(a, bias, out);
    if (out.size === 0) return out;
    // mathjs broadcasts the n x 1 bias across the columns.
    return copyInto('addColumnVector', add(toMath(a), toMath(bias)), out);
  },

  add(a: Matrix, b: Matrix, out: Matrix): Matrix {
    checkElementwise('add', a, b, out);
    if (out.size === 0) return out;
    return copyInto('add', add(toMath(a), toMath(b)), out);
  },

  sub(a: Matrix, b: Matrix, out: Matrix): Matrix {
    checkElementwise('sub', a, b, out);
    if (out.size === 0) return out;
    return copyInto('sub', subtract(toMath(a), toMath(b)), out);
  },

  mul(a: Matrix, b: Matrix, out: Matrix): Matrix {
    checkElementwise('mul', a, b, out);
    if (out.size === 0) return out;
    return copyInto('mul', dotMultiply(toMath(a), toMath(b)), out);
  },

  scale(a: Matrix, s: number, out: Matrix): Matrix {
    checkUnary('scale', a, out);
    if (out.size === 0) return out;
    return copyInto('scale', multiply(toMath(a), s), out);
  },

  rowSums(a: Matrix, out: Matrix): Matrix {
    checkRowSums(a, out);
    if (out.size === 0) return out;
    if (a.cols === 0) return out.fill(0);
    // Dimension 1 runs along a row: one sum per row.
    return copyInto('rowSums', sum(toMath(a), 1), out);
  },

  colSums(a: Matrix, out: Matrix): Matrix {
    checkColSums(a, out);
    if (out.size === 0) return out;
    if (a.rows === 0) return out.fill(0);
    // Dimension 0 runs down a column: one sum per column.
    return copyInto('colSums', sum(toMath(a), 0), out);
  },
};

function toMath(x: Matrix): MathMatrix {
  // The 'number' datatype lets mathjs skip its per-element type dispatch: about
  // 8x faster on the trainers' products, with the same values.
  return matrix(x.toRows(), 'dense', 'number');
}

/** Copies a mathjs result into out in row-major order, after checking it has as many values. */
function copyInto(op: string, result: unknown, out: Matrix): Matrix {
  const values = flatten(result as MathMatrix).toArray() as number[];
  if (values.length !== out.size) {
    throw new Error(`${op} (mathjs): got ${values.length} values for a ${out.shape} output`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') throw new Error(`${op} (mathjs): value ${i} is ${typeof v}, expected a number`);
    out.data[i] = v;
  }
  return out;
}
