import type { Matrix } from '../matrix.js';
import { allocateState, checkStateFits, checkStepInputs } from './state.js';
import type { Optimizer } from './types.js';
import { rejectUnknownFields, requireDecay, requirePositive } from '../validate.js';

export interface AdamOptions {
  learningRate: number;
  /** 0.9 by default. */
  beta1?: number;
  /** 0.999 by default. */
  beta2?: number;
  /** 1e-8 by default; added outside the square root. */
  epsilon?: number;
}

/**
 * Adam (Kingma & Ba), with t counting steps from 1 and M, S starting at zero:
 * M ← β1·M + (1-β1)·G, S ← β2·S + (1-β2)·G², M̂ = M/(1-β1^t), Ŝ = S/(1-β2^t),
 * P ← P - lr·M̂ / (sqrt(Ŝ) + ε). The corrected M̂ and Ŝ are used for the
 * update only; the stored M and S stay uncorrected.
 */
export function adam(options: AdamOptions): Optimizer {
  rejectUnknownFields('adam', options, ['learningRate', 'beta1', 'beta2', 'epsilon']);
  const learningRate = requirePositive('adam', 'learningRate', options.learningRate);
  const beta1 = requireDecay('adam', 'beta1', options.beta1 === undefined ? 0.9 : options.beta1);
  const beta2 = requireDecay('adam', 'beta2', options.beta2 === undefined ? 0.999 : options.beta2);
  const epsilon = requirePositive('adam', 'epsilon', options.epsilon === undefined ? 1e-8 : options.epsilon);
  const spec = Object.freeze({ kind: 'adam' as const, learningRate, beta1, beta2, epsilon });
  let moment: Float64Array[] | null = null;
  let squares: Float64Array[] | null = null;
  let t = 0;

  return {
    spec,
    step(params: readonly Matrix[], grads: readonly Matrix[]): void {
      checkStepInputs('adam', params, grads);
      if (moment === null || squares === null) {
        moment = allocateState(params);
        squares = allocateState(params);
      } else {
        checkStateFits('adam', moment, params);
      }
      t += 1;
      const correction1 = 1 - beta1 ** t;
      const correction2 = 1 - beta2 ** t;
      for (let k = 0; k < params.length; k++) {
        const p = params[k]!.data;
        const g = grads[k]!.data;
        const m = moment[k]!;
        const s = squares[k]!;
        for (let i = 0; i < p.length; i++) {
          const gi = g[i]!;
          const mi = beta1 * m[i]! + (1 - beta1) * gi;
          const si = beta2 * s[i]! + (1 - beta2) * (gi * gi);
          m[i] = mi;
          s[i] = si;
          const mHat = mi / correction1;
          const sHat = si / correction2;
          p[i] = p[i]! - (learningRate * mHat) / (Math.sqrt(sHat) + epsilon);
        }
      }
    },
    reset(): void {
      moment = null;
      squares = null;
      t = 0;
    },
  };
}
