import type { Matrix } from '../matrix.js';
import { allocateState, checkStateFits, checkStepInputs } from './state.js';
import type { Optimizer } from './types.js';
import { rejectUnknownFields, requireDecay, requirePositive } from '../validate.js';

export interface RmspropOptions {
  learningRate: number;
  /** Decay of the mean square, 0.9 by default (Hinton's lecture value). */
  rho?: number;
  /** 1e-8 by default; added outside the square root. */
  epsilon?: number;
}

/**
 * RMSprop, plain (not centred, no momentum): S starts at zero,
 * S ← ρ·S + (1-ρ)·G², P ← P - lr·G / (sqrt(S) + ε), with ε outside the root.
 *
 * PyTorch's torch.optim.RMSprop with centered=False, momentum=0 and
 * weight_decay=0 computes the same update (its `alpha` is our ρ, also with ε
 * outside the root and a zero initial S); it differs only in its default,
 * alpha = 0.99. TensorFlow-style variants put ε inside the root instead.
 */
export function rmsprop(options: RmspropOptions): Optimizer {
  rejectUnknownFields('rmsprop', options, ['learningRate', 'rho', 'epsilon']);
  const learningRate = requirePositive('rmsprop', 'learningRate', options.learningRate);
  const rho = requireDecay('rmsprop', 'rho', options.rho === undefined ? 0.9 : options.rho);
  const epsilon = requirePositive('rmsprop', 'epsilon', options.epsilon === undefined ? 1e-8 : options.epsilon);
  const spec = Object.freeze({ kind: 'rmsprop' as const, learningRate, rho, epsilon });
  let squares: Float64Array[] | null = null;

  return {
    spec,
    step(params: readonly Matrix[], grads: readonly Matrix[]): void {
      checkStepInputs('rmsprop', params, grads);
      if (squares === null) squares = allocateState(params);
      else checkStateFits('rmsprop', squares, params);
      for (let k = 0; k < params.length; k++) {
        const p = params[k]!.data;
        const g = grads[k]!.data;
        const s = squares[k]!;
        for (let i = 0; i < p.length; i++) {
          const gi = g[i]!;
          const si = rho * s[i]! + (1 - rho) * (gi * gi);
          s[i] = si;
          p[i] = p[i]! - (learningRate * gi) / (Math.sqrt(si) + epsilon);
        }
      }
    },
    reset(): void {
      squares = null;
    },
  };
}
