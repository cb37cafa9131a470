import {
  assertExamples,
  assertParameters,
  describeValue,
  rejectUnknownFields,
  requirePositiveInteger,
  type Matrix,
  type Parameters,
} from '@lockstep/core';
import type { NetworkSpec, TrainOptions } from './types.js';

const HIDDEN = new Set(['relu', 'leakyRelu', 'tanh', 'sigmoid', 'linear']);
const OUTPUT_FOR_LOSS: Record<string, readonly string[]> = {
  bce: ['sigmoid'],
  ce: ['softmax'],
  mse: ['sigmoid', 'linear', 'tanh', 'relu', 'leakyRelu'],
};

/** Throws an Error naming the field when the spec cannot describe a trainable network. */
export function validateSpec(spec: NetworkSpec): void {
  if (typeof spec !== 'object' || spec === null) throw new TypeError(`network: spec must be { layers, activations, loss }, got ${describeValue(spec)}`);
  const { layers, activations, loss } = spec;
  if (!Array.isArray(layers)) throw new TypeError(`network: layers must be an array of widths [n0, n1, ...], got ${describeValue(layers)}`);
  if (!Array.isArray(activations)) throw new TypeError(`network: activations must be an array of names, got ${describeValue(activations)}`);
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

/**
 * Checks what trainGeneric is handed, with the same core checks trainHardcoded uses: init fits
 * the spec's layers with finite values; X and Y are matrices (examples as columns) of the right
 * heights, with matching example counts and finite values.
 */
export function validateData(spec: NetworkSpec, init: Parameters, X: Matrix, Y: Matrix): void {
  const { layers } = spec;
  assertParameters(init, 'init', layers);
  assertExamples(X, Y, layers[0]!, layers[layers.length - 1]!);
}

const TRAIN_OPTIONS: readonly string[] = [
  'epochs', 'optimizer', 'batchSize', 'shuffleSeed', 'backend', 'reportEvery', 'onReport', 'stopBelow', 'trace',
] satisfies (keyof TrainOptions)[];

/** Unknown keys, epochs and the loop's own settings (the optimizer checks its own: createOptimizer). */
export function validateOptions(options: TrainOptions): void {
  rejectUnknownFields('training', options, TRAIN_OPTIONS, 'option');
  const { epochs, batchSize, reportEvery, onReport, stopBelow } = options;
  requirePositiveInteger('training', 'epochs', epochs);
  if (batchSize != null && (!Number.isInteger(batchSize) || batchSize < 1)) {
    throw new RangeError(`training: batchSize must be a positive integer or null, got ${describeValue(batchSize)}`);
  }
  if (reportEvery !== undefined) requirePositiveInteger('training', 'reportEvery', reportEvery);
  if (onReport !== undefined && typeof onReport !== 'function') {
    throw new TypeError(`training: onReport must be a function, got ${describeValue(onReport)}`);
  }
  if (stopBelow !== undefined && (typeof stopBelow !== 'number' || Number.isNaN(stopBelow))) {
    throw new RangeError(`training: stopBelow must be a number, got ${describeValue(stopBelow)}`);
  }
}
