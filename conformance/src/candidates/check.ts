import { diagnose, type Diagnosis } from '../diagnose/index.js';
import { compareResults, type RunComparison, type Totals, totalsOf } from '../report.js';
import type { Run, RunResult } from '../run.js';
import { type BackendName, trainRun } from '../trainers.js';
import { type Candidate, runForCandidate } from './candidate.js';
import { CandidateError } from './candidate-error.js';
import { roundingHorizon, truncateResult } from './horizon.js';
import { likelyStepFactors, probeStepScale } from './step-probe.js';

/**
 * Checking a candidate trainer against lockstep's reference (the generic
 * trainer) run by run: the candidate trains first; the reference then trains
 * the same run, with per-epoch traces when the candidate supplied them; the
 * curves are compared and, where they part, diagnosed.
 */

/** SPEC.md: an implementation that follows it in float64 lands within 1e-9 relative. */
export const DEFAULT_CANDIDATE_TOLERANCE = 1e-9;

export interface CheckCandidateOptions {
  /** Cap every run at this many epochs. */
  epochs?: number;
  /** Relative tolerance; by default a vector's own, else DEFAULT_CANDIDATE_TOLERANCE. */
  tolerance?: number;
  /** The reference's kernels (typed by default). */
  backend?: BackendName;
  /** Called after each run, e.g. to print progress. */
  onComparison?: (comparison: CandidateComparison) => void;
}

/**
 * A report row: the comparison plus what kind of fault a difference looks like.
 * `firstCost` and `finalCost` are the reference's; `candidateFinalCost` is the candidate's.
 */
export interface CandidateComparison extends RunComparison {
  candidateFinalCost: number;
  diagnosis: Diagnosis | null;
  /**
   * Null when every epoch was compared. Otherwise the epoch from which
   * float64 rounding alone can move this run's cost by more than the
   * tolerance (horizon.ts): epochs 0..roundingHorizon were compared, later
   * ones and the final cost were not.
   */
  roundingHorizon: number | null;
  /** What a command candidate wrote to its standard error, kept on failing runs only (non-empty). */
  stderr?: string;
}

export interface CandidateReport {
  candidate: string;
  comparisons: CandidateComparison[];
  totals: Totals;
}

export const REFERENCE_LABEL = 'lockstep/generic';

export async function checkCandidate(
  runs: readonly Run[],
  candidate: Candidate,
  options: CheckCandidateOptions = {},
): Promise<CandidateReport> {
  const comparisons: CandidateComparison[] = [];
  for (const run of runs) {
    const row = await checkOneRun(run, candidate, options);
    comparisons.push(row);
    options.onComparison?.(row);
  }
  return { candidate: candidate.label, comparisons, totals: totalsOf(comparisons) };
}

/** The run a candidate is given: without `expected`, capped at `epochs`. */
export function capRun(run: Run, epochs: number | undefined): Run {
  const plain = runForCandidate(run);
  if (epochs === undefined || epochs >= plain.training.epochs) return plain;
  return { ...plain, training: { ...plain.training, epochs } };
}

export function toleranceFor(run: Run, options: CheckCandidateOptions): number {
  const own = (run as Run & { expected?: { tolerance?: { relative?: number } } }).expected?.tolerance?.relative;
  return options.tolerance ?? own ?? DEFAULT_CANDIDATE_TOLERANCE;
}

async function checkOneRun(original: Run, candidate: Candidate, options: CheckCandidateOptions): Promise<CandidateComparison> {
  const run = capRun(original, options.epochs);
  const { stderr, ...result } = await candidate.train(run);
  const comparison = compareWithReference(run, result, {
    label: candidate.label,
    tolerance: toleranceFor(original, options),
    backend: options.backend ?? 'typed',
  });
  return comparison.pass || stderr === undefined || stderr.trim() === '' ? comparison : { ...comparison, stderr };
}

export interface CompareWithReferenceOptions {
  /** How the report names the candidate. */
  label: string;
  tolerance: number;
  backend?: BackendName;
  /** A wrong number of costs: a CandidateError (the default, for outside candidates) or a `length-mismatch` row. */
  lengthMismatch?: 'error' | 'report';
}

/**
 * Trains the reference on `run` (with traces when the result has them), then
 * compares and diagnoses, up to the run's rounding horizon (horizon.ts). A
 * wrong number of costs is a CandidateError whose message says which epochs
 * agree (unless `lengthMismatch: 'report'`). Without traces, a `diverged`
 * diagnosis on an sgd or momentum run is probed for a scaled learning rate.
 */
export function compareWithReference(run: Run, full: RunResult, options: CompareWithReferenceOptions): CandidateComparison {
  const { label, tolerance } = options;
  const backend = options.backend ?? 'typed';
  const train = (r: Run): RunResult => trainRun(r, { trainer: 'generic', backend });
  const fullReference = trainRun(run, { trainer: 'generic', backend, trace: full.trace !== undefined });
  const context = {
    miniBatch: run.training.batchSize !== null && run.training.batchSize < run.data.X.length,
    stepFactors: likelyStepFactors(run),
  };
  const sameLength = full.costs.length === fullReference.costs.length;
  if (!sameLength && options.lengthMismatch !== 'report') {
    const mismatch = diagnose(fullReference, full, tolerance, context)!;
    throw new CandidateError(`candidate ${label} on run ${run.name}: wrong number of costs: ${mismatch.message}`);
  }
  const horizon = sameLength ? roundingHorizon(run, fullReference, tolerance, train) : null;
  const reference = horizon === null ? fullReference : truncateResult(fullReference, horizon);
  const result = horizon === null ? full : truncateResult(full, horizon);

  let diagnosis = diagnose(reference, result, tolerance, context);
  if (diagnosis?.code === 'diverged' && result.trace === undefined && diagnosis.epoch !== undefined) {
    diagnosis = probeStepScale(run, result, diagnosis.epoch, tolerance, train) ?? diagnosis;
  }
  const comparison = compareResults({
    run: run.name,
    layers: run.model.layers,
    reference: { label: REFERENCE_LABEL, result: reference },
    candidate: { label, result },
    tolerance,
  });
  return {
    ...comparison,
    epochs: fullReference.costs.length,
    finalCost: fullReference.finalCost,
    candidateFinalCost: full.finalCost,
    diagnosis,
    roundingHorizon: horizon,
  };
}
