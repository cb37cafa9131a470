import { compareCurves } from './compare.js';
import { diagnose, type DiagnoseContext, type Diagnosis } from './diagnose/index.js';
import type { RunResult } from './run.js';

/**
 * The conformance report: plain data (JSON-able), built here and only
 * rendered by the CLI. Field names are a contract: tools read them.
 */

/** One comparison of two trainers (or a trainer against a vector) on one run. */
export interface RunComparison {
  /** Names the run: `iris/seed-1` for the built-in suite, the vector's name for vectors. */
  run: string;
  /** The data set, for runs of the built-in suite. */
  dataset?: string;
  /** Layer widths joined by dashes, e.g. `4-16-8-8-3`. */
  shape: string;
  /** The seed the initial parameters were drawn with, for runs of the built-in suite. */
  seed?: number;
  /** What is taken as correct: `hardcoded`, `generic/typed`, `vector`. */
  reference: string;
  /** What is checked against it: `generic`, `generic/mathjs`, ... */
  candidate: string;
  pass: boolean;
  /** Epochs trained. */
  epochs: number;
  /** The reference's cost at epoch 0 (the cost of the initial parameters) and its final cost. */
  firstCost: number;
  finalCost: number;
  /**
   * The first epoch (from 0) whose costs differ by more than the tolerance;
   * `epochs` itself when only the final cost (after the last update) differs;
   * null when none.
   */
  firstDivergentEpoch: number | null;
  /** The two costs at firstDivergentEpoch (null where a curve ended early); null when none. */
  divergentCosts: { reference: number | null; candidate: number | null } | null;
  /** The largest relative difference over every epoch's cost and the final cost. */
  maxRelativeDifference: number;
  /** The relative tolerance each number had to meet. */
  tolerance: number;
  /** Both trainers were handed bit-identical copies of the initial parameters (a false here fails the comparison). */
  startIdentical?: boolean;
  /** What kind of fault the disagreement looks like; null when the curves agree. */
  diagnosis: Diagnosis | null;
}

export interface Totals {
  runs: number;
  passed: number;
  failed: number;
}

export interface ConformanceReport {
  comparisons: RunComparison[];
  totals: Totals;
}

export interface ComparisonInput {
  run: string;
  dataset?: string;
  layers: readonly number[];
  seed?: number;
  reference: { label: string; result: RunResult };
  candidate: { label: string; result: RunResult };
  tolerance: number;
  startIdentical?: boolean;
  /** Facts that sharpen the diagnosis (mini-batches, step factors worth naming). */
  context?: DiagnoseContext;
}

export function shapeLabel(layers: readonly number[]): string {
  return layers.join('-');
}

/**
 * Compares the candidate's result with the reference's: every epoch's cost,
 * then the final cost, which is the cost the next epoch would start from, so
 * it takes index `epochs` in the combined curve.
 */
export function compareResults(input: ComparisonInput): RunComparison {
  const ref = input.reference.result;
  const cand = input.candidate.result;
  const refCurve = [...ref.costs, ref.finalCost];
  const candCurve = [...cand.costs, cand.finalCost];
  const c = compareCurves(refCurve, candCurve, input.tolerance);
  const startOk = input.startIdentical !== false;
  const at = c.firstDivergentEpoch;
  const comparison: RunComparison = {
    run: input.run,
    ...(input.dataset === undefined ? {} : { dataset: input.dataset }),
    shape: shapeLabel(input.layers),
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    reference: input.reference.label,
    candidate: input.candidate.label,
    pass: c.pass && startOk,
    epochs: ref.costs.length,
    firstCost: ref.costs[0] ?? Number.NaN,
    finalCost: ref.finalCost,
    firstDivergentEpoch: at,
    divergentCosts: at === null ? null : { reference: refCurve[at] ?? null, candidate: candCurve[at] ?? null },
    maxRelativeDifference: c.maxRelativeDifference,
    tolerance: input.tolerance,
    ...(input.startIdentical === undefined ? {} : { startIdentical: input.startIdentical }),
    diagnosis: c.pass ? null : diagnose(ref, cand, input.tolerance, input.context),
  };
  return comparison;
}

export function totalsOf(items: readonly { pass: boolean }[]): Totals {
  const passed = items.filter((i) => i.pass).length;
  return { runs: items.length, passed, failed: items.length - passed };
}

export function buildReport(comparisons: RunComparison[]): ConformanceReport {
  return { comparisons, totals: totalsOf(comparisons) };
}
