import { createRng } from '@lockstep/core';
import type { Dataset } from './dataset.js';
import { checkNonNegative, checkOptions, checkSize, halves } from './generator-options.js';
import { linspace } from './linspace.js';

export interface FlowerOptions {
  seed: number;
  /** Number of points, half per class (the second class gets the odd one). Default 400. */
  m?: number;
  /** The amplitude `a` in r = a·sin(4t): how far the petals reach. Default 4. */
  petals?: number;
  /** Standard deviation of the normal noise added to t and to r. Default 0.2. */
  noise?: number;
}

/**
 * The planar "flower" of the classic deep-learning course: two classes that a linear model
 * cannot separate. For class j with N points:
 *   t = linspace(j·3.12, (j+1)·3.12, N) + noise·normal
 *   r = a·sin(4t) + noise·normal          (a = petals)
 *   point = (r·sin t, r·cos t), target j
 * Points come in class order (class 0 first), unshuffled, as in the course. Per class the N
 * normals for t are drawn before the N for r. Features are not rescaled. Binary: Y has one column.
 */
export function flower(options: FlowerOptions): Dataset {
  checkOptions('flower', options, ['seed', 'm', 'petals', 'noise']);
  const { seed, m = 400, petals = 4, noise = 0.2 } = options;
  checkSize('flower', m);
  checkNonNegative('flower', 'noise', noise);
  if (!(Number.isFinite(petals) && petals > 0)) {
    throw new RangeError(`flower: petals must be a finite number > 0, got ${petals}`);
  }
  const rng = createRng(seed);
  const X: number[][] = [];
  const Y: number[][] = [];
  const labels: string[] = [];
  halves(m).forEach((size, j) => {
    const t = linspace(j * 3.12, (j + 1) * 3.12, size).map((v) => v + noise * rng.normal());
    const r = t.map((ti) => petals * Math.sin(4 * ti));
    for (let i = 0; i < size; i++) r[i]! += noise * rng.normal();
    for (let i = 0; i < size; i++) {
      X.push([r[i]! * Math.sin(t[i]!), r[i]! * Math.cos(t[i]!)]);
      Y.push([j]);
      labels.push(String(j));
    }
  });
  return { name: 'flower', featureNames: ['x1', 'x2'], classes: ['0', '1'], X, Y, labels };
}
