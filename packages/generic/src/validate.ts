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
  assertMatrix('X', X);
  assertMatrix('Y', Y);
  assertParameterShapes(init, layers);
  if (X.rows !== layers[0]) throw new Error(`data: X is ${X.shape}, expected ${layers[0]} rows (features x examples)`);
  if (Y.rows !== layers[layers.length - 1]) {
    throw new Error(`data: Y is ${Y.shape}, expected ${layers[layers.length - 1]} rows (targets x examples)`);
  }
  if (X.cols !== Y.cols) throw new Error(`data: X has ${X.cols} examples but Y has ${Y.cols}`);
  if (X.cols === 0) throw new Error('data: no examples');
  assertFinite('X', X);
  assertFinite('Y', Y);
}

/** Catches plain arrays of rows early: they have no .data, and every later message would mislead. */
function assertMatrix(name: string, m: unknown): void {
  const candidate = m as Partial<Matrix> | null | undefined;
  if (!(candidate?.data instanceof Float64Array) || typeof candidate.rows !== 'number' || typeof candidate.cols !== 'number') {
    const got = Array.isArray(m) ? 'an array' : m === null ? 'null' : typeof m;
    throw new Error(`data: ${name} must be a Matrix with examples as columns (toColumns(rows) makes one), got ${got}`);
  }
}

/** A NaN or infinite input would only surface later as a NaN cost, far from its source: refuse it, naming the place. */
function assertFinite(name: string, m: Matrix): void {
  const d = m.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i]!)) {
      const row = Math.floor(i / m.cols);
      const col = i % m.cols;
      throw new Error(`data: ${name}[${row}][${col}] (feature ${row} of example ${col}) is ${d[i]}, expected a finite number`);
    }
  }
}

const TRAIN_OPTIONS: ReadonlySet<string> = new Set([
  'epochs', 'optimizer', 'batchSize', 'shuffleSeed', 'backend', 'reportEvery', 'onReport', 'stopBelow', 'trace',
] satisfies (keyof TrainOptions)[]);

export function validateOptions(options: TrainOptions): void {
  for (const key of Object.keys(options)) {
    if (!TRAIN_OPTIONS.has(key)) {
      throw new Error(`training: unknown option "${key}" (expected one of ${[...TRAIN_OPTIONS].join(', ')})`);
    }
  }
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
