import {
  cloneParameters,
  getBackend,
  parametersFromNamed,
  parametersToNamed,
  toColumns,
  type Matrix,
  type Parameters,
} from '@lockstep/core';
import { trainGeneric } from '@lockstep/generic';
import { trainHardcoded } from '@lockstep/hardcoded';
import type { Run, RunResult } from './run.js';

/** Runs a Run with lockstep's own trainers. */

export type TrainerName = 'generic' | 'hardcoded';
export type BackendName = 'typed' | 'mathjs';

export interface TrainRunOptions {
  trainer: TrainerName;
  /** Kernels; typed arrays by default. */
  backend?: BackendName;
  /** Train this many epochs instead of run.training.epochs. */
  epochs?: number;
  /** Return the parameters as each epoch began. */
  trace?: boolean;
  /**
   * The initial parameters to hand over, already built from run.init (the
   * suite passes its own checked copy). Built from run.init when absent.
   */
  init?: Parameters;
}

/** A run turned into what the trainers take: examples as columns, parameters as matrices. */
export interface PreparedRun {
  /** n0 x m */
  X: Matrix;
  /** nL x m */
  Y: Matrix;
  init: Parameters;
}

export function prepareRun(run: Run): PreparedRun {
  return { X: toColumns(run.data.X), Y: toColumns(run.data.Y), init: parametersFromNamed(run.init) };
}

/**
 * True when the hardcoded network can train this run: the fixed 4-layer
 * shape with ReLU on the three hidden layers, sigmoid + bce for one output or
 * softmax + ce for several, and full-batch sgd (a batch at least as large as
 * the data set is one full batch).
 */
export function hardcodedApplies(run: Run): boolean {
  const { layers, activations, loss } = run.model;
  if (layers.length !== 5 || activations.length !== 4) return false;
  if (!activations.slice(0, 3).every((a) => a === 'relu')) return false;
  const output = activations[3];
  const head = layers[4] === 1 ? output === 'sigmoid' && loss === 'bce' : output === 'softmax' && loss === 'ce';
  const { batchSize, optimizer } = run.training;
  const fullBatch = batchSize === null || batchSize >= run.data.X.length;
  return head && fullBatch && optimizer.kind === 'sgd';
}

/** Why the hardcoded trainer cannot run this run (for error messages). */
const HARDCODED_SHAPE = 'the fixed 4-layer relu,relu,relu network with sigmoid+bce (1 output) or softmax+ce, full-batch sgd';

/** Trains the run with one of lockstep's trainers from run.init (or options.init). */
export function trainRun(run: Run, options: TrainRunOptions, prepared: PreparedRun = prepareRun(run)): RunResult {
  const backend = getBackend(options.backend ?? 'typed');
  const epochs = options.epochs ?? run.training.epochs;
  const trace = options.trace ?? false;
  const init = options.init ?? cloneParameters(prepared.init);
  const { optimizer, batchSize } = run.training;
  let history;
  if (options.trainer === 'hardcoded') {
    if (!hardcodedApplies(run) || optimizer.kind !== 'sgd') {
      throw new RangeError(`trainRun: run "${run.name}" is not one the hardcoded trainer can train (${HARDCODED_SHAPE})`);
    }
    history = trainHardcoded(init, prepared.X, prepared.Y, { epochs, learningRate: optimizer.learningRate, backend, trace });
  } else {
    const spec = { layers: run.model.layers, activations: run.model.activations, loss: run.model.loss };
    history = trainGeneric(spec, init, prepared.X, prepared.Y, { epochs, optimizer, batchSize, backend, trace });
  }
  const result: RunResult = { costs: history.costs, finalCost: history.finalCost };
  if (trace && history.trace !== undefined) result.trace = history.trace.map(parametersToNamed);
  return result;
}
