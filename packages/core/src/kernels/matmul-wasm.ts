import type { Matrix } from '../matrix.js';
import { wasmApi, type WasmMemory } from './wasm-api.js';
import { GEMM_EXPORTS, WASM_MAX_PAGES, WASM_MR as MR, WASM_NR as NR, gemmModuleBytes, type Epilogue } from './wasm-module.js';
import { CONTROL_BYTES, KernelThreads, MAX_CHUNKS, type Job, type KernelFunction } from './wasm-threads.js';

/**
 * out = op(a) · op(b) through the WebAssembly SIMD kernel (wasm-module.ts).
 *
 * op(a) is packed into the module's memory in panels of MR rows (a transposed
 * a is packed the other way round, never materialised), padded with zeros; b is
 * copied in as it is, or packed in panels of NR columns when transposed. For
 * a · bᵀ (the dW products) both are copied in as they are and read in place
 * (gemmNT). The module writes the m x n product as one block, copied to out in
 * one go.
 * Bit-for-bit the same as matmulNaive: every entry is summed over the inner
 * index from 0 in order, with separate multiplies and adds.
 *
 * Large products are cut into chunks of rows shared with worker threads
 * (wasm-threads.ts); each entry is still computed whole by one thread, so the
 * bits do not depend on the thread count.
 *
 * The caller checks the shapes (checkMatmul). Returns false, doing nothing,
 * where WebAssembly SIMD is unavailable or the product would need more than
 * 1 GiB of its memory, so the caller can fall back to its JavaScript kernel.
 */
export function matmulWasm(a: Matrix, b: Matrix, out: Matrix, transposeA: boolean, transposeB: boolean): boolean {
  return product(a, b, out, transposeA, transposeB, 'store', null, null);
}

/**
 * One layer's forward step: z = w·a + bias (bias n x 1 broadcast over the
 * columns) and, when reluOut is given, reluOut = relu(z), in one pass over
 * the tiles. The same numbers as matmul, addColumnVector and relu.forward in
 * turn (see Epilogue). Returns false, doing nothing, where the wasm kernel is
 * unavailable. Shapes are the caller's to check.
 */
export function affineWasm(w: Matrix, a: Matrix, bias: Matrix, z: Matrix, reluOut: Matrix | null): boolean {
  return product(w, a, z, false, false, reluOut === null ? 'bias' : 'biasRelu', bias, reluOut);
}

/**
 * One layer's backward step through a ReLU: out = (wᵀ·dZ) ⊙ relu'(zPrev), the
 * same numbers as matmul (transposeA) then relu.backward. Returns false, doing
 * nothing, where the wasm kernel is unavailable.
 */
export function backwardReluWasm(w: Matrix, dZ: Matrix, zPrev: Matrix, out: Matrix): boolean {
  return product(w, dZ, out, true, false, 'mask', null, zPrev);
}

/**
 * How many threads the WebAssembly kernel may use for one product, the calling
 * thread included (default: LOCKSTEP_THREADS when set, else the machine's
 * cores, at most 4). 1 keeps every product on the calling thread. The results
 * are the same bits for any count. No effect where the kernel is unavailable.
 */
export function setKernelThreads(count: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`setKernelThreads: expected a whole number >= 1, got ${count}`);
  }
  const gemm = loadGemm();
  if (gemm?.threads) gemm.threads.threads = count;
}

/** The thread count set for the WebAssembly kernel (1 where it cannot use workers). */
export function kernelThreads(): number {
  return loadGemm()?.threads?.threads ?? 1;
}

/**
 * For tests: starts the kernel's worker threads if they are not running and
 * resolves to the number of threads ready (the calling one included) once all
 * are up, or after `timeoutMs`.
 */
