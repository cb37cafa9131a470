import type { Matrix } from '../matrix.js';
import { checkBackward, checkForward } from './checks.js';
import type { Activation } from './types.js';

/**
 * softmax over each column (columns are examples): a_i = e^(z_i - max) / Σ_k e^(z_k - max).
 * Subtracting the column's max keeps every exponent <= 0, so nothing overflows.
 *
 * Derivative with respect to z: the Jacobian ∂a_i/∂z_j = a_i(δ_ij - a_j), so
 * `backward` returns, per column, dZ_i = a_i (dA_i - Σ_k a_k dA_k). There is
 * no element-wise `derivative`. With cross-entropy the output layer uses the
 * fused dZ = A - Y instead (see losses/ce.ts).
 */
export const softmax: Activation = {
  name: 'softmax',
  forward(z: Matrix, out: Matrix): Matrix {
    checkForward('softmax', z, out);
    const { rows, cols } = z;
    const zs = z.data;
    const o = out.data;
    for (let j = 0; j < cols; j++) {
      let max = -Infinity;
      for (let i = 0; i < rows; i++) {
        const v = zs[i * cols + j]!;
        if (v > max) max = v;
      }
      let sum = 0;
      for (let i = 0; i < rows; i++) {
        const e = Math.exp(zs[i * cols + j]! - max);
        o[i * cols + j] = e;
        sum += e;
      }
      for (let i = 0; i < rows; i++) o[i * cols + j]! /= sum;
    }
    return out;
  },
  backward(dA: Matrix, z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkBackward('softmax', dA, z, a, out);
    const { rows, cols } = z;
    const as = a.data;
    const d = dA.data;
    const o = out.data;
    for (let j = 0; j < cols; j++) {
      // The dot product is complete before any write, so out may alias dA.
      let dot = 0;
      for (let i = 0; i < rows; i++) dot += as[i * cols + j]! * d[i * cols + j]!;
      for (let i = 0; i < rows; i++) {
        const k = i * cols + j;
        o[k] = as[k]! * (d[k]! - dot);
      }
    }
    return out;
  },
};
