import { createRng, initializeParameters, parametersToNamed, type ActivationName, type OptimizerSpec, type Rng } from '@lockstep/core';
import type { Run } from '../run.js';

/**
 * Seeded random training runs for the false-alarm tests: random widths 1-12
 * (adjacent widths often equal), binary and multiclass targets from a random
 * teacher, small m and few epochs, learning rates small enough to descend.
 */

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)]!;
const between = (rng: Rng, lo: number, hi: number): number => lo + rng.int(hi - lo + 1);

/** Widths 1-12; each next one repeats the previous with probability 0.35, so equal neighbours are common. */
function widths(rng: Rng, count: number, start: number): number[] {
  const out: number[] = [];
  let previous = start;
  for (let i = 0; i < count; i++) {
    previous = rng.next() < 0.35 ? previous : between(rng, 1, 12);
    out.push(previous);
  }
  return out;
}

/** m examples of n0 standard-normal features; targets from a random linear teacher (argmax, or its sign). */
function data(rng: Rng, m: number, n0: number, nOut: number): { X: number[][]; Y: number[][] } {
  const classes = nOut === 1 ? 2 : nOut;
  const teacher = Array.from({ length: classes }, () => Array.from({ length: n0 }, () => rng.normal()));
  const X = Array.from({ length: m }, () => Array.from({ length: n0 }, () => rng.normal()));
  const Y = X.map((x) => {
    const scores = teacher.map((w) => w.reduce((s, wi, i) => s + wi * x[i]!, 0));
    const k = scores.indexOf(Math.max(...scores));
    return nOut === 1 ? [k] : scores.map((_, j) => (j === k ? 1 : 0));
  });
  return { X, Y };
}

function run(name: string, rng: Rng, layers: number[], activations: ActivationName[], optimizer: OptimizerSpec, batchSize: number | null, epochs: number, m: number): Run {
  const nOut = layers[layers.length - 1]!;
  const seed = rng.int(1_000_000);
  const init = initializeParameters(layers, createRng(seed), activations[0] === 'relu' ? 'he-normal' : 'xavier-normal');
  return {
    name,
    model: { layers, activations, loss: nOut === 1 ? 'bce' : 'ce' },
    training: { epochs, batchSize, shuffle: false, optimizer },
    data: data(rng, m, layers[0]!, nOut),
    init: parametersToNamed(init),
    initRecipe: { seed },
  };
}

/** The hardcoded network's shape: [n0, h1, h2, h3, nOut], relu x3, sigmoid+bce or softmax+ce, full-batch sgd. */
export function hardcodedConfigurations(count: number, seed: number): Run[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const n0 = between(rng, 1, 12);
    const nOut = rng.next() < 0.5 ? 1 : between(rng, 2, 6);
    const layers = [n0, ...widths(rng, 3, n0), nOut];
    const activations: ActivationName[] = ['relu', 'relu', 'relu', nOut === 1 ? 'sigmoid' : 'softmax'];
    const lr = pick(rng, [0.01, 0.03, 0.05, 0.1]);
    return run(`hardcoded-shape-${i}`, rng, layers, activations, { kind: 'sgd', learningRate: lr }, null, between(rng, 5, 20), between(rng, 6, 40));
  });
}

/** Any depth 1-4, any hidden activation, sgd / momentum / adam, full batch or mini-batches. */
export function genericConfigurations(count: number, seed: number): Run[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const n0 = between(rng, 1, 12);
    const nOut = rng.next() < 0.5 ? 1 : between(rng, 2, 6);
    const hidden = widths(rng, between(rng, 0, 3), n0);
    const layers = [n0, ...hidden, nOut];
    const hiddenActivation = pick(rng, ['relu', 'tanh', 'sigmoid', 'linear'] as const);
    const activations: ActivationName[] = [...hidden.map(() => hiddenActivation), nOut === 1 ? 'sigmoid' : 'softmax'];
    const optimizer = pick<OptimizerSpec>(rng, [
      { kind: 'sgd', learningRate: 0.05 },
      { kind: 'momentum', learningRate: 0.02, momentum: 0.9 },
      { kind: 'adam', learningRate: 0.005 },
    ]);
    const m = between(rng, 6, 40);
    const batchSize = rng.next() < 0.5 ? null : between(rng, 3, m);
    return run(`generic-${i}`, rng, layers, activations, optimizer, batchSize, between(rng, 5, 15), m);
  });
}
