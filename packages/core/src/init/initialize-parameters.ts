import { Matrix } from '../matrix.js';
import type { Parameters } from '../parameters.js';
import type { Rng } from '../rng.js';
import { getInitializer } from './initializers.js';
import type { InitScheme } from './types.js';

/**
 * Fresh parameters for layer widths [n0, n1, ..., nL]: W1, W2, ... drawn from
 * rng in that order (each row-major, shape n_l x n_(l-1)), biases zero.
 * `scheme` is one scheme for every layer or one per layer (L of them).
 */
export function initializeParameters(
  layers: readonly number[],
  rng: Rng,
  scheme: InitScheme | readonly InitScheme[] = 'he-normal',
): Parameters {
  if (layers.length < 2 || !layers.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new RangeError(
      `initializeParameters: layers must be at least two positive integers [n0, n1, ...], got [${layers.join(', ')}]`,
    );
  }
  const L = layers.length - 1;
  const schemes: readonly string[] = typeof scheme === 'string' ? new Array<string>(L).fill(scheme) : scheme;
  if (schemes.length !== L) {
    throw new RangeError(`initializeParameters: ${schemes.length} init schemes for ${L} layers`);
  }
  const initializers = schemes.map((name) => getInitializer(name));
  const W: Matrix[] = [];
  const b: Matrix[] = [];
  for (let l = 1; l <= L; l++) {
    W.push(initializers[l - 1]!(layers[l]!, layers[l - 1]!, rng));
    b.push(new Matrix(layers[l]!, 1));
  }
  return { W, b };
}
