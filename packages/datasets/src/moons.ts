import { createRng, type Rng } from '@lockstep/core';
import type { Dataset } from './dataset.js';
import { checkNonNegative, checkOptions, checkSize, halves } from './generator-options.js';
import { linspace } from './linspace.js';

export interface MoonsOptions {
  seed: number;
  /** Number of points; the upper moon gets floor(m/2), the lower one the rest. Default 400. */
  m?: number;
  /** Standard deviation of the normal noise added to each coordinate. Default 0.1. */
  noise?: number;
}

/**
 * Two interleaving half circles, as scikit-learn's make_moons builds them:
 *   class 0 (upper): (cos s, sin s) for s = linspace(0, π, m0)
 *   class 1 (lower): (1 - cos s, 1 - sin s - 0.5) for s = linspace(0, π, m1)
 * then the points are shuffled (Fisher-Yates with rng.int) and noise·normal is added to
 * each coordinate, row by row. Binary: Y has one column.
 */
export function moons(options: MoonsOptions): Dataset {
  checkOptions('moons', options, ['seed', 'm', 'noise']);
  const { seed, m = 400, noise = 0.1 } = options;
  checkSize('moons', m);
  checkNonNegative('moons', 'noise', noise);
  const rng = createRng(seed);
  const [upper, lower] = halves(m);
  const points: { x: number[]; j: number }[] = [
    ...linspace(0, Math.PI, upper).map((s) => ({ x: [Math.cos(s), Math.sin(s)], j: 0 })),
    ...linspace(0, Math.PI, lower).map((s) => ({ x: [1 - Math.cos(s), 1 - Math.sin(s) - 0.5], j: 1 })),
  ];
  shuffle(points, rng);
  const X = points.map(({ x }) => x.map((v) => v + noise * rng.normal()));
  const Y = points.map(({ j }) => [j]);
  const labels = points.map(({ j }) => String(j));
  return { name: 'moons', featureNames: ['x1', 'x2'], classes: ['0', '1'], X, Y, labels };
}

function shuffle<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
}
