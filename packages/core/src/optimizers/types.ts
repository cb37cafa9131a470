import type { Matrix } from '../matrix.js';

export type OptimizerSpec =
  | { kind: 'sgd'; learningRate: number }
  | { kind: 'momentum'; learningRate: number; momentum: number; dampening?: number }
  | { kind: 'adam'; learningRate: number; beta1?: number; beta2?: number; epsilon?: number }
  | { kind: 'rmsprop'; learningRate: number; rho?: number; epsilon?: number };

export type OptimizerKind = OptimizerSpec['kind'];

/**
 * Updates parameters in place from their gradients. State (velocity, moments,
 * step count) is kept per parameter position: call `step` with the same
 * parameters in the same order every time. One `step` = one update (one batch).
 */
export interface Optimizer {
  readonly spec: Readonly<OptimizerSpec>;
  step(params: readonly Matrix[], grads: readonly Matrix[]): void;
  /** Forgets all state, as if new. */
  reset(): void;
}
