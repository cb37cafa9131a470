import { Matrix, kernelThreads, mathjsBackend, setKernelThreads, typedBackend } from '@lockstep/core';
import { maxNormwiseDifference } from './agreement.js';
import { numpyMatmul, type NumpyFound } from './numpy.js';
import type { Row, WorkloadReport } from './report.js';
import { MATMUL_TOLERANCE, type ImplementationName, type Settings } from './settings.js';
import { TfjsMatmul } from './tfjs.js';
import { measure, repeatFor, summarize, type Timing } from './timing.js';
import { matmulWorkload } from './workloads.js';

/** Times one product A·B (128x784 · 784x256) per implementation; GFLOP/s = 2·M·K·N / time. */
export function benchMatmul(settings: Settings, numpy: NumpyFound | undefined): WorkloadReport {
  const { A, B, flops } = matmulWorkload();
  const { repetitions, minMillisecondsPerRepetition: minMs } = settings.matmul;
  const rows: Row[] = [];
  const notes: string[] = [];

  const reference = new Matrix(A.rows, B.cols);
  typedBackend.matmul(A, B, reference);

  const record = (implementation: ImplementationName, timing: Timing, product: ArrayLike<number>): void => {
    const row: Row = { workload: 'matmul', implementation, timing, gflops: flops / (timing.median * 1e6) };
    if (implementation !== 'lockstep-generic-typed') {
      row.maxRelativeDifferenceToLockstep = maxNormwiseDifference(product, reference.data);
      row.tolerance = MATMUL_TOLERANCE[implementation];
    }
    rows.push(row);
  };

  const js: [ImplementationName, (out: Matrix) => void][] = [
    ['js-naive', (out) => matmulIkj(A, B, out)],
    ['lockstep-generic-typed', (out) => typedBackend.matmul(A, B, out)],
    ['lockstep-generic-mathjs', (out) => mathjsBackend.matmul(A, B, out)],
  ];
  // The goal is single-threaded: the kernel's worker threads sit out the timed rows.
  const threads = kernelThreads();
  setKernelThreads(1);
  try {
    for (const [name, product] of js) {
      const out = new Matrix(A.rows, B.cols);
      const timing = measure(repeatFor(() => product(out), minMs), settings.warmup, repetitions);
      record(name, timing, out.data);
    }
  } finally {
    setKernelThreads(threads);
  }
  if (threads > 1) {
    const out = new Matrix(A.rows, B.cols);
    const timing = measure(repeatFor(() => typedBackend.matmul(A, B, out), minMs), settings.warmup, repetitions);
    const same = out.equals(reference) ? 'the same bits' : 'DIFFERENT results';
    notes.push(
      `lockstep-generic-typed with ${threads} kernel threads: ${timing.median.toPrecision(4)} ms, ` +
        `${(flops / (timing.median * 1e6)).toFixed(2)} GFLOP/s (${same})`,
    );
  }

  const tfjs = new TfjsMatmul(A, B);
  let tfProduct: Float32Array = new Float32Array(0);
  const tfTiming = measure(
    repeatFor(() => {
      tfProduct = tfjs.product();
    }, minMs),
    settings.warmup,
    repetitions,
  );
  tfjs.dispose();
  record('tfjs-cpu', tfTiming, tfProduct);
  notes.push('tfjs-cpu multiplies in float32 (its CPU backend has no float64); the others in float64');

  if (numpy !== undefined) {
    const result = numpyMatmul(numpy.python, A, B, settings.warmup, repetitions, minMs);
    record('numpy', summarize(result.msPerProduct), result.C.flat());
    const { library, version, threads } = result.blas;
    notes.push(`numpy ${result.numpy} with ${library ?? '?'} ${version ?? ''} limited to ${threads ?? '?'} thread(s)`);
  }
  notes.push('js-naive is a plain i-k-j loop on Float64Array (the baseline); lockstep-generic-typed is typedBackend.matmul');

  return {
    workload: 'matmul',
    description: 'A (128x784) times B (784x256), float64, one thread; ms per product',
    rows,
    notes,
  };
}

/** The plain i-k-j loop on Float64Array: what a from-scratch JavaScript trainer would write. */
export function matmulIkj(A: Matrix, B: Matrix, out: Matrix): void {
  const { rows: m, cols: k } = A;
  const n = B.cols;
  const a = A.data;
  const b = B.data;
  const c = out.data;
  c.fill(0);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p]!;
      const bp = p * n;
      for (let j = 0; j < n; j++) c[ci + j] = c[ci + j]! + aip * b[bp + j]!;
    }
  }
}
