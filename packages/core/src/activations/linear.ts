import type { Matrix } from '../matrix.js';
import { checkBackward, checkDerivative, checkForward } from './checks.js';
import type { Activation } from './types.js';

/** linear(z) = z (the identity). Derivative with respect to z: 1. */
export const linear: Activation = {
  name: 'linear',
  forward(z: Matrix, out: Matrix): Matrix {
    checkForward('linear', z, out);
    if (out !== z) out.data.set(z.data);
    return out;
  },
  backward(dA: Matrix, z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkBackward('linear', dA, z, a, out);
    if (out !== dA) out.data.set(dA.data);
    return out;
  },
  derivative(z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkDerivative('linear', z, a, out);
    out.data.fill(1);
    return out;
  },
};
