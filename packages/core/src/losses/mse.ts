import type { Activation } from '../activations/types.js';
import type { Matrix } from '../matrix.js';
import { checkCostInputs, checkGradientInputs } from './checks.js';
import type { Loss } from './types.js';

/**
 * Mean squared error, (1/(k·m)) Σ (a - y)² over the k output units and m
 * examples.
 *
 * outputGradient is dZ = (2/k)(A - Y) ⊙ g'(Z) (not divided by m: the trainer
 * applies 1/m to dW and db). For a softmax output, which has no element-wise
 * derivative, it is the softmax Jacobian-vector product of (2/k)(A - Y).
 * `out` must not share storage with `a` or `y` (it is checked).
 */
export const mse: Loss = {
  name: 'mse',
  cost(z: Matrix, a: Matrix, y: Matrix): number {
    const m = checkCostInputs('mse', z, a, y);
    const as = a.data;
    const ys = y.data;
    let sum = 0;
    for (let i = 0; i < as.length; i++) {
      const d = as[i]! - ys[i]!;
      sum += d * d;
    }
    return sum / (z.rows * m);
  },
  outputGradient(z: Matrix, a: Matrix, y: Matrix, output: Activation, out: Matrix): Matrix {
    checkGradientInputs('mse', z, a, y, out);
    if (out.data === a.data || out.data === y.data) {
      // g'(z) is written into out before a and y are read.
      throw new Error('mse.outputGradient: out must not share its storage with a or y');
    }
    const scale = 2 / z.rows;
    const as = a.data;
    const ys = y.data;
    const o = out.data;
    if (output.derivative) {
      // out = g'(z) first, then out = ((2/k)(a - y)) ⊙ out, exactly the formula's order.
      output.derivative(z, a, out);
      for (let i = 0; i < o.length; i++) o[i] = scale * (as[i]! - ys[i]!) * o[i]!;
      return out;
    }
    for (let i = 0; i < o.length; i++) o[i] = scale * (as[i]! - ys[i]!);
    return output.backward(out, z, a, out);
  },
};
