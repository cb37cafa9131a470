import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from './input-error.js';
import { parseVectorFile } from './parse.js';
import type { Diagnosis } from './diagnose/index.js';
import { compareResults, type RunComparison, type Totals, totalsOf } from './report.js';
import type { Vector } from './run.js';
import { hardcodedApplies, type TrainerName, trainRun } from './trainers.js';

/**
 * Checking conformance vectors: train from each vector's init with the
 * generic network (and the hardcoded one where it applies) and compare every
 * epoch's cost and the final cost with the expected ones, within the vector's
 * own relative tolerance (1e-9 in the shipped ones: SPEC.md says a float64
 * implementation that follows it lands within that).
 */

/** The vectors shipped with this package (conformance/vectors/), found from src/ and from dist/ alike. */
export const BUNDLED_VECTORS_DIR = fileURLToPath(new URL('../vectors/', import.meta.url));

/** One vector checked with one trainer. */
export interface VectorResult {
  /** The vector's name. */
  vector: string;
  /** The file it was read from. */
  file: string;
  trainer: TrainerName;
  pass: boolean;
  epochs: number;
  maxRelativeDifference: number;
  /** The first epoch (from 0) outside the tolerance; `epochs` when only finalCost is; null when none. */
  firstFailingEpoch: number | null;
  /** At firstFailingEpoch: our cost and the expected one (null where a curve ended early). */
  got?: number | null;
  expected?: number | null;
  tolerance: number;
  /** What kind of fault the disagreement looks like; null when it passes. */
  diagnosis: Diagnosis | null;
}

export interface VectorReport {
  results: VectorResult[];
  totals: Totals;
}

/**
 * The *.json files named by `paths`: files as given, folders expanded to
 * their *.json files in name order. A path that does not exist, or a folder
 * without vectors, is an InputError.
 */
export function vectorFiles(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new InputError('vectors', '', 'no vector files or folders given');
  const files: string[] = [];
  const add = (file: string): void => {
    if (!files.some((f) => resolve(f) === resolve(file))) files.push(file); // a file named twice is checked once
  };
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new InputError(path, '', 'no such file or folder');
    }
    if (!isFolder) {
      add(path);
      continue;
    }
    const inFolder = readdirSync(path)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(path, name));
    if (inFolder.length === 0) throw new InputError(path, '', 'folder holds no *.json vector files (subfolders are not searched)');
    inFolder.forEach(add);
  }
  return files;
}

/** The trainers that apply to a vector: always generic, hardcoded when it fits the fixed shape. */
export function trainersFor(vector: Vector): TrainerName[] {
  return hardcodedApplies(vector) ? ['generic', 'hardcoded'] : ['generic'];
}

/** One vector against one trainer, as a comparison (reference: the vector's expected costs). */
export function checkVector(vector: Vector, trainer: TrainerName): RunComparison {
  const result = trainRun(vector, { trainer });
  return compareResults({
    run: vector.name,
    layers: vector.model.layers,
    reference: { label: 'vector', result: { costs: vector.expected.costs, finalCost: vector.expected.finalCost } },
    candidate: { label: trainer, result },
    tolerance: vector.expected.tolerance.relative,
    context: { miniBatch: isMiniBatch(vector), stepFactors: stepFactors(vector) },
  });
}

function isMiniBatch(vector: Vector): boolean {
  const size = vector.training.batchSize;
  return size !== null && size < vector.data.X.length;
}

/** m and 1/m: a 1/m applied not at all or twice scales the first step by these. */
function stepFactors(vector: Vector): number[] {
  const m = vector.training.batchSize ?? vector.data.X.length;
  return [m, 1 / m];
}

/** A comparison as a vector result row. */
export function toVectorResult(comparison: RunComparison, file: string, trainer: TrainerName): VectorResult {
  const row: VectorResult = {
    vector: comparison.run,
    file,
    trainer,
    pass: comparison.pass,
    epochs: comparison.epochs,
    maxRelativeDifference: comparison.maxRelativeDifference,
    firstFailingEpoch: comparison.firstDivergentEpoch,
    tolerance: comparison.tolerance,
    diagnosis: comparison.diagnosis,
  };
  if (comparison.divergentCosts !== null) {
    row.got = comparison.divergentCosts.candidate;
    row.expected = comparison.divergentCosts.reference;
  }
  return row;
}

export interface CheckVectorsOptions {
  /** Called after each vector and trainer, e.g. to print progress. */
  onResult?: (result: VectorResult) => void;
}

/**
 * Checks every vector in `paths` (files or folders of *.json). All files are
 * read and validated before any training, so a bad file fails fast (an
 * InputError naming the file and field).
 */
export function checkVectors(paths: readonly string[], options: CheckVectorsOptions = {}): VectorReport {
  const vectors = vectorFiles(paths).map((file) => ({ file, vector: parseVectorFile(file) }));
  const results: VectorResult[] = [];
  for (const { file, vector } of vectors) {
    for (const trainer of trainersFor(vector)) {
      const row = toVectorResult(checkVector(vector, trainer), file, trainer);
      results.push(row);
      options.onResult?.(row);
    }
  }
  return { results, totals: totalsOf(results) };
}
