/**
 * Micro benchmark of the matmul kernels (not a test; prints, so it lives outside the library entry).
 *
 *   pnpm exec tsx --conditions=lockstep-source packages/core/src/kernels/matmul.bench.ts
 *
 * Times the 128x784 · 784x256 product (an MNIST-sized layer) on the naive reference loop, the
 * typed backend and the mathjs backend, plus a plain i-k-j loop to calibrate the machine, then
 * the small shapes the bundled networks use. Prints the median GFLOP/s (2·m·k·n flops per call).
 * Timing is wall clock: on a shared machine run it twice and trust the higher numbers.
 */
import type { MatmulOptions } from '../backend.js';
import { Matrix } from '../matrix.js';
import { mathjsBackend } from './mathjs.js';
import { matmulNaive } from './matmul-naive.js';
import { typedBackend } from './typed.js';

type Matmul = (a: Matrix, b: Matrix, out: Matrix, options?: MatmulOptions) => Matrix;

/** A plain i-k-j loop over the raw arrays (no transposes): the usual "simple but decent" baseline. */
const ikj: Matmul = (a, b, out) => {
  const m = a.rows, k = a.cols, n = b.cols;
  const x = a.data, y = b.data, z = out.data;
  z.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const av = x[i * k + p]!;
      const row = p * n, dst = i * n;
      for (let j = 0; j < n; j++) z[dst + j]! += av * y[row + j]!;
    }
  }
  return out;
};

/** Deterministic values in [-1, 1) (mulberry32), so runs are repeatable. */
function filled(rows: number, cols: number, seed: number): Matrix {
  let s = seed >>> 0;
  const m = new Matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    m.data[i] = ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  }
  return m;
}

interface Case {
  label: string;
  a: Matrix;
  b: Matrix;
  options: MatmulOptions;
  m: number;
  k: number;
  n: number;
}

function makeCase(label: string, m: number, k: number, n: number, options: MatmulOptions = {}): Case {
  const a = options.transposeA ? filled(k, m, 1) : filled(m, k, 1);
  const b = options.transposeB ? filled(n, k, 2) : filled(k, n, 2);
  return { label, a, b, options, m, k, n };
}

/** Median GFLOP/s over `runs` timed batches, each long enough (about `minMs`) to time reliably. */
function measure(fn: Matmul, c: Case, warmups: number, runs: number, minMs: number): number {
  const out = new Matrix(c.m, c.n);
  const call = (): void => void fn(c.a, c.b, out, c.options);
  let start = performance.now();
  for (let i = 0; i < warmups; i++) call();
  // Calls per batch: enough that one batch takes about minMs.
  start = performance.now();
  call();
  const once = Math.max(performance.now() - start, 1e-3);
  const reps = Math.max(1, Math.round(minMs / once));
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    start = performance.now();
    for (let i = 0; i < reps; i++) call();
    const seconds = (performance.now() - start) / 1000 / reps;
    rates.push((2 * c.m * c.k * c.n) / seconds / 1e9);
  }
  rates.sort((x, y) => x - y);
  return rates[rates.length >> 1]!;
}

/** Largest |x - y| / max(1, |y|) between two results, as a sanity check on what was timed. */
function maxRelDiff(x: Matrix, y: Matrix): number {
  let worst = 0;
  for (let i = 0; i < x.data.length; i++) {
    worst = Math.max(worst, Math.abs(x.data[i]! - y.data[i]!) / Math.max(1, Math.abs(y.data[i]!)));
  }
  return worst;
}

function fmt(gflops: number): string {
  return gflops.toFixed(gflops < 0.1 ? 4 : 2).padStart(7);
}

const typed: Matmul = (a, b, out, o) => typedBackend.matmul(a, b, out, o);
const mathjs: Matmul = (a, b, out, o) => mathjsBackend.matmul(a, b, out, o);

const main = makeCase('128x784 · 784x256', 128, 784, 256);
const check = new Matrix(main.m, main.n);
const ref = matmulNaive(main.a, main.b, new Matrix(main.m, main.n));
console.log(`matmul ${main.label}, float64, single thread (${process.version}); median GFLOP/s`);
console.log(`  typed  ${fmt(measure(typed, main, 20, 15, 60))}   (max rel diff vs naive ${maxRelDiff(typed(main.a, main.b, check), ref).toExponential(1)})`);
console.log(`  naive  ${fmt(measure(matmulNaive, main, 1, 5, 0))}`);
console.log(`  i-k-j  ${fmt(measure(ikj, main, 2, 7, 0))}   (plain loop, to compare machines)`);
console.log(`  mathjs ${fmt(measure(mathjs, main, 1, 3, 0))}   (max rel diff vs naive ${maxRelDiff(mathjs(main.a, main.b, check), ref).toExponential(1)})`);

const small = [
  makeCase('Z1 = W1·X       20x2 · 2x400', 20, 2, 400),
  makeCase('Z2 = W2·A1      7x20 · 20x400', 7, 20, 400),
  makeCase('Z3 = W3·A2      1x5 · 5x400', 1, 5, 400),
  makeCase('dW2 = dZ2·A1ᵀ   7x400 · (20x400)ᵀ', 7, 400, 20, { transposeB: true }),
  makeCase('dA1 = W2ᵀ·dZ2   (7x20)ᵀ · 7x400', 20, 7, 400, { transposeA: true }),
  makeCase('dA = Wᵀ·dZ      (256x784)ᵀ·(256x128)', 784, 256, 128, { transposeA: true }),
];
console.log('\nsmall and transposed shapes; median GFLOP/s');
console.log(`  ${'shape'.padEnd(36)}  typed    naive   mathjs`);
for (const c of small) {
  console.log(
    `  ${c.label.padEnd(36)} ${fmt(measure(typed, c, 200, 11, 20))}  ${fmt(measure(matmulNaive, c, 3, 5, 20))}  ${fmt(measure(mathjs, c, 3, 3, 20))}`,
  );
}
