import type { Matrix } from '../matrix.js';
import { checkBackward, checkDerivative, checkForward } from './checks.js';
import type { Activation } from './types.js';

/**
 * relu(z) = max(0, z), NaN for NaN (as numpy's maximum and SPEC.md: a blown-up
 * layer must stay visible downstream, not turn into zeros). Derivative with
 * respect to z: relu'(z) = 1 if z > 0, else 0 (0 at the kink z = 0 and for NaN).
 */
export const relu: Activation = {
  name: 'relu',
  forward(z: Matrix, out: Matrix): Matrix {
    checkForward('relu', z, out);
    const zs = z.data;
    const o = out.data;
    // Branch-free: on real pre-activations the sign of z is a coin toss, and a
    // mispredicted branch per element made this loop 3x slower. v·[v > 0] + 0 is
    // v or +0 for every finite v (the + 0 turns -0 into +0); it is NaN only for
    // NaN (kept) or -Infinity (0), told apart off the fast path.
    for (let i = 0; i < zs.length; i++) {
      const v = zs[i]!;
      const r = v * +(v > 0) + 0;
      o[i] = r === r ? r : v === v ? 0 : v;
    }
    return out;
  },
  backward(dA: Matrix, z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkBackward('relu', dA, z, a, out);
    const zs = z.data;
    const d = dA.data;
    const o = out.data;
    // A multiply rather than a select, so backward is bit-identical to dA ⊙ derivative (signed zeros too);
    // +(z > 0) rather than z > 0 ? 1 : 0 so V8 emits no branch (see forward).
    for (let i = 0; i < zs.length; i++) o[i] = d[i]! * +(zs[i]! > 0);
    return out;
  },
  derivative(z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkDerivative('relu', z, a, out);
    const zs = z.data;
    const o = out.data;
    for (let i = 0; i < zs.length; i++) o[i] = +(zs[i]! > 0);
    return out;
  },
};
