import type { ActivationName, Backend, LossName, OptimizerSpec, Parameters } from '@lockstep/core';

/** The shape of a network: widths [n0, n1, ..., nL], one activation per layer, a loss. */
export interface NetworkSpec {
  layers: readonly number[];
  activations: readonly ActivationName[];
  loss: LossName;
}

export interface ProgressReport {
  /** Index of the epoch (from 0) whose cost this is. */
  epoch: number;
  cost: number;
}

export interface TrainOptions {
  epochs: number;
  optimizer: OptimizerSpec;
  /** Examples per update; null or undefined for full batch. */
  batchSize?: number | null;
  /** Shuffle the examples each epoch with this seed; off when undefined. */
  shuffleSeed?: number;
  /** Kernels to use; the typed-array backend by default. */
  backend?: Backend;
  /** Call onReport every this many epochs (and on the last epoch). Never changes training. */
  reportEvery?: number;
  onReport?: (report: ProgressReport) => void;
  /** Stop after the first epoch whose cost is below this. */
  stopBelow?: number;
  /** Keep a copy of the parameters as each epoch began. */
  trace?: boolean;
}

/** What training returns: data, never printed. */
export interface TrainingHistory {
  /** One cost per epoch run: the batch-size-weighted mean of the batch costs, each taken before its update. */
  costs: number[];
  /** Full-data cost of the final parameters. */
  finalCost: number;
  /** The parameters after the last update. */
  parameters: Parameters;
  /** With `trace`: the parameters as each epoch began. */
  trace?: Parameters[];
  stoppedEarly: boolean;
}
