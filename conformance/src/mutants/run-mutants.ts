import { compareWithReference, DEFAULT_CANDIDATE_TOLERANCE } from '../candidates/check.js';
import { messageOf } from '../candidates/module-candidate.js';
import type { Diagnosis, DiagnosisCode } from '../diagnose/index.js';
import { type Mutant, MUTANTS } from './catalog.js';
import { trainWithFaults } from './loop.js';
import { mutantRun } from './runs.js';

/** One mutant on one run. */
export interface MutantRunOutcome {
  run: string;
  /** The comparison failed (or the mutant crashed): the fault was noticed. */
  caught: boolean;
  firstDivergentEpoch: number | null;
  maxRelativeDifference: number;
  diagnosis: Diagnosis | null;
  /** The diagnosis has the expected code (and parameter, when one is expected and traces were used). */
  asExpected: boolean;
  /** Set when the mutant threw instead of returning a result. */
  error?: string;
}

export interface MutantOutcome {
  id: string;
  description: string;
  expected: { code: DiagnosisCode; parameter?: string };
  /** Caught on every run it applies to. */
  caught: boolean;
  /** Diagnosed as expected on every run. */
  asExpected: boolean;
  runs: MutantRunOutcome[];
}

export interface MutantReport {
  /** Whether the mutants returned per-epoch traces (finer diagnosis: parameters named). */
  traces: boolean;
  tolerance: number;
  mutants: MutantOutcome[];
  totals: { mutants: number; caught: number; missed: number; asExpected: number };
}

export interface RunMutantsOptions {
  /** Give the diagnosis per-epoch parameter traces (default true). */
  traces?: boolean;
  /** Only these mutant ids. */
  only?: readonly string[];
  tolerance?: number;
  /** Called after each mutant, e.g. to print a line as it comes. */
  onMutant?: (outcome: MutantOutcome) => void;
}

/**
 * Trains every mutant of the catalog on its runs and checks it against the
 * reference (the real generic trainer), as a candidate would be checked.
 * Plain data out; the CLI renders it.
 */
export function runMutants(options: RunMutantsOptions = {}): MutantReport {
  const traces = options.traces ?? true;
  const tolerance = options.tolerance ?? DEFAULT_CANDIDATE_TOLERANCE;
  const unknown = (options.only ?? []).filter((id) => !MUTANTS.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw new RangeError(`unknown mutant ${unknown.join(', ')}; the mutants are ${MUTANTS.map((m) => m.id).join(', ')}`);
  }
  const chosen = options.only ? MUTANTS.filter((m) => options.only!.includes(m.id)) : MUTANTS;
  const mutants = chosen.map((mutant) => {
    const outcome = runMutant(mutant, traces, tolerance);
    options.onMutant?.(outcome);
    return outcome;
  });
  const caught = mutants.filter((m) => m.caught).length;
  return {
    traces,
    tolerance,
    mutants,
    totals: {
      mutants: mutants.length,
      caught,
      missed: mutants.length - caught,
      asExpected: mutants.filter((m) => m.asExpected).length,
    },
  };
}

export function runMutant(mutant: Mutant, traces: boolean, tolerance: number): MutantOutcome {
  const runs = mutant.runs.map((id): MutantRunOutcome => {
    const run = mutantRun(id);
    let result;
    try {
      result = trainWithFaults(run, mutant.faults, { trace: traces });
    } catch (error) {
      return { run: run.name, caught: true, firstDivergentEpoch: null, maxRelativeDifference: Infinity, diagnosis: null, asExpected: false, error: messageOf(error) };
    }
    const row = compareWithReference(run, result, { label: `mutant ${mutant.id}`, tolerance, lengthMismatch: 'report' });
    const d = row.diagnosis;
    const parameterOk = !traces || mutant.expected.parameter === undefined || d?.parameter === mutant.expected.parameter;
    return {
      run: run.name,
      caught: !row.pass,
      firstDivergentEpoch: row.firstDivergentEpoch,
      maxRelativeDifference: row.maxRelativeDifference,
      diagnosis: d,
      asExpected: d?.code === mutant.expected.code && parameterOk,
    };
  });
  return {
    id: mutant.id,
    description: mutant.description,
    expected: mutant.expected,
    caught: runs.every((r) => r.caught),
    asExpected: runs.every((r) => r.asExpected),
    runs,
  };
}
