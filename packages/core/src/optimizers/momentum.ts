import type { Matrix } from '../matrix.js';
import { allocateState, checkStateFits, checkStepInputs } from './state.js';
import type { Optimizer } from './types.js';
import { rejectUnknownFields, requireDecay, requirePositive, requireUnitInterval } from '../validate.js';

export interface MomentumOptions {
  learningRate: number;
  /** μ in [0, 1). */
  momentum: number;
  /** In [0, 1]; 0 by default. */
  dampening?: number;
}

/**
 * Heavy-ball momentum, as PyTorch's SGD with momentum (no Nesterov): on the
 * first step V ← G, afterwards V ← μ·V + (1 - dampening)·G; then P ← P - lr·V.
 * With μ = 0 and no dampening every step is bit-identical to sgd.
 */
export function momentum(options: MomentumOptions): Optimizer {
  rejectUnknownFields('momentum', options, ['learningRate', 'momentum', 'dampening']);
  const learningRate = requirePositive('momentum', 'learningRate', options.learningRate);
  const mu = requireDecay('momentum', 'momentum', options.momentum);
  const dampening = requireUnitInterval('momentum', 'dampening', options.dampening === undefined ? 0 : options.dampening);
  const spec = Object.freeze({ kind: 'momentum' as const, learningRate, momentum: mu, dampening });
  const gradientWeight = 1 - dampening;
  let velocity: Float64Array[] | null = null;

  return {
    spec,
    step(params: readonly Matrix[], grads: readonly Matrix[]): void {
      checkStepInputs('momentum', params, grads);
      const first = velocity === null;
      if (velocity === null) velocity = allocateState(params);
      else checkStateFits('momentum', velocity, params);
      for (let k = 0; k < params.length; k++) {
        const p = params[k]!.data;
        const g = grads[k]!.data;
        const v = velocity[k]!;
        if (first) v.set(g);
        else for (let i = 0; i < p.length; i++) v[i] = mu * v[i]! + gradientWeight * g[i]!;
        for (let i = 0; i < p.length; i++) p[i] = p[i]! - learningRate * v[i]!;
      }
    },
    reset(): void {
      velocity = null;
    },
  };
}
