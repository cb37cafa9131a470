import { type ConformanceReport, DEFAULT_CANDIDATE_TIMEOUT_MS, type RunComparison, SUITE_CASES, runSuite } from '@lockstep/conformance';
import { type Command, InvalidArgumentError } from 'commander';
import { counted, formatCost, formatDifference, formatExact, formatRow, formatSeconds } from '../format.js';
import type { CliIo } from '../io.js';
import { EXIT_AGREE, EXIT_DISAGREE, UsageError } from '../usage-error.js';
import { type CandidateCliOptions, runCandidateCheck, smallest, wantsCandidate } from './candidate.js';
import { assertWritableTarget, writeJsonAtomic } from '../write-json.js';

/** Epochs per run with --quick: enough to cross many updates, a fraction of the default time. */
export const QUICK_EPOCHS = 30;

const HEADER = ['data set', 'shape', 'seed', 'check', 'epochs', 'first cost', 'final cost', 'max rel diff', 'verdict'];
const WIDTHS = [30, 14, 4, 31, 6, 12, 12, 12, 7];

function row(c: RunComparison): string {
  return formatRow(
    [
      c.dataset ?? c.run,
      c.shape,
      c.seed === undefined ? '-' : String(c.seed),
      `${c.reference} vs ${c.candidate}`,
      String(c.epochs),
      formatCost(c.firstCost),
      formatCost(c.finalCost),
      formatDifference(c.maxRelativeDifference),
      c.pass ? 'PASS' : 'FAIL',
    ],
    WIDTHS,
  );
}

/** Where a failing comparison first parted, in one line. */
export function describeFailure(c: RunComparison): string {
  const who = `${c.run} ${c.reference} vs ${c.candidate}`;
  if (c.startIdentical === false) return `${who}: the two trainers did not start from bit-identical parameters`;
  const at = c.firstDivergentEpoch;
  const where = at === null ? 'no epoch' : at === c.epochs ? `the final cost (after epoch ${c.epochs - 1})` : `epoch ${at}`;
  const costs = c.divergentCosts;
  const values = costs === null ? '' : `: ${c.reference} ${formatExact(costs.reference)}, ${c.candidate} ${formatExact(costs.candidate)}`;
  const why = c.diagnosis === null ? '' : `; ${c.diagnosis.code}: ${c.diagnosis.message}`;
  return `${who}: first differs at ${where}${values} (tolerance ${c.tolerance})${why}`;
}

export function renderTotals(report: ConformanceReport, ms: number): string {
  const { runs, passed, failed } = report.totals;
  return `Total: ${counted(runs, 'comparison')}, ${passed} passed, ${failed} failed (${formatSeconds(ms)})`;
}

const DATASETS = SUITE_CASES.map((c) => c.dataset);

/** Repeatable --dataset: a name of the suite. */
function collectDataset(value: string, previous: string[] = []): string[] {
  if (!(DATASETS as string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${DATASETS.join(', ')}`);
  return previous.includes(value) ? previous : [...previous, value];
}

/** Repeatable --seed: a non-negative integer. */
function collectSeed(value: string, previous: number[] = []): number[] {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError(`expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`);
  }
  return previous.includes(Number(value)) ? previous : [...previous, Number(value)];
}

interface ConformanceOptions extends CandidateCliOptions {
  json?: string;
  quick?: boolean;
  dataset?: string[];
  seed?: number[];
}

/** Repeatable --vectors: a vector file or folder. */
function collectPath(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerConformance(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('conformance')
    .description('run the built-in suite: hardcoded vs generic and typed vs mathjs kernels on real data sets, plus the bundled conformance vectors')
    .option('--json <file>', 'also write the report as JSON to this file')
    .option('--quick', `train each suite run ${QUICK_EPOCHS} epochs instead of its full count (vectors still run in full)`)
    .option('--dataset <name>', `only this data set (repeatable; skips the bundled vectors): ${DATASETS.join(', ')}`, collectDataset)
    .option('--seed <n>', 'only this seed (repeatable; skips the bundled vectors), e.g. to rerun a failing comparison', collectSeed)
    .option('--candidate <file>', 'check your trainer instead: an ES module whose default export is train(run)')
    .option('--candidate-cmd <cmd>', 'check your trainer instead: a command reading a run as JSON on stdin, writing {costs, finalCost} on stdout')
    .option('--vectors <path>', 'use the runs of these vector files or folders (repeatable)', collectPath)
    .option('--epochs <n>', 'train every run this many epochs at most (in the built-in suite: its own runs; vectors run in full)')
    .option('--timeout <seconds>', `per run, for a candidate (default ${DEFAULT_CANDIDATE_TIMEOUT_MS / 1000}; a module's train must be async to be stopped)`)
    .action(async (options: ConformanceOptions) => {
      if (wantsCandidate(options)) {
        setExit(await runCandidateCheck(io, { ...options, ...(options.quick === true ? { maxEpochs: QUICK_EPOCHS } : {}) }));
        return;
      }
      if (options.timeout !== undefined) throw new UsageError('--timeout applies to --candidate and --candidate-cmd only');
      const epochs = options.epochs === undefined ? undefined : Number(options.epochs);
      if (epochs !== undefined && !(Number.isInteger(epochs) && epochs > 0)) {
        throw new UsageError(`--epochs expects a positive integer, got ${JSON.stringify(options.epochs)}`);
      }
      if (options.json !== undefined) assertWritableTarget(options.json);
      const cap = smallest(epochs, options.quick === true ? QUICK_EPOCHS : undefined);
      const started = performance.now();
      // The header comes with the first row, so input refused before any training leaves only the error.
      let headerShown = false;
      const report = runSuite({
        ...(cap === undefined ? {} : { epochs: cap }),
        ...(options.vectors === undefined ? {} : { vectors: options.vectors }),
        ...(options.dataset === undefined ? {} : { datasets: options.dataset }),
        ...(options.seed === undefined ? {} : { seeds: options.seed }),
        onComparison: (c) => {
          if (!headerShown) io.stdout(`${formatRow(HEADER, WIDTHS)}\n`);
          headerShown = true;
          io.stdout(`${row(c)}\n`);
        },
      });
      const failures = report.comparisons.filter((c) => !c.pass);
      for (const c of failures) io.stdout(`FAIL ${describeFailure(c)}\n`);
      io.stdout(`${renderTotals(report, performance.now() - started)}\n`);
      if (options.json !== undefined) writeJsonAtomic(options.json, report);
      setExit(failures.length === 0 ? EXIT_AGREE : EXIT_DISAGREE);
    });
}
