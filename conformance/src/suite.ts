import { cloneParameters, createRng, initializeParameters, parametersEqual, parametersToNamed, type Parameters } from '@lockstep/core';
import { type Dataset, type DatasetName, loadDataset } from '@lockstep/datasets';
import { compareResults, buildReport, type ConformanceReport, type RunComparison } from './report.js';
import type { Run, RunResult } from './run.js';
import { VECTOR_FORMAT } from './schema.js';
import { prepareRun, trainRun } from './trainers.js';
import { BUNDLED_VECTORS_DIR, checkVector, trainersFor, vectorFiles } from './vectors.js';
import { parseVectorFile } from './parse.js';

/**
 * The built-in conformance suite: on five data sets and three seeds, one
 * initial parameter set is drawn and copied into both trainers, which must
 * then produce the same cost curve; the generic trainer must also agree with
 * itself across the typed-array and mathjs kernels. The bundled conformance
 * vectors run as well.
 */

/** One data set of the suite and how it is trained. */
export interface SuiteCase {
  dataset: DatasetName;
  /** Widths of the three hidden ReLU layers; n0 and nOut come from the data. */
  hidden: [number, number, number];
  learningRate: number;
  epochs: number;
  /**
   * Epochs for the typed vs mathjs comparison: a prefix of the run. The
   * comparison checks kernels, not the loop (hardcoded vs generic checks the
   * loop), and every kernel the trainer uses runs in the first epoch (forward
   * pass, cost, backward pass, update; its final cost is the forward pass of
   * the updated parameters), so a few epochs suffice. The mathjs twin is
   * slow (a few tenths of a second per digits epoch), which bounds this.
   */
  backendEpochs: number;
}

/**
 * Hidden widths follow the fixed 4-layer shape; learning rates are the
 * largest round values whose cost falls smoothly on all three seeds; epoch
 * counts take each cost well below its start (see the report's first and
 * final costs: e.g. iris 1.1-1.4 -> 0.03-0.04, digits 2.3-3.2 -> 1.3-2.0) while
 * keeping the whole default run, vectors included, well under 30 s on 2 cores.
 */
export const SUITE_CASES: readonly SuiteCase[] = [
  { dataset: 'breast-cancer', hidden: [16, 8, 8], learningRate: 0.2, epochs: 100, backendEpochs: 20 },
  { dataset: 'flower', hidden: [16, 8, 8], learningRate: 0.1, epochs: 400, backendEpochs: 50 },
  { dataset: 'iris', hidden: [16, 8, 8], learningRate: 0.1, epochs: 300, backendEpochs: 50 },
  { dataset: 'wine', hidden: [16, 8, 8], learningRate: 0.1, epochs: 150, backendEpochs: 30 },
  { dataset: 'digits', hidden: [16, 16, 16], learningRate: 0.1, epochs: 40, backendEpochs: 5 },
];

export const SUITE_SEEDS: readonly number[] = [1, 2, 3];

/** The flower points are generated; one fixed data seed, so the three runs differ only in their initial parameters. */
export const FLOWER_DATA_SEED = 1;

/**
 * hardcoded vs generic: both trainers call the same backend kernels on the
 * same operands in the same order, and IEEE 754 float64 arithmetic is
 * deterministic (V8 neither fuses nor reorders floating-point operations), so
 * the curves must be bit-identical: any difference at all means the loops
 * computed something different.
 */
export const HARDCODED_VS_GENERIC_TOLERANCE = 0;

/**
 * typed vs mathjs kernels: the same math, but nothing obliges a fast kernel to
 * sum in the plain order (blocked or SIMD products may reorder). A reordered
 * sum of n terms differs by at most about n·eps relative (eps = 2.2e-16,
 * n <= 1797 examples: ~4e-13 worst case, ~1e-15 typically), and these smooth,
 * converging full-batch runs do not amplify that by more than a few orders
 * over the compared epochs (independent float64 implementations agree to
 * 1e-13 on the SPEC vectors over up to 2500 epochs). 1e-9, the SPEC's
 * tolerance, keeps that margin, while a real fault (a skipped or scaled
 * update, a wrong derivative) moves the cost by 1e-4 or more within a few
 * epochs. Measured today: 0 on every run, as the typed kernels (JS and wasm)
 * keep the naive summation order.
 */
export const BACKEND_TOLERANCE = 1e-9;

export interface SuiteOptions {
  /** Train every suite run at most this many epochs (a quick run); vectors always run in full. */
  epochs?: number;
  /** Only these data sets (default: all of SUITE_CASES). */
  datasets?: readonly string[];
  /** Only these seeds (default: SUITE_SEEDS). */
  seeds?: readonly number[];
  /**
   * Vector files or folders to check too; [] for none. By default the bundled
   * vectors, unless `datasets` or `seeds` pick out suite runs.
   */
  vectors?: readonly string[];
  /** Called after each comparison, e.g. to print a table row as it comes. */
  onComparison?: (comparison: RunComparison) => void;
}

/** The activations and loss of the fixed 4-layer shape for nOut outputs. */
function head(nOut: number): Pick<Run['model'], 'activations' | 'loss'> {
  return nOut === 1
    ? { activations: ['relu', 'relu', 'relu', 'sigmoid'], loss: 'bce' }
    : { activations: ['relu', 'relu', 'relu', 'softmax'], loss: 'ce' };
}

