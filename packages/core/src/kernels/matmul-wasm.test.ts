import { describe, expect, it } from 'vitest';
import type { MatmulOptions } from '../backend.js';
import { Matrix } from '../matrix.js';
import { matmulNaive } from './matmul-naive.js';
import { matmulTypedJs } from './matmul-typed.js';
import {
  affineWasm,
  backwardReluWasm,
  kernelThreads,
  kernelThreadsReady,
  matmulWasm,
  setCallerTakesChunks,
  setKernelThreads,
  wasmAvailable,
} from './matmul-wasm.js';
import { relu } from '../activations/relu.js';

function filled(rows: number, cols: number, seed: number): Matrix {
  const m = new Matrix(rows, cols);
  let s = seed;
  for (let i = 0; i < m.data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    m.data[i] = s / 2 ** 31 - 1;
  }
  return m;
}

const cases: MatmulOptions[] = [{}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true }];

describe.skipIf(!wasmAvailable())('matmulWasm', () => {
  it.each([
    [1, 1, 1],
    [3, 5, 2],
    [8, 4, 4],
    [9, 7, 5],
    [20, 2, 400],
    [1, 5, 400],
    [17, 33, 13],
    [128, 64, 37],
    [7, 400, 20],
    [1, 400, 5],
    [10, 1797, 9],
  ])('is bit-identical to matmulNaive for m=%i, k=%i, n=%i, every transpose', (m, k, n) => {
    for (const options of cases) {
      const a = options.transposeA ? filled(k, m, m + 1) : filled(m, k, m + 1);
      const b = options.transposeB ? filled(n, k, n + 7) : filled(k, n, n + 7);
      const want = matmulNaive(a, b, new Matrix(m, n), options);
      const got = new Matrix(m, n).fill(NaN);
      expect(matmulWasm(a, b, got, options.transposeA === true, options.transposeB === true)).toBe(true);
      expect(got.equals(want)).toBe(true);
    }
  });

  it('writes zeros for an empty inner dimension and nothing for an empty output', () => {
    const zeros = new Matrix(3, 2).fill(NaN);
    expect(matmulWasm(new Matrix(3, 0), new Matrix(0, 2), zeros, false, false)).toBe(true);
    expect(zeros.toRows()).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(matmulWasm(new Matrix(0, 4), new Matrix(4, 2), new Matrix(0, 2), false, false)).toBe(true);
    expect(matmulWasm(new Matrix(3, 4), new Matrix(4, 0), new Matrix(3, 0), false, false)).toBe(true);
  });

  it('grows its memory for a larger product after a smaller one', () => {
    const small = filled(4, 4, 1);
    matmulWasm(small, small, new Matrix(4, 4), false, false);
    const a = filled(200, 300, 2);
    const b = filled(300, 150, 3);
    const got = new Matrix(200, 150);
    matmulWasm(a, b, got, false, false);
    expect(got.equals(matmulNaive(a, b, new Matrix(200, 150)))).toBe(true);
  });
});

// The typed backend sends most products to WebAssembly; its JavaScript kernel
// still runs for small shapes and where WebAssembly SIMD is missing, so it keeps
// its own check on shapes the dispatch would otherwise hide from it.
describe('matmulTypedJs (the fallback)', () => {
  it.each([
    [9, 7, 5],
    [17, 33, 13],
    [128, 64, 37],
  ])('is bit-identical to matmulNaive for m=%i, k=%i, n=%i, every transpose', (m, k, n) => {
    for (const options of cases) {
      const a = options.transposeA ? filled(k, m, m + 1) : filled(m, k, m + 1);
      const b = options.transposeB ? filled(n, k, n + 7) : filled(k, n, n + 7);
      const want = matmulNaive(a, b, new Matrix(m, n), options);
      const got = new Matrix(m, n).fill(NaN);
      matmulTypedJs(a, b, got, options.transposeA === true, options.transposeB === true);
      expect(got.equals(want)).toBe(true);
    }
  });
});

