import type { Run, RunResult } from '../run.js';

/**
 * A trainer checked against lockstep's reference: given one run, it returns
 * its result (validated: costs, finalCost, optional trace). Failures are
 * CandidateErrors with a one-line message.
 */
export interface Candidate {
  /** How reports name it: the module path or the command. */
  label: string;
  train(run: Run): Promise<CandidateOutput>;
}

/** Per run, for any candidate: a command is killed after this, a module's pending train reported. */
export const DEFAULT_CANDIDATE_TIMEOUT_MS = 120_000;

/** A candidate's result, with what a program wrote to its standard error (shown when the run fails). */
export type CandidateOutput = RunResult & { stderr?: string };

/** The run exactly as a candidate sees it: a vector's fields without `expected`. */
export function runForCandidate(run: Run): Run {
  const { expected: _expected, ...rest } = run as Run & { expected?: unknown };
  return rest;
}