export async function kernelThreadsReady(timeoutMs = 10_000): Promise<number> {
  const threads = loadGemm()?.threads;
  if (!threads) return 1;
  const until = Date.now() + timeoutMs;
  while (threads.ready() < threads.threads && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  return threads.ready();
}

/** For tests: false leaves every chunk of a threaded product to the workers. */
export function setCallerTakesChunks(takes: boolean): void {
  const threads = loadGemm()?.threads;
  if (threads) threads.callerTakesChunks = takes;
}

/** Index of gemmNT among the kernel functions (the epilogue drivers come first). */
const FN_NT = 4;
/** Doubles at the start of the memory that hold the threads' control block. */
const BASE = CONTROL_BYTES / 8;
/** Products under this many flops (2·m·n·k) stay on the calling thread: waking a worker costs ~10-50 µs. */
const MIN_THREADED_FLOPS = 2e6;

/**
 * Rows per chunk (the chunk count is then ceil(m / rows)). One chunk (every
 * row) unless the product is large and workers are up; then about two chunks
 * per thread, whole panels of MR rows each, so a late or busy thread costs at
 * most a chunk's time.
 */
function chunkRows(gemm: Gemm, m: number, n: number, k: number): number {
  const panels = Math.ceil(m / MR);
  const threads = 2 * m * n * k >= MIN_THREADED_FLOPS && gemm.threads !== null ? gemm.threads.ready() : 1;
  if (threads === 1 || panels === 1) return panels * MR;
  return Math.ceil(panels / Math.min(panels, 2 * threads, MAX_CHUNKS)) * MR;
}

// One product's kernel arguments and job, filled in place: a training step
// makes a dozen products, and none of them allocates.
const ARGS: number[] = new Array<number>(11).fill(0);
const JOB: Job = { fn: 0, args: ARGS, count: 1, rows: 0, lastRows: 0, stepA: 0, stepC: 0, stepBias: 0 };

function setArgs(a: number, b: number, c: number, n: number, k: number, bStep: number, bPanel: number, ldc: number, bias: number, delta: number): void {
  ARGS[0] = a;
  ARGS[1] = b;
  ARGS[2] = c;
  ARGS[4] = n;
  ARGS[5] = k;
  ARGS[6] = bStep;
  ARGS[7] = bPanel;
  ARGS[8] = ldc;
  ARGS[9] = bias;
  ARGS[10] = delta;
}

/**
 * out = op(a)·op(b) finished by `epilogue`. `second` is the block the epilogue
 * reads (mask: Z) or writes (biasRelu: relu(z)), m x n like out.
 *
 * C is laid out chunk by chunk: chunk c's rows (R of them) start at
 * offsetC + c·stride, stride = R·n + NR, so the spill of a chunk's last row
 * (see gemmBody) lands in the gap before the next chunk, never on rows another
 * thread writes; the last chunk's padded rows fit in its stride too. With one
 * chunk this is the plain m x n block.
 */
function product(
  a: Matrix,
  b: Matrix,
  out: Matrix,
  transposeA: boolean,
  transposeB: boolean,
  epilogue: Epilogue,
  bias: Matrix | null,
  second: Matrix | null,
): boolean {
  const gemm = loadGemm();
  if (gemm === null) return false;
  const m = out.rows;
  const n = out.cols;
  if (m === 0 || n === 0) return true; // nothing to write (the gemm loops assume a panel)
  const k = transposeA ? a.rows : a.cols;
  const R = chunkRows(gemm, m, n, k);
  const count = Math.ceil(m / R);
  const stride = R * n + NR;
  const block = count * stride;
  if (!transposeA && transposeB && epilogue === 'store') {
    // A · Bᵀ with both row-major over k: both are copied in as they are and read in place.
    const offsetBt = BASE + m * k;
    const offsetCt = offsetBt + n * k;
    const heapNT = heapOfAtLeast(gemm, offsetCt + block);
    if (heapNT === null) return false;
    heapNT.set(a.data, BASE);
    heapNT.set(b.data, offsetBt);
    setArgs(BASE * 8, offsetBt * 8, offsetCt * 8, n, k, 0, 0, 0, 0, 0);
    run(gemm, FN_NT, R, count, m - (count - 1) * R, R * k * 8, stride * 8, 0);
    copyOut(gemm, offsetCt, stride, R, count, out);
    return true;
  }
  const mp = Math.ceil(m / MR) * MR;
  const np = Math.ceil(n / NR) * NR;
  const offsetB = BASE + mp * k;
  // Row-major B (k x n) is copied as it is and read in place; the last panel
  // may read up to NR - 1 values past its end (they only reach discarded columns).
  const offsetC = offsetB + np * k + NR;
  // Then the second block, laid out like C, then the bias padded to mp rows.
  const offsetSecond = offsetC + block;
  const offsetBias = offsetSecond + block;
  const heap = heapOfAtLeast(gemm, offsetBias + mp);
  if (heap === null) return false;
  packA(a.data, transposeA, m, k, heap, BASE);
  if (bias !== null) {
    heap.set(bias.data, offsetBias);
    heap.fill(0, offsetBias + m, offsetBias + mp);
  }
  if (epilogue === 'mask' && second !== null) copyIn(heap, second, offsetSecond, stride, R, count);
  const delta = (offsetSecond - offsetC) * 8;
  const fn = EPILOGUE_INDEX[epilogue];
  if (transposeB) {
    packB(b.data, k, n, heap, offsetB);
  } else {
    heap.set(b.data, offsetB);
    heap.fill(0, offsetB + k * n, offsetB + k * n + NR);
  }
  const bStep = transposeB ? 8 * NR : 8 * n;
  const bPanel = transposeB ? 8 * NR * k : 8 * NR;
  setArgs(BASE * 8, offsetB * 8, offsetC * 8, np, k, bStep, bPanel, 8 * n, offsetBias * 8, delta);
  run(gemm, fn, R, count, mp - (count - 1) * R, R * k * 8, stride * 8, R * 8);
  copyOut(gemm, offsetC, stride, R, count, out);
  if (epilogue === 'biasRelu' && second !== null) copyOut(gemm, offsetSecond, stride, R, count, second);
  return true;
}

/** Runs one product (its arguments in ARGS): on this thread when it is one chunk, else shared with the workers. */
function run(
  gemm: Gemm,
  fn: number,
  rows: number,
  count: number,
  lastRows: number,
  stepA: number,
  stepC: number,
  stepBias: number,
): void {
  if (count === 1) {
    const a = ARGS;
    gemm.fns[fn]!(a[0]!, a[1]!, a[2]!, lastRows, a[4]!, a[5]!, a[6]!, a[7]!, a[8]!, a[9]!, a[10]!);
    return;
  }
  JOB.fn = fn;
  JOB.count = count;
  JOB.rows = rows;
  JOB.lastRows = lastRows;
  JOB.stepA = stepA;
  JOB.stepC = stepC;
  JOB.stepBias = stepBias;
  gemm.threads!.run(JOB);
}

/** src (m x n) into the chunked layout at `offset`, each chunk's padded rows zeroed. */
function copyIn(heap: Float64Array, src: Matrix, offset: number, stride: number, rows: number, count: number): void {
  const n = src.cols;
  if (count === 1) {
    // The usual case, without a subarray view (an allocation) of src.
    heap.set(src.data, offset);
    heap.fill(0, offset + src.data.length, offset + stride);
    return;
  }
  for (let c = 0; c < count; c++) {
    const first = c * rows;
    const valid = Math.min(rows, src.rows - first) * n;
    const at = offset + c * stride;
    heap.set(src.data.subarray(first * n, first * n + valid), at);
    heap.fill(0, at + valid, at + stride);
  }
}

/** The chunked block at `offset` out to dst (m x n), one copy per chunk. */
function copyOut(gemm: Gemm, offset: number, stride: number, rows: number, count: number, dst: Matrix): void {
  const n = dst.cols;
  for (let c = 0; c < count; c++) {
    const first = c * rows;
    const valid = Math.min(rows, dst.rows - first) * n;
    dst.data.set(view(gemm, offset + c * stride, valid), first * n);
  }
}

const EPILOGUE_INDEX: Readonly<Record<Epilogue, number>> = { store: 0, bias: 1, biasRelu: 2, mask: 3 };

interface Gemm {
  /** The epilogue drivers in EPILOGUE_INDEX order, then gemmNT (FN_NT). */
  fns: KernelFunction[];
  memory: WasmMemory;
  /** null where the memory cannot be shared (no SharedArrayBuffer): one thread only. */
  threads: KernelThreads | null;
  /** A view of the memory, made again whenever the memory grows. */
  heap: Float64Array;
  /**
   * Views of result blocks by offset, then length, so copying a result out
   * allocates nothing after the first time. (Two small-integer keys: one
   * combined key above 2^31 would be a heap number, allocated on every lookup.)
   */
  views: Map<number, Map<number, Float64Array>>;
}

/** heap[offset, offset + length) as a view, made once per position and kept until the memory grows. */
function view(gemm: Gemm, offset: number, length: number): Float64Array {
  let byLength = gemm.views.get(offset);
  if (byLength === undefined) {
    if (gemm.views.size >= 256) gemm.views.clear(); // many shapes: keep the cache small
    byLength = new Map();
    gemm.views.set(offset, byLength);
  }
  let v = byLength.get(length);
  if (v === undefined) {
    v = gemm.heap.subarray(offset, offset + length);
    byLength.set(length, v);
  }
  return v;
}

/** undefined: not tried yet; null: this engine cannot run the module. */
let gemmInstance: Gemm | null | undefined;

function loadGemm(): Gemm | null {
  if (gemmInstance === undefined) gemmInstance = instantiate(true) ?? instantiate(false);
  return gemmInstance;
}

/** The module on a new memory, shared (for worker threads) or not; null where the engine refuses it. */
function instantiate(shared: boolean): Gemm | null {
  if (wasmApi === undefined) return null;
  try {
    const memory = new wasmApi.Memory({ initial: 1, maximum: WASM_MAX_PAGES, shared });
    const module = new wasmApi.Module(gemmModuleBytes(shared));
    const instance = new wasmApi.Instance(module, { env: { memory } });
    const names = [...(['store', 'bias', 'biasRelu', 'mask'] as const).map((e) => GEMM_EXPORTS[e]), 'gemmNT'];
    const fns = names.map((name) => instance.exports[name] as KernelFunction);
    const threads = shared ? new KernelThreads(memory, module, names, fns) : null;
    return { fns, memory, threads, heap: new Float64Array(memory.buffer), views: new Map() };
  } catch {
    return null;
  }
}

/** True when the WebAssembly SIMD kernel can run here (V8 in Node 16.4+ and current browsers). */
export function wasmAvailable(): boolean {
  return loadGemm() !== null;
}

/** Products needing more than this many values (1 GiB) stay in JavaScript: byte offsets must fit an i32. */
const MAX_VALUES = (WASM_MAX_PAGES * 65536) / 8;

/** The memory as a view of at least `values` doubles, grown if needed; null when it cannot grow that far. */
function heapOfAtLeast(gemm: Gemm, values: number): Float64Array | null {
  if (gemm.heap.length < values) {
    if (values > MAX_VALUES) return null;
    const pageValues = 65536 / 8;
    const pages = Math.ceil((values - gemm.heap.length) / pageValues);
    try {
      gemm.memory.grow(pages);
    } catch {
      return null; // the engine refused the memory: the caller falls back to JavaScript
    }
    gemm.heap = new Float64Array(gemm.memory.buffer);
    gemm.views.clear();
  }
  return gemm.heap;
}

/**
 * heap[offset + i0·k + p·MR + r] = op(a)[i0 + r][p] for the panel starting at
 * row i0; rows past m are zero.
 */
function packA(a: Float64Array, transposed: boolean, m: number, k: number, heap: Float64Array, offset: number): void {
  for (let i0 = 0; i0 < m; i0 += MR) {
    const base = offset + i0 * k;
    const rows = Math.min(MR, m - i0);
    // A partial panel: zero it in one native fill, then write the rows it has.
    if (rows < MR) heap.fill(0, base, base + MR * k);
    if (transposed) {
      // a is k x m: row p of a holds column p of op(a).
      for (let p = 0; p < k; p++) {
        const src = p * m + i0;
        const dst = base + p * MR;
        for (let r = 0; r < rows; r++) heap[dst + r] = a[src + r]!;
      }
    } else if (rows === 4 && MR === 4) {
      // A full panel: walk its four rows side by side, so the writes are contiguous.
      const s0 = i0 * k, s1 = s0 + k, s2 = s1 + k, s3 = s2 + k;
      for (let p = 0, d = base; p < k; p++, d += 4) {
        heap[d] = a[s0 + p]!;
        heap[d + 1] = a[s1 + p]!;
        heap[d + 2] = a[s2 + p]!;
        heap[d + 3] = a[s3 + p]!;
      }
    } else {
      for (let r = 0; r < rows; r++) {
        const src = (i0 + r) * k;
        let dst = base + r;
        for (let p = 0; p < k; p++, dst += MR) heap[dst] = a[src + p]!;
      }
    }
  }
}

/**
 * For a transposed b (n x k): heap[offset + j0·k + p·NR + c] = b[j0 + c][p] for
 * the panel starting at column j0 of op(b); columns past n are zero.
 */
function packB(b: Float64Array, k: number, n: number, heap: Float64Array, offset: number): void {
  for (let j0 = 0; j0 < n; j0 += NR) {
    const base = offset + j0 * k;
    const cols = Math.min(NR, n - j0);
    if (cols === 4 && NR === 4) {
      // A full panel: walk its four rows of b side by side, so the writes are contiguous.
      const s0 = j0 * k, s1 = s0 + k, s2 = s1 + k, s3 = s2 + k;
      for (let p = 0, d = base; p < k; p++, d += 4) {
        heap[d] = b[s0 + p]!;
        heap[d + 1] = b[s1 + p]!;
        heap[d + 2] = b[s2 + p]!;
        heap[d + 3] = b[s3 + p]!;
      }
      continue;
    }
    heap.fill(0, base, base + NR * k); // a partial panel: zeros first, then its columns
    for (let c = 0; c < cols; c++) {
      const src = (j0 + c) * k;
      let dst = base + c;
      for (let p = 0; p < k; p++, dst += NR) heap[dst] = b[src + p]!;
    }
  }
}
