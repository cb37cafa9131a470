import { createRng, initializeParameters, parametersToNamed, type InitScheme, type OptimizerSpec } from '@lockstep/core';
import { loadDataset, type Dataset } from '@lockstep/datasets';
import type { Run } from '../run.js';
import { VECTOR_FORMAT } from '../schema.js';

/**
 * Small runs on real data for the mutant catalog, each shaped so some faults
 * can show: tanh hidden layers (where g'(A) != g'(Z), unlike relu), equal
 * widths everywhere (where A[l] fits in place of A[l-1]), softmax outputs,
 * mini-batch Adam, momentum. All have three layers, so expected parameter
 * names (W3 at the output, W2 below it) read the same for every run.
 */
export type MutantRunId =
  | 'iris-relu-sgd'
  | 'iris-tanh-sgd'
  | 'flower-tanh-sgd'
  | 'flower-equal-widths'
  | 'iris-tanh-adam-minibatch'
  | 'wine-relu-momentum';

interface RunRecipe {
  data: () => Dataset;
  hidden: [number, number];
  activations: [Run['model']['activations'][number], Run['model']['activations'][number]];
  /** Two classes as one sigmoid unit, or as a one-hot softmax pair. */
  binaryAs?: 'sigmoid' | 'softmax';
  optimizer: OptimizerSpec;
  batchSize: number | null;
  epochs: number;
  init: InitScheme;
  seed: number;
  description: string;
}

const FLOWER = () => loadDataset('flower', { seed: 1, m: 200 });

const RECIPES: Record<MutantRunId, RunRecipe> = {
  'iris-relu-sgd': {
    data: () => loadDataset('iris'),
    hidden: [12, 8],
    activations: ['relu', 'relu'],
    optimizer: { kind: 'sgd', learningRate: 0.1 },
    batchSize: null,
    epochs: 30,
    init: 'he-normal',
    seed: 1,
    description: 'iris, relu hidden layers, softmax + ce, full-batch sgd',
  },
  'iris-tanh-sgd': {
    data: () => loadDataset('iris'),
    hidden: [8, 8],
    activations: ['tanh', 'tanh'],
    optimizer: { kind: 'sgd', learningRate: 0.1 },
    batchSize: null,
    epochs: 30,
    init: 'xavier-normal',
    seed: 2,
    description: 'iris, tanh hidden layers (equal widths), softmax + ce, full-batch sgd',
  },
  'flower-tanh-sgd': {
    data: FLOWER,
    hidden: [8, 6],
    activations: ['tanh', 'sigmoid'],
    binaryAs: 'sigmoid',
    optimizer: { kind: 'sgd', learningRate: 0.3 },
    batchSize: null,
    epochs: 30,
    init: 'xavier-normal',
    seed: 3,
    description: 'flower (200 points), tanh and sigmoid hidden layers, sigmoid + bce, full-batch sgd',
  },
  'flower-equal-widths': {
    data: FLOWER,
    hidden: [2, 2],
    activations: ['tanh', 'tanh'],
    binaryAs: 'softmax',
    optimizer: { kind: 'sgd', learningRate: 0.3 },
    batchSize: null,
    epochs: 30,
    init: 'xavier-normal',
    seed: 4,
    description: 'flower (200 points) as two one-hot classes, widths 2-2-2-2, tanh, softmax + ce, full-batch sgd',
  },
  'iris-tanh-adam-minibatch': {
    data: () => loadDataset('iris'),
    hidden: [10, 10],
    activations: ['tanh', 'tanh'],
    optimizer: { kind: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    batchSize: 32,
    epochs: 20,
    init: 'xavier-normal',
    seed: 5,
    description: 'iris, tanh hidden layers, softmax + ce, adam on mini-batches of 32',
  },
  'wine-relu-momentum': {
    data: () => loadDataset('wine'),
    hidden: [16, 8],
    activations: ['relu', 'relu'],
    optimizer: { kind: 'momentum', learningRate: 0.01, momentum: 0.9 },
    batchSize: null,
    epochs: 30,
    init: 'he-normal',
    seed: 6,
    description: 'wine, relu hidden layers, softmax + ce, full-batch heavy-ball momentum',
  },
};

export const MUTANT_RUN_IDS = Object.keys(RECIPES) as MutantRunId[];

const cache = new Map<MutantRunId, Run>();

/** The run called `id`, built once (data loaded, initial parameters drawn from its seed). */
export function mutantRun(id: MutantRunId): Run {
  const cached = cache.get(id);
  if (cached) return cached;
  const recipe = RECIPES[id];
  const data = recipe.data();
  const Y = recipe.binaryAs === 'softmax' ? data.Y.map(([y]) => [1 - y!, y!]) : data.Y;
  const n0 = data.X[0]!.length;
  const nOut = Y[0]!.length;
  const layers = [n0, ...recipe.hidden, nOut];
  const head = nOut === 1 ? { output: 'sigmoid' as const, loss: 'bce' as const } : { output: 'softmax' as const, loss: 'ce' as const };
  const init = initializeParameters(layers, createRng(recipe.seed), recipe.init);
  const run: Run = {
    format: VECTOR_FORMAT,
    name: `mutants/${id}`,
    description: recipe.description,
    model: { layers, activations: [...recipe.activations, head.output], loss: head.loss },
    training: { epochs: recipe.epochs, batchSize: recipe.batchSize, shuffle: false, optimizer: recipe.optimizer },
    data: { X: data.X, Y },
    init: parametersToNamed(init),
    initRecipe: { rng: 'lockstep createRng', seed: recipe.seed, scheme: recipe.init, bias: 'zeros' },
  };
  cache.set(id, run);
  return run;
}
