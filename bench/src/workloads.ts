import { Matrix, createRng, initializeParameters, toColumns, type Parameters } from '@lockstep/core';
import { flower, loadDataset } from '@lockstep/datasets';
import type { NetworkSpec } from '@lockstep/generic';

export type TrainingWorkloadName = 'seed' | 'digits';

/** One full-batch gradient-descent training problem, identical for every implementation. */
export interface TrainingWorkload {
  name: TrainingWorkloadName;
  /** A sentence for the table header. */
  description: string;
  spec: NetworkSpec;
  /** n0 x m, examples as columns. */
  X: Matrix;
  /** nL x m. */
  Y: Matrix;
  init: Parameters;
  learningRate: number;
}

const INIT_SEED = 1;

/**
 * The seed workload: the planar flower (400 points), [2, 20, 7, 5, 1], ReLU x3
 * + sigmoid with BCE, He-normal weights and zero biases from seed 1.
 */
export function seedWorkload(): TrainingWorkload {
  const data = flower({ seed: 3 });
  const spec: NetworkSpec = { layers: [2, 20, 7, 5, 1], activations: ['relu', 'relu', 'relu', 'sigmoid'], loss: 'bce' };
  return {
    name: 'seed',
    description: 'flower 400 ex, [2,20,7,5,1] relu x3 + sigmoid/bce, full-batch GD',
    spec,
    X: toColumns(data.X),
    Y: toColumns(data.Y),
    init: initializeParameters(spec.layers, createRng(INIT_SEED), 'he-normal'),
    learningRate: 0.05,
  };
}

/** The digits workload: 1797 x 64 pixels / 16, [64, 128, 64, 10], ReLU, ReLU, softmax with CE. */
export function digitsWorkload(): TrainingWorkload {
  const data = loadDataset('digits');
  const spec: NetworkSpec = { layers: [64, 128, 64, 10], activations: ['relu', 'relu', 'softmax'], loss: 'ce' };
  return {
    name: 'digits',
    description: 'digits 1797 ex, [64,128,64,10] relu,relu,softmax/ce, full-batch GD',
    spec,
    X: toColumns(data.X),
    Y: toColumns(data.Y),
    init: initializeParameters(spec.layers, createRng(INIT_SEED), 'he-normal'),
    learningRate: 0.1,
  };
}

/** The matrix product workload: A (128 x 784) times B (784 x 256), entries uniform in [-1, 1) from seed 7. */
export interface MatmulWorkload {
  A: Matrix;
  B: Matrix;
  /** 2·M·K·N: the floating-point operations of one product. */
  flops: number;
}

export function matmulWorkload(): MatmulWorkload {
  const rng = createRng(7);
  const A = new Matrix(128, 784);
  const B = new Matrix(784, 256);
  for (const M of [A, B]) for (let i = 0; i < M.data.length; i++) M.data[i] = 2 * rng.next() - 1;
  return { A, B, flops: 2 * 128 * 784 * 256 };
}

/** The workload on its first m examples only (for quick checks). */
export function firstExamples(w: TrainingWorkload, m: number): TrainingWorkload {
  return { ...w, X: w.X.columns(0, m), Y: w.Y.columns(0, m) };
}
