import type { Matrix } from '../matrix.js';
import { checkBackward, checkDerivative, checkForward } from './checks.js';
import type { Activation } from './types.js';

/** The slope of leakyRelu for z <= 0. */
export const LEAKY_RELU_SLOPE = 0.01;

/**
 * leakyRelu(z) = z if z > 0, else 0.01·z. Derivative with respect to z:
 * 1 if z > 0, else 0.01 (the kink z = 0 takes the left slope, like relu).
 */
export const leakyRelu: Activation = {
  name: 'leakyRelu',
  forward(z: Matrix, out: Matrix): Matrix {
    checkForward('leakyRelu', z, out);
    const zs = z.data;
    const o = out.data;
    for (let i = 0; i < zs.length; i++) {
      const v = zs[i]!;
      o[i] = v > 0 ? v : LEAKY_RELU_SLOPE * v;
    }
    return out;
  },
  backward(dA: Matrix, z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkBackward('leakyRelu', dA, z, a, out);
    const zs = z.data;
    const d = dA.data;
    const o = out.data;
    for (let i = 0; i < zs.length; i++) o[i] = d[i]! * (zs[i]! > 0 ? 1 : LEAKY_RELU_SLOPE);
    return out;
  },
  derivative(z: Matrix, a: Matrix, out: Matrix): Matrix {
    checkDerivative('leakyRelu', z, a, out);
    const zs = z.data;
    const o = out.data;
    for (let i = 0; i < zs.length; i++) o[i] = zs[i]! > 0 ? 1 : LEAKY_RELU_SLOPE;
    return out;
  },
};
