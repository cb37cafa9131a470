import type { Matrix } from '../matrix.js';
import { checkBackward, checkDerivative, checkForward } from './checks.js';
import type { Activation } from './types.js';

/**
 * relu(z) = max(0, z). Derivative with respect to z: relu'(z) = 1 if z > 0,
 * else 0 (0 at the kink z = 0, as in SPEC.md).
 */
export const relu: Activation = {
  name: 'relu',
  forward(z: Matrix, out: Matrix): Matrix {
    checkForward('relu', z, out);
    const zs = z.data;
    const o = out.data;
    for (let i = 0; i < zs.length; i++) {
      const v = zs[i]!;
      o[i] = v > 0 ? v : 0;
    }
    return out;
  },
  backward(dA: Matrix, z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkBackward('relu', dA, z, a, out);
    const zs = z.data;
    const d = dA.data;
    const o = out.data;
    // A multiply rather than a select, so backward is bit-identical to dA ⊙ derivative (signed zeros too).
    for (let i = 0; i < zs.length; i++) o[i] = d[i]! * (zs[i]! > 0 ? 1 : 0);
    return out;
  },
  derivative(z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkDerivative('relu', z, a, out);
    const zs = z.data;
    const o = out.data;
    for (let i = 0; i < zs.length; i++) o[i] = zs[i]! > 0 ? 1 : 0;
    return out;
  },
};
