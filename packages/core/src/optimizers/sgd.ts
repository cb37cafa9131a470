import type { Matrix } from '../matrix.js';
import { checkStepInputs } from './state.js';
import type { Optimizer } from './types.js';
import { rejectUnknownFields, requirePositive } from '../validate.js';

export interface SgdOptions {
  learningRate: number;
}

/** Plain gradient descent: P ← P - lr·G. No state. */
export function sgd(options: SgdOptions): Optimizer {
  rejectUnknownFields('sgd', options, ['learningRate']);
  const learningRate = requirePositive('sgd', 'learningRate', options.learningRate);
  const spec = Object.freeze({ kind: 'sgd' as const, learningRate });
  return {
    spec,
    step(params: readonly Matrix[], grads: readonly Matrix[]): void {
      checkStepInputs('sgd', params, grads);
      for (let k = 0; k < params.length; k++) {
        const p = params[k]!.data;
        const g = grads[k]!.data;
        for (let i = 0; i < p.length; i++) p[i] = p[i]! - learningRate * g[i]!;
      }
    },
    reset(): void {},
  };
}
