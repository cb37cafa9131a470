import type { ActivationName, LossName, NamedParameters, OptimizerSpec } from '@lockstep/core';

/**
 * A run: one complete training job, language-neutral, with the fields of a
 * conformance vector (vectors/SPEC.md) but without `expected`. Examples are rows
 * in data.X / data.Y here; the trainers take them as columns.
 */
export interface Run {
  format?: string;
  name: string;
  description?: string;
  model: { layers: number[]; activations: ActivationName[]; loss: LossName };
  training: {
    epochs: number;
    batchSize: number | null;
    shuffle: boolean;
    optimizer: OptimizerSpec;
  };
  data: { X: number[][]; Y: number[][] };
  init: NamedParameters;
  initRecipe?: unknown;
}

/** A conformance vector: a run with its expected answer. */
export interface Vector extends Run {
  expected: {
    costs: number[];
    finalCost: number;
    tolerance: { relative: number };
  };
}

/** What a trainer (ours or a candidate) gives back for a run. */
export interface RunResult {
  costs: number[];
  finalCost: number;
  /** Optional: the parameters as each epoch began, named W1, b1, ... */
  trace?: NamedParameters[];
}
