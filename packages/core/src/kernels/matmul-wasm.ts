import type { Matrix } from '../matrix.js';
import { GEMM_EXPORTS, WASM_MR as MR, WASM_NR as NR, gemmModuleBytes, type Epilogue } from './wasm-module.js';

// The few pieces of the WebAssembly JavaScript API used here: Node and browsers
// have them, but this project's lib (ES2023 + node types) does not declare them.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

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
 * out = op(a)·op(b) finished by `epilogue`. `second` is the block the epilogue
 * reads (mask: Z) or writes (biasRelu: relu(z)), m x n like out.
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
  const mp = Math.ceil(m / MR) * MR;
  if (!transposeA && transposeB && epilogue === 'store') {
    // A · Bᵀ with both row-major over k: both are copied in as they are and read in place.
    const offsetBt = m * k;
    const offsetCt = offsetBt + n * k;
    const heapNT = heapOfAtLeast(gemm, offsetCt + mp * n + NR);
    if (heapNT === null) return false;
    heapNT.set(a.data, 0);
    heapNT.set(b.data, offsetBt);
    gemm.runNT(0, offsetBt * 8, offsetCt * 8, m, n, k);
    out.data.set(view(gemm, offsetCt, m * n));
    return true;
  }
  const np = Math.ceil(n / NR) * NR;
  const offsetB = mp * k;
  // Row-major B (k x n) is copied as it is and read in place; the last panel
  // may read up to NR - 1 values past its end (they only reach discarded columns).
  const offsetC = offsetB + np * k + NR;
  // C is m x n row-major (see gemmBody), plus the padded rows and the last row's spill;
  // then the second block, laid out the same way, then the bias padded to mp rows.
  const block = mp * n + NR;
  const offsetSecond = offsetC + block;
  const offsetBias = offsetSecond + block;
  const heap = heapOfAtLeast(gemm, offsetBias + mp);
  if (heap === null) return false;
  packA(a.data, transposeA, m, k, heap);
  if (bias !== null) {
    heap.set(bias.data, offsetBias);
    heap.fill(0, offsetBias + m, offsetBias + mp);
  }
  if (epilogue === 'mask' && second !== null) {
    heap.set(second.data, offsetSecond);
    heap.fill(0, offsetSecond + m * n, offsetSecond + block);
  }
  const run = gemm.drivers[epilogue];
  const delta = (offsetSecond - offsetC) * 8;
  if (transposeB) {
    packB(b.data, k, n, heap, offsetB);
    run(0, offsetB * 8, offsetC * 8, mp, np, k, 8 * NR, 8 * NR * k, 8 * n, offsetBias * 8, delta);
  } else {
    heap.set(b.data, offsetB);
    heap.fill(0, offsetB + k * n, offsetB + k * n + NR);
    run(0, offsetB * 8, offsetC * 8, mp, np, k, 8 * n, 8 * NR, 8 * n, offsetBias * 8, delta);
  }
  out.data.set(view(gemm, offsetC, m * n));
  if (epilogue === 'biasRelu' && second !== null) second.data.set(view(gemm, offsetSecond, m * n));
  return true;
}

type Driver = (
  ap: number,
  bp: number,
  cp: number,
  mp: number,
  np: number,
  k: number,
  bStep: number,
  bPanel: number,
  ldc: number,
  bias: number,
  delta: number,
) => void;

interface Gemm {
  drivers: Record<Epilogue, Driver>;
  runNT: (a: number, b: number, cp: number, m: number, n: number, k: number) => void;
  memory: WasmMemory;
  /** A view of the memory, made again whenever the memory grows (growing detaches the old one). */
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
  if (gemmInstance === undefined) {
    try {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(gemmModuleBytes()));
      const memory = instance.exports['memory'] as WasmMemory;
      const driver = (e: Epilogue): Driver => instance.exports[GEMM_EXPORTS[e]] as Driver;
      const drivers = { store: driver('store'), bias: driver('bias'), biasRelu: driver('biasRelu'), mask: driver('mask') };
      const runNT = instance.exports['gemmNT'] as Gemm['runNT'];
      gemmInstance = { drivers, runNT, memory, heap: new Float64Array(memory.buffer), views: new Map() };
    } catch {
      gemmInstance = null;
    }
  }
  return gemmInstance;
}

/** True when the WebAssembly SIMD kernel can run here (V8 in Node 16.4+ and current browsers). */
export function wasmAvailable(): boolean {
  return loadGemm() !== null;
}

/** Products needing more than this many values (1 GiB) stay in JavaScript: byte offsets must fit an i32. */
const MAX_VALUES = 2 ** 27;

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
 * heap[i0·k + p·MR + r] = op(a)[i0 + r][p] for the panel starting at row i0;
 * rows past m are zero.
 */
function packA(a: Float64Array, transposed: boolean, m: number, k: number, heap: Float64Array): void {
  for (let i0 = 0; i0 < m; i0 += MR) {
    const base = i0 * k;
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
