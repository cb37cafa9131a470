import type { Matrix } from '../matrix.js';
import { checkBackward, checkDerivative, checkForward } from './checks.js';
import type { Activation } from './types.js';

/**
 * tanh(z). Derivative with respect to z: tanh'(z) = 1 - tanh(z)² = 1 - a²,
 * computed from the forward output a.
 */
export const tanh: Activation = {
  name: 'tanh',
  forward(z: Matrix, out: Matrix): Matrix {
    checkForward('tanh', z, out);
    const zs = z.data;
    const o = out.data;
    for (let i = 0; i < zs.length; i++) o[i] = Math.tanh(zs[i]!);
    return out;
  },
  backward(dA: Matrix, z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkBackward('tanh', dA, z, a, out);
    const as = a.data;
    const d = dA.data;
    const o = out.data;
    for (let i = 0; i < as.length; i++) {
      const v = as[i]!;
      o[i] = d[i]! * (1 - v * v);
    }
    return out;
  },
  derivative(z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkDerivative('tanh', z, a, out);
    const as = a.data;
    const o = out.data;
    for (let i = 0; i < as.length; i++) {
      const v = as[i]!;
      o[i] = 1 - v * v;
    }
    return out;
  },
};
