import { agrees } from './numbers.js';

/** Fewest epochs a shifted match must cover before we call it a shift. */
const MIN_SHIFT_OVERLAP = 2;

/**
 * Finds k != 0 such that the candidate's curve is the reference's shifted by k
 * epochs, within tolerance:
 *
 * - k > 0 (candidate leads): candidate[i] = R[i + k] for every i with i + k <= n,
 *   where R is the reference's costs followed by its final cost. This is a cost
 *   recorded after the update instead of before it.
 * - k < 0 (candidate lags): candidate[i] = reference[i + k] for every i >= -k;
 *   the first -k candidate costs are ignored (stale or never written). This is
 *   an epoch loop that starts one late, or a cost taken from the previous epoch.
 *
 * Smallest |k| first, leading before lagging. Returns null when no shift fits or
 * the overlap is shorter than two epochs.
 */
export function findShift(
  referenceCosts: readonly number[],
  referenceFinal: number,
  candidateCosts: readonly number[],
  tolerance: number,
): number | null {
  const n = candidateCosts.length;
  if (referenceCosts.length !== n) return null;
  const extended = [...referenceCosts, referenceFinal];
  for (let k = 1; k <= n + 1 - MIN_SHIFT_OVERLAP; k++) {
    if (leads(extended, candidateCosts, k, tolerance)) return k;
    if (n - k >= MIN_SHIFT_OVERLAP && lags(referenceCosts, candidateCosts, k, tolerance)) return -k;
  }
  return null;
}

function leads(extended: readonly number[], candidate: readonly number[], k: number, tolerance: number): boolean {
  const last = extended.length - 1 - k; // candidate index matched against the reference's final cost
  if (last + 1 < MIN_SHIFT_OVERLAP) return false;
  for (let i = 0; i <= last; i++) {
    if (!agrees(candidate[i]!, extended[i + k]!, tolerance)) return false;
  }
  return true;
}

function lags(reference: readonly number[], candidate: readonly number[], k: number, tolerance: number): boolean {
  for (let i = k; i < candidate.length; i++) {
    if (!agrees(candidate[i]!, reference[i - k]!, tolerance)) return false;
  }
  return true;
}
