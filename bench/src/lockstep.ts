import { mathjsBackend, typedBackend, type Backend } from '@lockstep/core';
import { trainGeneric } from '@lockstep/generic';
import { trainHardcoded } from '@lockstep/hardcoded';
import type { TrainingWorkload } from './workloads.js';

/** Trains the workload for `epochs` epochs and returns the cost of each epoch. */
export type Trainer = (w: TrainingWorkload, epochs: number) => number[];

function generic(backend: Backend): Trainer {
  return (w, epochs) =>
    trainGeneric(w.spec, w.init, w.X, w.Y, {
      epochs,
      optimizer: { kind: 'sgd', learningRate: w.learningRate },
      backend,
    }).costs;
}

export const genericTyped: Trainer = generic(typedBackend);
export const genericMathjs: Trainer = generic(mathjsBackend);

/** The fixed 4-layer network; only for 4-layer workloads. */
export const hardcoded: Trainer = (w, epochs) =>
  trainHardcoded(w.init, w.X, w.Y, { epochs, learningRate: w.learningRate }).costs;
