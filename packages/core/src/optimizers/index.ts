import { adam, type AdamOptions } from './adam.js';
import { momentum, type MomentumOptions } from './momentum.js';
import { rmsprop, type RmspropOptions } from './rmsprop.js';
import { sgd, type SgdOptions } from './sgd.js';
import type { Optimizer, OptimizerKind, OptimizerSpec } from './types.js';

export type { Optimizer, OptimizerKind, OptimizerSpec } from './types.js';
export { adam, type AdamOptions } from './adam.js';
export { momentum, type MomentumOptions } from './momentum.js';
export { rmsprop, type RmspropOptions } from './rmsprop.js';
export { sgd, type SgdOptions } from './sgd.js';

const KINDS: readonly OptimizerKind[] = ['sgd', 'momentum', 'adam', 'rmsprop'];

/**
 * A new optimizer (fresh state) for the spec, e.g. from a run file. Validates
 * every field: a positive finite learningRate, decays in [0, 1), dampening in
 * [0, 1], a positive epsilon, no unknown fields; errors name the field. The
 * optimizer's `spec` has every default filled in.
 */
export function createOptimizer(spec: OptimizerSpec): Optimizer {
  if (typeof spec !== 'object' || spec === null) {
    throw new TypeError(`optimizer: expected an object with a "kind", got ${JSON.stringify(spec)}`);
  }
  const { kind, ...options } = spec as { kind: unknown };
  switch (kind) {
    case 'sgd':
      return sgd(options as unknown as SgdOptions);
    case 'momentum':
      return momentum(options as unknown as MomentumOptions);
    case 'adam':
      return adam(options as unknown as AdamOptions);
    case 'rmsprop':
      return rmsprop(options as unknown as RmspropOptions);
    default:
      throw new RangeError(`optimizer: unknown kind ${JSON.stringify(kind)} (expected one of ${KINDS.join(', ')})`);
  }
}
