import type { Activation } from '../activations/types.js';
import type { Matrix } from '../matrix.js';
import { checkCostInputs, checkGradientInputs, subtractInto } from './checks.js';
import type { Loss } from './types.js';

/**
 * log Σ_i e^(z_ij) over column j of z, as max + log Σ e^(z - max), so no
 * exponent is positive and nothing overflows.
 */
export function logSumExpColumn(z: Matrix, j: number): number {
  const { rows, cols } = z;
  const zs = z.data;
  let max = -Infinity;
  for (let i = 0; i < rows; i++) {
    const v = zs[i * cols + j]!;
    if (v > max) max = v;
  }
  let sum = 0;
  for (let i = 0; i < rows; i++) sum += Math.exp(zs[i * cols + j]! - max);
  return max + Math.log(sum);
}

/**
 * Categorical cross-entropy, -(1/m) Σ y·log(softmax(z)) over every unit and
 * example (columns are examples), computed from the logits as
 * -(1/m) Σ y·(z - logsumexp(z column)): finite even for logits like ±1000.
 *
 * outputGradient is the fused dZ = A - Y (not divided by m), valid only for a
 * softmax output layer; any other output throws.
 */
export const ce: Loss = {
  name: 'ce',
  cost(z: Matrix, a: Matrix, y: Matrix): number {
    const m = checkCostInputs('ce', z, a, y);
    const { rows, cols } = z;
    const zs = z.data;
    const ys = y.data;
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const lse = logSumExpColumn(z, j);
      for (let i = 0; i < rows; i++) {
        const k = i * cols + j;
        sum += ys[k]! * (zs[k]! - lse);
      }
    }
    return -sum / m;
  },
  outputGradient(z: Matrix, a: Matrix, y: Matrix, output: Activation, out: Matrix): Matrix {
    if (output.name !== 'softmax') {
      throw new Error(`ce.outputGradient: cross-entropy needs a softmax output layer, got ${output.name}`);
    }
    checkGradientInputs('ce', z, a, y, out);
    return subtractInto(a, y, out);
  },
};
