import { Matrix, assertParameterShapes, type Parameters } from '@lockstep/core';
import type { NetworkSpec, TrainOptions } from './types.js';

const HIDDEN = new Set(['relu', 'leakyRelu', 'tanh', 'sigmoid', 'linear']);
const OUTPUT_FOR_LOSS: Record<string, readonly string[]> = {
  bce: ['sigmoid'],
  ce: ['softmax'],
  mse: ['sigmoid', 'linear', 'tanh', 'relu', 'leakyRelu'],
};

/** Throws an Error naming the field when the spec cannot describe a trainable network. */
export function validateSpec(spec: NetworkSpec): void {
  const { layers, activations, loss } = spec;
  if (layers.length < 2) throw new Error(`network: layers needs at least 2 widths, got [${layers.join(', ')}]`);
  layers.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 1) throw new Error(`network: layers[${i}] must be a positive integer, got ${n}`);
  });
  const L = layers.length - 1;
  if (activations.length !== L) {
    throw new Error(`network: ${L} layers need ${L} activations, got ${activations.length}`);
  }
  activations.slice(0, -1).forEach((name, i) => {
    if (!HIDDEN.has(name)) throw new Error(`network: activations[${i}] "${name}" cannot be a hidden activation`);
  });
  const output = activations[L - 1]!;
  const allowed = OUTPUT_FOR_LOSS[loss];
  if (allowed === undefined) throw new Error(`network: unknown loss "${loss}" (bce, ce, mse)`);
  if (!allowed.includes(output)) {
    throw new Error(`network: loss ${loss} needs a ${allowed.join(' or ')} output, got ${output}`);
  }
}

export function validateData(spec: NetworkSpec, init: Parameters, X: Matrix, Y: Matrix): void {
  const { layers } = spec;
  assertParameterShapes(init, layers);
  if (X.rows !== layers[0]) throw new Error(`data: X is ${X.shape}, expected ${layers[0]} rows (features x examples)`);
  if (Y.rows !== layers[layers.length - 1]) {
    throw new Error(`data: Y is ${Y.shape}, expected ${layers[layers.length - 1]} rows (targets x examples)`);
  }
  if (X.cols !== Y.cols) throw new Error(`data: X has ${X.cols} examples but Y has ${Y.cols}`);
  if (X.cols === 0) throw new Error('data: no examples');
}

export function validateOptions(options: TrainOptions): void {
  const { epochs, batchSize, reportEvery, stopBelow } = options;
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`training: epochs must be a positive integer, got ${epochs}`);
  if (batchSize != null && (!Number.isInteger(batchSize) || batchSize < 1)) {
    throw new Error(`training: batchSize must be a positive integer or null, got ${batchSize}`);
  }
  if (reportEvery !== undefined && (!Number.isInteger(reportEvery) || reportEvery < 1)) {
    throw new Error(`training: reportEvery must be a positive integer, got ${reportEvery}`);
  }
  if (stopBelow !== undefined && Number.isNaN(stopBelow)) throw new Error('training: stopBelow is NaN');
}
