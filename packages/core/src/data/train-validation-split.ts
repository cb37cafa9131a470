import type { Rng } from '../rng.js';

/**
 * Splits the example indices 0..m-1 into a training and a validation set after a seeded
 * Fisher-Yates shuffle (so the split is the same for the same rng state). The validation
 * set gets round(m · validationFraction) indices: the first ones of the shuffled order;
 * the training set the rest. Both keep the shuffled order.
 */
export function trainValidationSplit(
  m: number,
  validationFraction: number,
  rng: Rng,
): { train: number[]; validation: number[] } {
  if (!Number.isInteger(m) || m < 0) {
    throw new RangeError(`trainValidationSplit: m must be a non-negative integer, got ${m}`);
  }
  if (!(validationFraction >= 0 && validationFraction < 1)) {
    throw new RangeError(`trainValidationSplit: validationFraction must be in [0, 1), got ${validationFraction}`);
  }
  const validationSize = Math.round(m * validationFraction);
  if (m > 0 && validationSize === m) {
    throw new RangeError(
      `trainValidationSplit: a fraction of ${validationFraction} of ${m} examples leaves none for training`,
    );
  }
  const order = shuffledIndices(m, rng);
  return { train: order.slice(validationSize), validation: order.slice(0, validationSize) };
}

/** 0..m-1 in a uniformly random order (Fisher-Yates, drawing from i+1 choices at step i). */
function shuffledIndices(m: number, rng: Rng): number[] {
  const order = Array.from({ length: m }, (_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