export function loadSuiteDataset(name: DatasetName): Dataset {
  return loadDataset(name, name === 'flower' ? { seed: FLOWER_DATA_SEED } : {});
}

/** A suite run and the initial parameters drawn for it (He normal from createRng(seed), zero biases). */
export function suiteRun(c: SuiteCase, data: Dataset, seed: number, epochs = c.epochs): { run: Run; init: Parameters } {
  const n0 = data.X[0]?.length ?? 0;
  const nOut = data.Y[0]?.length ?? 0;
  const layers = [n0, ...c.hidden, nOut];
  const init = initializeParameters(layers, createRng(seed), 'he-normal');
  const run: Run = {
    format: VECTOR_FORMAT,
    name: `${c.dataset}/seed-${seed}`,
    description: `${c.dataset} (${data.X.length} x ${n0}), the fixed 4-layer shape, full-batch gradient descent`,
    model: { layers, ...head(nOut) },
    training: { epochs, batchSize: null, shuffle: false, optimizer: { kind: 'sgd', learningRate: c.learningRate } },
    data: { X: data.X, Y: data.Y },
    init: parametersToNamed(init),
    initRecipe: { rng: 'lockstep createRng', seed, scheme: 'he-normal', bias: 'zeros' },
  };
  return { run, init };
}

/**
 * The first k epochs of a full-batch result: costs[0..k-1], and costs[k] as
 * the final cost, since a full-batch epoch's cost is the cost of the
 * parameters as the epoch began, i.e. the previous epoch's final cost.
 */
export function firstEpochs(result: RunResult, k: number): RunResult {
  if (k >= result.costs.length) return result;
  return { costs: result.costs.slice(0, k), finalCost: result.costs[k]! };
}

/** hardcoded vs generic, then generic typed vs generic mathjs, for one case and seed. */
export function compareSuiteRun(c: SuiteCase, data: Dataset, seed: number, epochs = c.epochs): RunComparison[] {
  const { run, init } = suiteRun(c, data, seed, epochs);
  const prepared = prepareRun(run);
  // One draw, copied into each trainer; the first check is that the copies
  // (and the run's named form, which a candidate would read) are that draw bit for bit.
  const forHardcoded = cloneParameters(init);
  const forGeneric = cloneParameters(init);
  const startIdentical =
    parametersEqual(forHardcoded, init) && parametersEqual(forGeneric, init) && parametersEqual(prepared.init, init);
  const hardcoded = trainRun(run, { trainer: 'hardcoded', init: forHardcoded }, prepared);
  const generic = trainRun(run, { trainer: 'generic', init: forGeneric }, prepared);
  const backendEpochs = Math.min(epochs, c.backendEpochs);
  const mathjs = trainRun(run, { trainer: 'generic', backend: 'mathjs', epochs: backendEpochs, init: cloneParameters(init) }, prepared);
  const m = run.data.X.length;
  const common = { run: run.name, dataset: c.dataset, layers: run.model.layers, seed, context: { stepFactors: [m, 1 / m] } };
  return [
    compareResults({
      ...common,
      reference: { label: 'hardcoded', result: hardcoded },
      candidate: { label: 'generic', result: generic },
      tolerance: HARDCODED_VS_GENERIC_TOLERANCE,
      startIdentical,
    }),
    compareResults({
      ...common,
      reference: { label: 'generic/typed', result: firstEpochs(generic, backendEpochs) },
      candidate: { label: 'generic/mathjs', result: mathjs },
      tolerance: BACKEND_TOLERANCE,
    }),
  ];
}

function selectCases(datasets: readonly string[] | undefined): SuiteCase[] {
  if (datasets === undefined) return [...SUITE_CASES];
  return datasets.map((name) => {
    const c = SUITE_CASES.find((s) => s.dataset === name);
    if (c === undefined) {
      throw new RangeError(`runSuite: no suite case for data set "${name}"; the cases are ${SUITE_CASES.map((s) => s.dataset).join(', ')}`);
    }
    return c;
  });
}

/** Runs the built-in suite and the vectors, and returns the report (nothing is printed). */
export function runSuite(options: SuiteOptions = {}): ConformanceReport {
  if (options.epochs !== undefined && !(Number.isInteger(options.epochs) && options.epochs > 0)) {
    throw new RangeError(`runSuite: epochs must be a positive integer, got ${options.epochs}`);
  }
  // Read and validate the vectors first: a bad file fails before minutes of training.
  const picked = options.datasets !== undefined || options.seeds !== undefined;
  const vectorPaths = options.vectors ?? (picked ? [] : [BUNDLED_VECTORS_DIR]);
  const vectors = vectorPaths.length === 0 ? [] : vectorFiles(vectorPaths).map((file) => parseVectorFile(file));
  const cases = selectCases(options.datasets);
  const comparisons: RunComparison[] = [];
  const add = (c: RunComparison): void => {
    comparisons.push(c);
    options.onComparison?.(c);
  };
  for (const c of cases) {
    const data = loadSuiteDataset(c.dataset);
    for (const seed of options.seeds ?? SUITE_SEEDS) {
      compareSuiteRun(c, data, seed, Math.min(options.epochs ?? c.epochs, c.epochs)).forEach(add);
    }
  }
  for (const vector of vectors) {
    for (const trainer of trainersFor(vector)) add(checkVector(vector, trainer));
  }
  return buildReport(comparisons);
}
