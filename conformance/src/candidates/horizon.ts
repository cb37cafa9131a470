import type { NamedParameters } from '@lockstep/core';
import { relativeDifference } from '../diagnose/numbers.js';
import type { Run, RunResult } from '../run.js';

/**
 * How far a run can be checked at all. Two correct float64 trainers that sum
 * in different orders differ by rounding (~1e-16) at first; most runs keep it
 * there, but some (a relu network in an unstable phase, e.g. flower at a
 * high learning rate) amplify it roughly tenfold every few epochs, until the
 * curves differ by more than any tight tolerance without either being wrong.
 *
 * The reference measures this on itself: it trains once more from initial
 * parameters nudged by HORIZON_NUDGE (relative, about 50 ulps: more than the
 * rounding any trainer adds) and finds the first epoch where its own two
 * curves differ by more than HORIZON_MARGIN x tolerance. Epochs from there on
 * are not compared: there, rounding alone could fail a correct candidate. A
 * real fault shows long before (the mutant catalog's all show by epoch 2).
 */
export const HORIZON_NUDGE = 1e-14;
export const HORIZON_MARGIN = 1e-2;

/** Every initial parameter scaled by 1 ± nudge (signs alternating, so no direction is favoured). */
export function nudgeInit(init: NamedParameters, nudge = HORIZON_NUDGE): NamedParameters {
  let k = 0;
  const scale = (v: number): number => v * (1 + (k++ % 2 === 0 ? nudge : -nudge));
  const out: NamedParameters = {};
  for (const [name, value] of Object.entries(init)) {
    out[name] = (value as (number | number[])[]).map((x) => (Array.isArray(x) ? x.map(scale) : scale(x))) as number[][] | number[];
  }
  return out;
}

/**
 * The number of leading epochs that can be compared at `tolerance`, or null
 * when all of them (and the final cost) can. Tolerances below what the nudge
 * itself would show (1e-12) are not limited.
 */
export function roundingHorizon(run: Run, reference: RunResult, tolerance: number, train: (run: Run) => RunResult): number | null {
  const limit = tolerance * HORIZON_MARGIN;
  if (!(limit > HORIZON_NUDGE * 10)) return null;
  const nudged = train({ ...run, init: nudgeInit(run.init) });
  const a = [...reference.costs, reference.finalCost];
  const b = [...nudged.costs, nudged.finalCost];
  const e = a.findIndex((x, i) => relativeDifference(x, b[i]!) > limit);
  if (e === -1) return null;
  // Keep at least epoch 0; costs[h] stands in for the final cost of a truncated curve.
  return Math.max(1, Math.min(e, reference.costs.length - 1));
}

/** The first `h` epochs of a result, costs[h] standing in as its final cost (so epochs 0..h are compared). */
export function truncateResult(result: RunResult, h: number): RunResult {
  const out: RunResult = { costs: result.costs.slice(0, h), finalCost: result.costs[h] ?? result.finalCost };
  if (result.trace !== undefined) out.trace = result.trace.slice(0, h);
  return out;
}
