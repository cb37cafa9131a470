import { checkBackward, checkForward } from '../activations/checks.js';
import { relu } from '../activations/relu.js';
import type { Backend, MatmulOptions } from '../backend.js';
import type { Matrix } from '../matrix.js';
import {
  assertMatmul,
  checkAddColumnVector,
  checkColSums,
  checkElementwise,
  checkRowSums,
  checkUnary,
  sharesMemory,
} from './checks.js';
import { affineWasm, backwardReluWasm } from './matmul-wasm.js';
import { matmulTyped, worthWasm } from './matmul-typed.js';

const TRANSPOSE_A: MatmulOptions = Object.freeze({ transposeA: true });

/**
 * The default backend: plain loops over Float64Array, nothing allocated per call
 * (matmul reuses one module-level packing buffer that only grows).
 *
 * Element-wise ops read index i before writing it, so `out` may be `a` or `b`.
 * Sums run from 0 in index order, as a naive loop does; matmul keeps that order
 * too, so it is bit-for-bit matmulNaive. (mathjs starts its sums from the first
 * term instead, which can only change the sign of a zero.)
 */
export const typedBackend: Backend = {
  name: 'typed',

  matmul(a: Matrix, b: Matrix, out: Matrix, options?: MatmulOptions): Matrix {
    const transposeA = options?.transposeA === true;
    const transposeB = options?.transposeB === true;
    assertMatmul(a, b, out, transposeA, transposeB);
    matmulTyped(a, b, out, transposeA, transposeB);
    return out;
  },

  affine(w: Matrix, a: Matrix, bias: Matrix, z: Matrix, reluOut?: Matrix): Matrix {
    assertMatmul(w, a, z, false, false);
    checkAddColumnVector(z, bias, z);
    if (reluOut !== undefined) checkForward('relu', z, reluOut);
    // One pass through the wasm kernel where the product goes there anyway; otherwise the separate kernels.
    if (worthWasm(z.rows, z.cols) && affineWasm(w, a, bias, z, reluOut ?? null)) return z;
    matmulTyped(w, a, z, false, false);
    this.addColumnVector(z, bias, z);
    if (reluOut !== undefined) relu.forward(z, reluOut);
    return z;
  },

  backwardRelu(w: Matrix, dZ: Matrix, zPrev: Matrix, out: Matrix): Matrix {
    assertMatmul(w, dZ, out, true, false);
    checkBackward('relu', out, zPrev, zPrev, out);
    if (sharesMemory(out, zPrev)) {
      throw new Error(`backwardRelu: out (${out.shape}) shares memory with zPrev; pass a separate output matrix`);
    }
    if (worthWasm(out.rows, out.cols) && backwardReluWasm(w, dZ, zPrev, out)) return out;
    this.matmul(w, dZ, out, TRANSPOSE_A);
    return relu.backward(out, zPrev, zPrev, out);
  },

  addColumnVector(a: Matrix, bias: Matrix, out: Matrix): Matrix {
    checkAddColumnVector(a, bias, out);
    const src = a.data;
    const dst = out.data;
    const bv = bias.data;
    const cols = a.cols;
    for (let i = 0; i < a.rows; i++) {
      const shift = bv[i]!;
      const end = (i + 1) * cols;
      for (let x = i * cols; x < end; x++) dst[x] = src[x]! + shift;
    }
    return out;
  },

  add(a: Matrix, b: Matrix, out: Matrix): Matrix {
    checkElementwise('add', a, b, out);
    const x = a.data;
    const y = b.data;
    const z = out.data;
    for (let i = 0; i < z.length; i++) z[i] = x[i]! + y[i]!;
    return out;
  },

  sub(a: Matrix, b: Matrix, out: Matrix): Matrix {
    checkElementwise('sub', a, b, out);
    const x = a.data;
    const y = b.data;
    const z = out.data;
    for (let i = 0; i < z.length; i++) z[i] = x[i]! - y[i]!;
    return out;
  },

  mul(a: Matrix, b: Matrix, out: Matrix): Matrix {
    checkElementwise('mul', a, b, out);
    const x = a.data;
    const y = b.data;
    const z = out.data;
    for (let i = 0; i < z.length; i++) z[i] = x[i]! * y[i]!;
    return out;
  },

  scale(a: Matrix, s: number, out: Matrix): Matrix {
    checkUnary('scale', a, out);
    const x = a.data;
    const z = out.data;
    for (let i = 0; i < z.length; i++) z[i] = s * x[i]!;
    return out;
  },

  rowSums(a: Matrix, out: Matrix): Matrix {
    checkRowSums(a, out);
    const x = a.data;
    const cols = a.cols;
    for (let i = 0; i < a.rows; i++) {
      let sum = 0;
      const end = (i + 1) * cols;
      for (let j = i * cols; j < end; j++) sum += x[j]!;
      out.data[i] = sum;
    }
    return out;
  },

  colSums(a: Matrix, out: Matrix): Matrix {
    checkColSums(a, out);
    const x = a.data;
    const z = out.data;
    const cols = a.cols;
    if (a.rows === 0) {
      z.fill(0);
      return out;
    }
    // Row by row so memory is read in order; each column still sums 0 + a[0][j] + a[1][j] + ...
    // in that order (the explicit 0 + gives -0 the same treatment as a sum started at 0).
    // Row 0 is read before anything is written, so out may be a itself when a is 1 x m.
    for (let j = 0; j < cols; j++) z[j] = 0 + x[j]!;
    for (let i = 1; i < a.rows; i++) {
      const row = i * cols;
      for (let j = 0; j < cols; j++) z[j] = z[j]! + x[row + j]!;
    }
    return out;
  },
};
