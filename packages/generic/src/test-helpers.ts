import { Matrix, createRng, initializeParameters, type Parameters } from '@lockstep/core';
import type { NetworkSpec } from './types.js';

/** A small random problem for a spec: parameters, inputs and fitting targets. */
export function randomProblem(spec: NetworkSpec, m: number, seed: number): { init: Parameters; X: Matrix; Y: Matrix } {
  const rng = createRng(seed);
  const init = initializeParameters(spec.layers, rng, 'xavier-normal');
  init.b.forEach((b) => b.data.forEach((_, i) => (b.data[i] = 0.1 * rng.normal())));
  const n0 = spec.layers[0]!;
  const k = spec.layers[spec.layers.length - 1]!;
  const X = new Matrix(n0, m);
  X.data.forEach((_, i) => (X.data[i] = rng.normal()));
  const Y = new Matrix(k, m);
  for (let j = 0; j < m; j++) {
    if (spec.loss === 'ce') Y.set(rng.int(k), j, 1);
    else for (let i = 0; i < k; i++) Y.set(i, j, spec.loss === 'bce' ? rng.int(2) : rng.normal() * 0.5);
  }
  return { init, X, Y };
}
