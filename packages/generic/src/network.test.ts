import { cloneParameters, gradientCheck, type ActivationName, type LossName, type Matrix } from '@lockstep/core';
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

describe('Network entry points check their input as trainGeneric does', () => {
  const spec: NetworkSpec = { layers: [8, 5, 2], activations: ['relu', 'softmax'], loss: 'ce' };
  const { init, X, Y } = randomProblem(spec, 6, 1);
  const net = new Network(spec);
  const asMatrix = (rows: number[][]): Matrix => rows as unknown as Matrix;

  it('predict refuses a plain array for X with the message trainGeneric gives', () => {
    const expected = 'data: X must be a Matrix with examples as columns (toColumns(rows) makes one), got an array';
    expect(() => net.predict(init, asMatrix(X.toRows()))).toThrow(new TypeError(expected));
    expect(() => net.cost(init, asMatrix(X.toRows()), Y)).toThrow(expected);
    expect(() => net.gradients(init, X, asMatrix(Y.toRows()))).toThrow('data: Y must be a Matrix');
    expect(net.predict(init, X).shape).toBe('2x6');
  });

  it('predict, cost and gradients refuse wrong shapes and non-finite values, naming the place', () => {
    expect(() => net.predict(init, Y)).toThrow('data: X is 2x6, expected 8 rows (features x examples)');
    const x = X.clone();
    x.set(1, 4, Number.NaN);
    expect(() => net.predict(init, x)).toThrow('data: X[1][4] (feature 1 of example 4) is NaN, expected a finite number');
    expect(() => net.cost(init, X, Y.columns(0, 5))).toThrow('data: X has 6 examples but Y has 5');
    const p = cloneParameters(init);
    p.b[0]!.data[3] = Infinity;
    expect(() => net.cost(p, X, Y)).toThrow('parameters.b1[3] is Infinity, expected a finite number');
    expect(() => net.gradients({} as never, X, Y)).toThrow('parameters.W must be an array of weight matrices');
    expect(() => net.predict({ W: init.W.slice(1), b: init.b.slice(1) }, X)).toThrow(
      'parameters has 1 weight and 1 bias matrices, expected 2 of each (layers [8, 5, 2])',
    );
  });

  it('forward, the hot loop, stays unchecked: it computes what cost checks', () => {
    expect(net.forward(init, X, Y)).toBe(net.cost(init, X, Y));
  });
});
