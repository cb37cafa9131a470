import type { Activation } from '../activations/types.js';
import type { Matrix } from '../matrix.js';

export type LossName = 'bce' | 'ce' | 'mse';

/**
 * A loss over a batch whose examples are columns. Costs are means over the
 * batch's m examples (and for mse over the k output units too).
 */
export interface Loss {
  readonly name: LossName;
  /**
   * The cost from the output layer's pre-activation z (logits) and its
   * activation a = g(z). bce and ce use z (softplus, log-sum-exp) so they never
   * overflow; mse uses a.
   */
  cost(z: Matrix, a: Matrix, y: Matrix): number;
  /**
   * dZ of the output layer (the gradient of `cost` with respect to z), written
   * into out. bce with sigmoid and ce with softmax use the fused A - Y
   * (divided by nothing: the 1/m is applied to dW and db); mse uses
   * (2/k)(A - Y) ⊙ g'(z). Throws when the loss does not fit the output.
   */
  outputGradient(z: Matrix, a: Matrix, y: Matrix, output: Activation, out: Matrix): Matrix;
}
