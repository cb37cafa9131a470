import {
  type Candidate,
  CandidateError,
  type CandidateComparison,
  type CandidateReport,
  candidateRuns,
  checkCandidate,
  commandCandidate,
  DEFAULT_CANDIDATE_TIMEOUT_MS,
  loadModuleCandidate,
} from '@lockstep/conformance';
import { counted, formatCost, formatDifference, formatRow, formatSeconds } from '../format.js';
import type { CliIo } from '../io.js';
import { EXIT_AGREE, EXIT_BAD_INPUT, EXIT_DISAGREE, UsageError } from '../usage-error.js';
import { assertWritableTarget, writeJsonAtomic } from '../write-json.js';

/** The conformance command's candidate options (raw strings from commander). */
export interface CandidateCliOptions {
  candidate?: string;
  candidateCmd?: string;
  vectors?: string[];
  epochs?: string;
  timeout?: string;
  json?: string;
  /** Suite filters, as for the built-in suite. */
  dataset?: string[];
  seed?: number[];
  /** A cap on top of --epochs (--quick's). */
  maxEpochs?: number;
}

/** True when the conformance command should check a candidate instead of running the built-in suite. */
export function wantsCandidate(options: CandidateCliOptions): boolean {
  return options.candidate !== undefined || options.candidateCmd !== undefined;
}

/** Lines of a candidate's stderr shown on failure: the end, where the traceback's last line is. */
const STDERR_LINES = 20;
/** Characters shown of each of those lines. */
const STDERR_LINE_CHARS = 300;

const HEADER = ['run', 'shape', 'epochs', 'ref final', 'cand final', 'max rel diff', 'verdict', 'diverges', 'diagnosis'];
const WIDTHS = [36, 14, 6, 12, 12, 12, 7, 8, 16];

function row(c: CandidateComparison): string {
  const d = c.diagnosis;
  const diagnosis = d === null ? '-' : `${d.code}${d.parameter === undefined ? '' : ` (${d.parameter})`}`;
  return formatRow(
    [
      c.run,
      c.shape,
      String(c.epochs),
      formatCost(c.finalCost),
      formatCost(c.candidateFinalCost),
      formatDifference(c.maxRelativeDifference),
      c.pass ? 'PASS' : 'FAIL',
      c.firstDivergentEpoch === null ? '-' : String(c.firstDivergentEpoch),
      diagnosis,
    ],
    WIDTHS,
  );
}

/** A failing run in one line: where it parts and what the fault looks like. */
export function describeCandidateFailure(c: CandidateComparison): string {
  const at = c.firstDivergentEpoch;
  const where = at === null ? 'no epoch' : at === c.epochs ? 'the final cost' : `epoch ${at}`;
  const why = c.diagnosis === null ? '' : `: ${c.diagnosis.code}: ${c.diagnosis.message}`;
  return `FAIL ${c.run}: first differs at ${where}${why}`;
}

/** A run compared only up to its rounding horizon, in one line. */
export function describeHorizon(c: CandidateComparison): string {
  return `NOTE ${c.run}: compared epochs 0-${c.roundingHorizon} of ${c.epochs}: from there float64 rounding alone moves this run's cost by more than the tolerance (${c.tolerance}), so later epochs cannot tell a fault from rounding`;
}

/** The smaller of two optional caps; undefined when neither is set. */
export function smallest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} expects a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

/** The longest timer Node keeps (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

function positiveSeconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > MAX_TIMEOUT_SECONDS) {
    throw new UsageError(`${flag} expects a positive number of seconds up to ${MAX_TIMEOUT_SECONDS}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** Everything that can be refused before any training: flags, the --json folder, the module. */