// The fused layer steps must give exactly the numbers of the separate kernels
// they replace, signed zeros and non-finite values included.
describe.skipIf(!wasmAvailable())('fused layer steps', () => {
  const sameBits = (got: Matrix, want: Matrix): boolean =>
    got.sameShape(want) && Array.from(got.data).every((v, i) => Object.is(v, want.data[i]));

  /** Values with both signs, exact zeros of both signs, and a few non-finite ones. */
  function awkward(rows: number, cols: number, seed: number): Matrix {
    const m = filled(rows, cols, seed);
    const specials = [0, -0, Infinity, -Infinity, NaN];
    for (let i = 0; i < m.data.length; i += 7) m.data[i] = specials[(i / 7) % specials.length]!;
    return m;
  }

  it.each([
    [1, 2, 3],
    [7, 20, 400],
    [20, 2, 37],
    [9, 5, 13],
    [128, 64, 101],
  ])('affineWasm is matmul + addColumnVector (+ relu.forward) for %i x %i by %i x ..', (m, k, n) => {
    const w = filled(m, k, 3);
    const a = awkward(k, n, 4);
    const bias = awkward(m, 1, 5);
    const z = matmulNaive(w, a, new Matrix(m, n));
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) z.data[i * n + j] = z.data[i * n + j]! + bias.data[i]!;
    const activated = relu.forward(z, new Matrix(m, n));

    const gotZ = new Matrix(m, n).fill(NaN);
    expect(affineWasm(w, a, bias, gotZ, null)).toBe(true);
    expect(sameBits(gotZ, z)).toBe(true);

    const gotZ2 = new Matrix(m, n).fill(NaN);
    const gotA = new Matrix(m, n).fill(NaN);
    expect(affineWasm(w, a, bias, gotZ2, gotA)).toBe(true);
    expect(sameBits(gotZ2, z)).toBe(true);
    expect(sameBits(gotA, activated)).toBe(true);
  });

  it.each([
    [2, 20, 400],
    [20, 7, 400],
    [5, 1, 13],
    [64, 128, 37],
  ])('backwardReluWasm is matmul (transposeA) + relu.backward for %i x %i by %i x ..', (m, k, n) => {
    const w = filled(k, m, 6); // out = wᵀ · dZ: w is k x m
    const dZ = awkward(k, n, 7);
    const zPrev = awkward(m, n, 8);
    const dA = matmulNaive(w, dZ, new Matrix(m, n), { transposeA: true });
    const want = relu.backward(dA, zPrev, relu.forward(zPrev, new Matrix(m, n)), new Matrix(m, n));
    const got = new Matrix(m, n).fill(NaN);
    expect(backwardReluWasm(w, dZ, zPrev, got)).toBe(true);
    expect(sameBits(got, want)).toBe(true);
  });
});

// Large products are cut into chunks of rows that worker threads share. Each
// entry is still summed whole by one thread, so any thread count gives the same
// bits; here the workers compute every chunk (the caller takes none), which
// proves they run the kernels on the shared memory correctly.
describe.skipIf(!wasmAvailable())('worker threads', () => {
  const kernelThreadsDefault = kernelThreads();
  const shapes: [number, number, number][] = [
    [128, 64, 1797], // digits layer 1 forward: chunks of rows, n not a multiple of the tile width
    [64, 1797, 127], // a dW-like product: long k
    [10, 64, 1797], // two panels of rows only
    [61, 203, 199], // a ragged last chunk
  ];

  it.each(shapes)('gives the same bits as one thread for m=%i, k=%i, n=%i, every kernel', async (m, k, n) => {
    setKernelThreads(2);
    expect(await kernelThreadsReady()).toBe(2);
    const results = (threads: number): Matrix[] => {
      setKernelThreads(threads);
      setCallerTakesChunks(threads === 1);
      const out: Matrix[] = [];
      for (const options of cases) {
        const a = options.transposeA ? filled(k, m, m + 1) : filled(m, k, m + 1);
        const b = options.transposeB ? filled(n, k, n + 7) : filled(k, n, n + 7);
        const got = new Matrix(m, n).fill(NaN);
        matmulWasm(a, b, got, options.transposeA === true, options.transposeB === true);
        out.push(got);
      }
      const w = filled(m, k, 3);
      const z = new Matrix(m, n).fill(NaN);
      const activated = new Matrix(m, n).fill(NaN);
      affineWasm(w, filled(k, n, 4), filled(m, 1, 5), z, activated);
      const masked = new Matrix(k, n).fill(NaN);
      backwardReluWasm(w, filled(m, n, 6), filled(k, n, 7), masked);
      return [...out, z, activated, masked];
    };
    try {
      const threaded = results(2);
      const single = results(1);
      expect(threaded.map((r, i) => r.equals(single[i]!))).toEqual(single.map(() => true));
      const a = filled(m, k, m + 1);
      const b = filled(k, n, n + 7);
      expect(single[0]!.equals(matmulNaive(a, b, new Matrix(m, n)))).toBe(true);
    } finally {
      setCallerTakesChunks(true);
      setKernelThreads(kernelThreadsDefault);
    }
  });

  it('refuses a thread count that is not a whole number >= 1', () => {
    expect(() => setKernelThreads(0)).toThrow(/setKernelThreads: expected a whole number >= 1, got 0/);
    expect(() => setKernelThreads(1.5)).toThrow(RangeError);
  });
});
