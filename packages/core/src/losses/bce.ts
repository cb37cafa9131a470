import type { Activation } from '../activations/types.js';
import type { Matrix } from '../matrix.js';
import { checkCostInputs, checkGradientInputs, subtractInto } from './checks.js';
import { softplus } from './softplus.js';
import type { Loss } from './types.js';

/**
 * Binary cross-entropy, -(1/m) Σ [y·log(a) + (1-y)·log(1-a)] over every unit
 * and example, computed from the logits z as
 * (1/m) Σ [y·softplus(-z) + (1-y)·softplus(z)]: the same number, without
 * log(0) or overflow for saturated outputs.
 *
 * outputGradient is the fused dZ = A - Y (not divided by m), valid only for a
 * sigmoid output layer; any other output throws.
 */
export const bce: Loss = {
  name: 'bce',
  cost(z: Matrix, a: Matrix, y: Matrix): number {
    const m = checkCostInputs('bce', z, a, y);
    const zs = z.data;
    const ys = y.data;
    let sum = 0;
    for (let i = 0; i < zs.length; i++) {
      const zi = zs[i]!;
      const yi = ys[i]!;
      sum += yi * softplus(-zi) + (1 - yi) * softplus(zi);
    }
    return sum / m;
  },
  outputGradient(z: Matrix, a: Matrix, y: Matrix, output: Activation, out: Matrix): Matrix {
    if (output.name !== 'sigmoid') {
      throw new Error(`bce.outputGradient: binary cross-entropy needs a sigmoid output layer, got ${output.name}`);
    }
    checkGradientInputs('bce', z, a, y, out);
    return subtractInto(a, y, out);
  },
};
