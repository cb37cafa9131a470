export type { Candidate } from './candidate.js';
export { DEFAULT_CANDIDATE_TIMEOUT_MS, runForCandidate } from './candidate.js';
export { CandidateError } from './candidate-error.js';
export { loadModuleCandidate } from './module-candidate.js';
export { commandCandidate, type CommandCandidateOptions } from './command-candidate.js';
export { candidateResultSchema, parseCandidateResult } from './result-schema.js';
export { quoteNonFiniteTokens } from './json-numbers.js';
export {
  checkCandidate,
  compareWithReference,
  type CompareWithReferenceOptions,
  capRun,
  DEFAULT_CANDIDATE_TOLERANCE,
  REFERENCE_LABEL,
  type CandidateComparison,
  type CandidateReport,
  type CheckCandidateOptions,
} from './check.js';
export { likelyStepFactors, probeStepScale } from './step-probe.js';
export { candidateRuns, type CandidateRunsOptions } from './runs.js';
export { HORIZON_MARGIN, HORIZON_NUDGE, nudgeInit, roundingHorizon, truncateResult } from './horizon.js';
