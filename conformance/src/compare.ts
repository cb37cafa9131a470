import { relativeDifference as finiteRelativeDifference } from '@lockstep/core';

/**
 * The relative difference of two costs: core's |a - b| / max(|a|, |b|), made
 * total for values a training run can produce. Identical values (including
 * NaN against NaN, or the same infinity) differ by 0: two loops that blow up
 * the same way still agree. One non-finite value against anything else differs
 * by Infinity, so it never passes a tolerance.
 *
 * Against SPEC.md's |got - want| / |want| this divides by the larger magnitude,
 * so it is at most that value and smaller by a factor of at most 1 + d: at the
 * 1e-9 tolerance the two agree to within 1e-18 relative, far below anything
 * that decides a verdict.
 */
export function relativeDifference(reference: number, candidate: number): number {
  if (Object.is(reference, candidate) || (Number.isNaN(reference) && Number.isNaN(candidate))) return 0;
  if (!Number.isFinite(reference) || !Number.isFinite(candidate)) return Number.POSITIVE_INFINITY;
  return finiteRelativeDifference(reference, candidate);
}

export interface CurveComparison {
  /** Every epoch within the tolerance and the lengths equal. */
  pass: boolean;
  /** Epochs compared: the longer of the two curves (a missing epoch counts as a difference). */
  epochs: number;
  /** The largest relative difference over all epochs; Infinity when a curve is shorter or a value is not finite. */
  maxRelativeDifference: number;
  /** The first epoch (from 0) outside the tolerance, or where one curve ends early; null when none. */
  firstDivergentEpoch: number | null;
}

/**
 * Compares two cost curves epoch by epoch. An epoch present in only one curve
 * counts as infinitely different, so a length mismatch always fails and is
 * located at the shorter curve's length.
 */
export function compareCurves(reference: readonly number[], candidate: readonly number[], tolerance: number): CurveComparison {
  if (!(tolerance >= 0)) throw new RangeError(`compareCurves: tolerance must be a number >= 0, got ${tolerance}`);
  const epochs = Math.max(reference.length, candidate.length);
  let maxRelativeDifference = 0;
  let firstDivergentEpoch: number | null = null;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const d =
      epoch < reference.length && epoch < candidate.length
        ? relativeDifference(reference[epoch]!, candidate[epoch]!)
        : Number.POSITIVE_INFINITY;
    if (d > maxRelativeDifference) maxRelativeDifference = d;
    if (firstDivergentEpoch === null && !(d <= tolerance)) firstDivergentEpoch = epoch;
  }
  return { pass: firstDivergentEpoch === null, epochs, maxRelativeDifference, firstDivergentEpoch };
}
