import { leakyRelu } from './leaky-relu.js';
import { linear } from './linear.js';
import { relu } from './relu.js';
import { sigmoid } from './sigmoid.js';
import { softmax } from './softmax.js';
import { tanh } from './tanh.js';
import type { Activation, ActivationName } from './types.js';

export type { Activation, ActivationName } from './types.js';
export { LEAKY_RELU_SLOPE, leakyRelu } from './leaky-relu.js';
export { linear } from './linear.js';
export { relu } from './relu.js';
export { sigmoid, sigmoidScalar } from './sigmoid.js';
export { softmax } from './softmax.js';
export { tanh } from './tanh.js';

/** Every activation by name. */
export const activations: Readonly<Record<ActivationName, Activation>> = Object.freeze({
  relu,
  leakyRelu,
  tanh,
  sigmoid,
  softmax,
  linear,
});

/** The activation called `name`; throws naming the valid names otherwise. */
export function getActivation(name: string): Activation {
  if (Object.hasOwn(activations, name)) return activations[name as ActivationName];
  throw new Error(
    `unknown activation "${name}": expected one of ${Object.keys(activations).join(', ')}`,
  );
}
