import type { Matrix } from '../matrix.js';
import type { Rng } from '../rng.js';

export type InitScheme = 'he-normal' | 'he-uniform' | 'xavier-normal' | 'xavier-uniform' | 'zeros';

/**
 * Draws a weight matrix of shape fanOut x fanIn (out x in, as W·A) from rng,
 * in row-major order.
 */
export type Initializer = (fanOut: number, fanIn: number, rng: Rng) => Matrix;
