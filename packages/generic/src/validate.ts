import {
  assertExamples,
  assertParameters,
  ShapeError,
  describeValue,
  rejectUnknownFields,
  requireBackend,
  requireOptionalBoolean,
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

/**
 * Throws naming the field when the spec cannot describe a trainable network:
 * TypeError for the wrong kind of value, ShapeError for a wrong count,
 * RangeError for a value out of range or an unknown name.
 */
export function validateSpec(spec: NetworkSpec): void {
  if (typeof spec !== 'object' || spec === null) throw new TypeError(`network: spec must be { layers, activations, loss }, got ${describeValue(spec)}`);
  const { layers, activations, loss } = spec;
  if (!Array.isArray(layers)) throw new TypeError(`network: layers must be an array of widths [n0, n1, ...], got ${describeValue(layers)}`);
  if (!Array.isArray(activations)) throw new TypeError(`network: activations must be an array of names, got ${describeValue(activations)}`);
  if (layers.length < 2) throw new ShapeError(`network: layers needs at least 2 widths, got [${layers.join(', ')}]`);
  layers.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`network: layers[${i}] must be a positive integer, got ${describeValue(n)}`);
  });
  const L = layers.length - 1;
  if (activations.length !== L) {
    throw new ShapeError(`network: ${L} layers need ${L} activations, got ${activations.length}`);
  }
  activations.slice(0, -1).forEach((name, i) => {
    if (!HIDDEN.has(name)) {
      throw new RangeError(`network: activations[${i}] ${describeValue(name)} cannot be a hidden activation (expected one of ${[...HIDDEN].join(', ')})`);
    }
  });
  const output = activations[L - 1]!;
  const allowed = OUTPUT_FOR_LOSS[loss];
  if (allowed === undefined) throw new RangeError(`network: unknown loss ${describeValue(loss)} (expected one of ${Object.keys(OUTPUT_FOR_LOSS).join(', ')})`);
  if (!allowed.includes(output)) {
    throw new RangeError(`network: loss ${loss} needs a ${allowed.join(' or ')} output, got ${describeValue(output)}`);
  }
  const extra = Object.keys(spec).filter((key) => !['layers', 'activations', 'loss'].includes(key));
  if (extra.length > 0) throw new RangeError(`network: unknown field "${extra[0]}" (expected layers, activations, loss)`);
}

/**
 * Checks what trainGeneric is handed, with the same core checks trainHardcoded uses: init fits
 * the spec's layers with finite values; X and Y are matrices (examples as columns) of the right
 * heights, with matching example counts and finite values.
 */
export function validateData(spec: NetworkSpec, init: Parameters, X: Matrix, Y: Matrix, name = 'init'): void {
  const { layers } = spec;
  assertParameters(init, name, layers);
  assertExamples(X, Y, layers[0]!, layers[layers.length - 1]!);
}

const TRAIN_OPTIONS: readonly string[] = [
  'epochs', 'optimizer', 'batchSize', 'shuffleSeed', 'backend', 'reportEvery', 'onReport', 'stopBelow', 'trace',
] satisfies (keyof TrainOptions)[];

/** Unknown keys, epochs and the loop's own settings (the optimizer checks its own: createOptimizer). */
export function validateOptions(options: TrainOptions): void {
  rejectUnknownFields('training', options, TRAIN_OPTIONS, 'option');
  const { epochs, batchSize, reportEvery, onReport, stopBelow, backend, trace } = options;
  requirePositiveInteger('training', 'epochs', epochs);
  requireBackend('training', backend);
  requireOptionalBoolean('training', 'trace', trace);
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
