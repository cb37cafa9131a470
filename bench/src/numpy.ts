import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Matrix } from '@lockstep/core';
import type { TrainingWorkload } from './workloads.js';

/** The Python script beside src/: the numpy trainers and the product. */
export const NUMPY_SCRIPT = fileURLToPath(new URL('../numpy_mlp.py', import.meta.url));

export interface NumpyFound {
  python: string;
  numpyVersion: string;
}

/**
 * The first Python that imports numpy: $LOCKSTEP_BENCH_PYTHON when set, then
 * /usr/bin/python3 (Debian's interpreter, which sees Debian's python3-numpy),
 * then python3 on the PATH. Returns a note saying what was tried when none has it.
 */
export function findNumpy(): NumpyFound | { note: string } {
  const candidates = [process.env['LOCKSTEP_BENCH_PYTHON'], '/usr/bin/python3', 'python3'].filter(
    (c): c is string => c !== undefined && c !== '',
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) return { python, numpyVersion: probe.stdout.trim() };
  }
  return {
    note: `numpy skipped: none of ${candidates.join(', ')} imports numpy (apt-get install -y python3-numpy libopenblas0-pthread, or set LOCKSTEP_BENCH_PYTHON)`,
  };
}

export interface BlasInfo {
  library: string | null;
  version: string | null;
  threads: number | null;
}

export interface NumpyTrainingResult {
  costs: number[];
  msPerEpoch: number[];
  blas: BlasInfo;
  numpy: string;
}

export interface NumpyMatmulResult {
  msPerProduct: number[];
  C: number[][];
  blas: BlasInfo;
  numpy: string;
}

/** Runs one job through numpy_mlp.py: the job goes in a temporary JSON file, the result comes back on stdout. */
export function runNumpyJob<T>(python: string, job: object): T {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-bench-'));
  try {
    const jobPath = join(dir, 'job.json');
    writeFileSync(jobPath, JSON.stringify(job));
    const run = spawnSync(python, [NUMPY_SCRIPT, jobPath], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0) {
      throw new Error(`numpy: ${python} ${NUMPY_SCRIPT} exited with ${run.status ?? run.signal}: ${run.stderr.trim()}`);
    }
    return JSON.parse(run.stdout) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Trains the workload in numpy from the same data and initial parameters. */
export function numpyTrain(
  python: string,
  w: TrainingWorkload,
  epochs: number,
  warmup: number,
  repetitions: number,
): NumpyTrainingResult {
  return runNumpyJob<NumpyTrainingResult>(python, {
    kind: w.name,
    X: w.X.toRows(),
    Y: w.Y.toRows(),
    W: w.init.W.map((W) => W.toRows()),
    b: w.init.b.map((b) => b.toArray()),
    learningRate: w.learningRate,
    epochs,
    warmup,
    repetitions,
  });
}

/** Times numpy's A @ B (float64, BLAS limited to one thread) and returns the product too. */
export function numpyMatmul(
  python: string,
  A: Matrix,
  B: Matrix,
  warmup: number,
  repetitions: number,
  minMilliseconds: number,
): NumpyMatmulResult {
  return runNumpyJob<NumpyMatmulResult>(python, {
    kind: 'matmul',
    A: A.toRows(),
    B: B.toRows(),
    warmup,
    repetitions,
    minMilliseconds,
  });
}
