import { gradientCheck, type ActivationName, type LossName } from '@lockstep/core';
import { describe, expect, it } from 'vitest';
import { Network } from './network.js';
import { randomProblem } from './test-helpers.js';
import type { NetworkSpec } from './types.js';

/** Max relative difference between backprop and central differences over every parameter. */
function gradientError(spec: NetworkSpec, seed: number): number {
  const { init, X, Y } = randomProblem(spec, 7, seed);
  const net = new Network(spec);
  const analytic = net.gradients(init, X, Y);
  let worst = 0;
  // Fourth-order differences: accurate enough that small components check too.
  // Differences under 1e-10 absolute are rounding noise on components that are ~0.
  const check = (values: Float64Array, grad: Float64Array): void => {
    const error = gradientCheck(() => net.cost(init, X, Y), values, grad, { order: 4, h: 1e-4, absoluteTolerance: 1e-10 });
    worst = Math.max(worst, error);
  };
  init.W.forEach((w, l) => check(w.data, analytic.dW[l]!.data));
  init.b.forEach((b, l) => check(b.data, analytic.db[l]!.data));
  return worst;
}

const outputs: [LossName, ActivationName, number][] = [
  ['bce', 'sigmoid', 1],
  ['ce', 'softmax', 3],
  ['mse', 'sigmoid', 2],
  ['mse', 'linear', 2],
  ['mse', 'tanh', 2],
];
// relu and leakyRelu are checked too: random z lands on the kink with probability 0.
const hidden: ActivationName[] = ['tanh', 'sigmoid', 'linear', 'relu', 'leakyRelu'];

describe('Network gradients match central differences', () => {
  for (const [loss, output, k] of outputs) {
    for (const h of hidden) {
      it(`${h} hidden layers, ${output} output, ${loss}`, () => {
        const spec: NetworkSpec = { layers: [3, 4, 4, k], activations: [h, h, output], loss };
        for (const seed of [1, 2, 3]) expect(gradientError(spec, seed)).toBeLessThan(1e-7);
      });
    }
  }
  it('a deeper mixed network', () => {
    const spec: NetworkSpec = { layers: [5, 6, 3, 6, 2, 4], activations: ['tanh', 'relu', 'sigmoid', 'leakyRelu', 'softmax'], loss: 'ce' };
    for (const seed of [4, 5]) expect(gradientError(spec, seed)).toBeLessThan(1e-7);
  });
});
