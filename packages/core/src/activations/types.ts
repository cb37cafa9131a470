import type { Matrix } from '../matrix.js';

export type ActivationName = 'relu' | 'leakyRelu' | 'tanh' | 'sigmoid' | 'softmax' | 'linear';

/**
 * An activation g and its derivative with respect to the pre-activation z.
 * All methods write into `out` (same shape as z) and never allocate.
 */
export interface Activation {
  readonly name: ActivationName;
  /** out = g(z). `softmax` works per column (columns are examples). */
  forward(z: Matrix, out: Matrix): Matrix;
  /**
   * out = dA ⊙ g'(z) for element-wise activations; for softmax the
   * Jacobian-vector product per column. `a` = g(z) is passed so sigmoid and
   * tanh reuse it. `out` may alias `dA`.
   */
  backward(dA: Matrix, z: Matrix, a: Matrix, out: Matrix): Matrix;
  /**
   * out = g'(z), element-wise, with respect to z. Absent for softmax, whose
   * derivative is a Jacobian, not an element-wise function.
   */
  derivative?(z: Matrix, a: Matrix, out: Matrix): Matrix;
}
