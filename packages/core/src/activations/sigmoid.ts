import type { Matrix } from '../matrix.js';
import { checkBackward, checkDerivative, checkForward } from './checks.js';
import type { Activation } from './types.js';

/**
 * The logistic function 1 / (1 + e^-z), never taking exp of a large positive
 * number: for z >= 0 it uses 1/(1+e^-z), otherwise e^z/(1+e^z). So
 * sigmoidScalar(1000) is exactly 1 and sigmoidScalar(-1000) exactly 0, no NaN.
 */
export function sigmoidScalar(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * sigmoid(z) = 1 / (1 + e^-z), element-wise. Derivative with respect to z:
 * sigmoid'(z) = a(1 - a), computed from the forward output a.
 */
export const sigmoid: Activation = {
  name: 'sigmoid',
  forward(z: Matrix, out: Matrix): Matrix {
    checkForward('sigmoid', z, out);
    const zs = z.data;
    const o = out.data;
    for (let i = 0; i < zs.length; i++) o[i] = sigmoidScalar(zs[i]!);
    return out;
  },
  backward(dA: Matrix, z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkBackward('sigmoid', dA, z, a, out);
    const as = a.data;
    const d = dA.data;
    const o = out.data;
    for (let i = 0; i < as.length; i++) {
      const v = as[i]!;
      // Parenthesised so backward is bit-identical to dA ⊙ derivative.
      o[i] = d[i]! * (v * (1 - v));
    }
    return out;
  },
  derivative(z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkDerivative('sigmoid', z, a, out);
    const as = a.data;
    const o = out.data;
    for (let i = 0; i < as.length; i++) {
      const v = as[i]!;
      o[i] = v * (1 - v);
    }
    return out;
  },
};