async function prepare(options: CandidateCliOptions): Promise<{ candidate: Candidate; epochs: number | undefined }> {
  if (options.candidate !== undefined && options.candidateCmd !== undefined) {
    throw new UsageError('give either --candidate FILE or --candidate-cmd "CMD", not both');
  }
  const epochs = smallest(positiveInteger('--epochs', options.epochs), options.maxEpochs);
  if (options.vectors !== undefined && (options.dataset !== undefined || options.seed !== undefined)) {
    throw new UsageError('--dataset and --seed pick built-in suite runs; they do not apply with --vectors');
  }
  const timeout = positiveSeconds('--timeout', options.timeout);
  if (options.json !== undefined) assertWritableTarget(options.json);
  const timeoutMs = timeout === undefined ? DEFAULT_CANDIDATE_TIMEOUT_MS : timeout * 1000;
  const candidate =
    options.candidateCmd !== undefined
      ? commandCandidate(options.candidateCmd, { timeoutMs })
      : await loadModuleCandidate(options.candidate!, { timeoutMs });
  return { candidate, epochs };
}

function printCandidateError(io: CliIo, error: CandidateError): void {
  io.stderr(`lockstep: ${error.message}\n`);
  printStderrTail(io.stderr, error.stderr);
}

/** The end of what a candidate wrote to its standard error, indented, where the traceback's last line is. */
function printStderrTail(write: (text: string) => void, stderr: string | undefined): void {
  const lines = (stderr ?? '').trimEnd().split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return;
  const shown = lines.slice(-STDERR_LINES);
  const skipped = lines.length - shown.length;
  write(`its standard error${skipped > 0 ? ` (last ${shown.length} of ${lines.length} lines)` : ''}:\n`);
  for (const line of shown) write(`  ${line.length > STDERR_LINE_CHARS ? `${line.slice(0, STDERR_LINE_CHARS)}… (${line.length} characters)` : line}\n`);
}

/**
 * `lockstep conformance --candidate FILE | --candidate-cmd "CMD"`: checks the
 * candidate on the built-in suite's runs (or --vectors), prints a row per run
 * with the first divergent epoch and the diagnosis, and returns the exit code:
 * 0 all agree, 1 any disagreement, 2 bad usage or a candidate that gave no
 * usable result (its stderr shown).
 */
export async function runCandidateCheck(io: CliIo, options: CandidateCliOptions): Promise<number> {
  const started = performance.now();
  try {
    const { candidate, epochs } = await prepare(options);
    const runs = candidateRuns({
      ...(options.vectors === undefined ? {} : { vectors: options.vectors }),
      ...(options.dataset === undefined ? {} : { datasets: options.dataset }),
      ...(options.seed === undefined ? {} : { seeds: options.seed }),
    });
    // The heading comes with the first row, so a candidate that fails on its first run leaves only the error.
    let headerShown = false;
    const report: CandidateReport = await checkCandidate(runs, candidate, {
      ...(epochs === undefined ? {} : { epochs }),
      onComparison: (c) => {
        if (!headerShown) {
          io.stdout(`candidate: ${candidate.label} (reference: lockstep's generic trainer)\n`);
          io.stdout(`${formatRow(HEADER, WIDTHS)}\n`);
          headerShown = true;
        }
        io.stdout(`${row(c)}\n`);
      },
    });
    const failures = report.comparisons.filter((c) => !c.pass);
    for (const c of failures) {
      io.stdout(`${describeCandidateFailure(c)}\n`);
      printStderrTail(io.stdout, c.stderr);
    }
    for (const c of report.comparisons) if (c.roundingHorizon !== null) io.stdout(`${describeHorizon(c)}\n`);
    const { runs: total, passed, failed } = report.totals;
    io.stdout(`Total: ${counted(total, 'run')}, ${passed} passed, ${failed} failed (${formatSeconds(performance.now() - started)})\n`);
    if (options.json !== undefined) writeJsonAtomic(options.json, report);
    return failures.length === 0 ? EXIT_AGREE : EXIT_DISAGREE;
  } catch (error) {
    if (error instanceof CandidateError) {
      printCandidateError(io, error);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
