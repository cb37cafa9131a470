import type { Matrix } from '../matrix.js';
import { WASM_MR, WASM_NR } from './wasm-module.js';
import { matmulWasm } from './matmul-wasm.js';

/**
 * The fast matmul of the typed backend: out = op(a) · op(b) on row-major float64 data.
 *
 * op(a) is copied ("packed") into panels of MR rows and op(b) into panels of NR
 * columns, both laid out so that step p of the inner product reads MR (or NR)
 * neighbouring values. A transposed operand is handled by packing it the other
 * way round, so no transpose is ever materialised, and every inner loop walks
 * one contiguous scratch array. A micro-kernel then computes an MR x NR tile
 * of out in eight local accumulators.
 *
 * Why 4x2 and not 4x4: V8 (Node 20) hoists every load of an iteration to its top,
 * so loaded values and accumulators are live together; 4x2 with the loop
 * unrolled twice was the fastest of the shapes measured (4x4, 2x4, 3x3, 4x8,
 * 8x8, with and without unrolling and cache blocking over k). Bigger tiles spill
 * accumulators to the stack, and each typed-array load costs about six
 * instructions (bounds check, index arithmetic), so fewer loads per flop stop
 * paying off. Cache blocking (over k, or over the rows of op(a)) did not help
 * at the sizes this library trains, up to 784x256x128, so there is none.
 *
 * Summation order: every entry of out is accumulated from 0 in increasing order
 * of the inner index, exactly like the naive triple loop, so the results are
 * bit-for-bit those of `matmulNaive` (JavaScript does not fuse multiply-adds).
 * The tests hold it to that; a future reordering would only need ~1e-12 relative.
 */

/**
 * The WebAssembly SIMD kernel (matmul-wasm.ts, same summation order, so the
 * same bits) does about five times the work per second of this file's kernel,
 * so it wins unless its 4x4 tiles are mostly padding. Measured on the seed and
 * digits products: it wins even at k = 1 or 2, n = 2, and a 1 x 400 output
 * (4x padding with 4 x 4 tiles); it lost on 1x400 · 400x5 (a 1 x 5 output, 8x padded with the
 * earlier 8 x 4 tiles).
 */
export function worthWasm(m: number, n: number): boolean {
  const padded = Math.ceil(m / WASM_MR) * WASM_MR * Math.ceil(n / WASM_NR) * WASM_NR;
  return padded <= 8 * m * n;
}

/** Rows of op(a) per micro-tile. */
const MR = 4;
/** Columns of op(b) per micro-tile. */
const NR = 2;

/** Packed panels of op(a), then of op(b). Grows when a product needs more room, never shrinks. */
let scratch = new Float64Array(0);
/** A partial tile at the right or bottom edge is computed here in full, then its valid part copied out. */
const edgeTile = new Float64Array(MR * NR);

/**
 * out = op(a) · op(b). Shapes and aliasing must already be checked (see assertMatmul):
 * this only computes.
 */
export function matmulTyped(a: Matrix, b: Matrix, out: Matrix, transposeA: boolean, transposeB: boolean): void {
  if (worthWasm(out.rows, out.cols) && matmulWasm(a, b, out, transposeA, transposeB)) return;
  matmulTypedJs(a, b, out, transposeA, transposeB);
}

/** The JavaScript kernel alone: what runs for small shapes, and wherever WebAssembly SIMD is missing. */
export function matmulTypedJs(a: Matrix, b: Matrix, out: Matrix, transposeA: boolean, transposeB: boolean): void {
  const m = out.rows;
  const n = out.cols;
  const k = transposeA ? a.rows : a.cols;
  if (m === 0 || n === 0) return;
  if (m < MR) {
    matmulFewRows(a.data, b.data, out.data, m, k, n, transposeA, transposeB);
    return;
  }
  const panelsA = Math.ceil(m / MR);
  const panelsB = Math.ceil(n / NR);
  const offsetB = panelsA * MR * k;
  const needed = offsetB + panelsB * NR * k;
  if (scratch.length < needed) scratch = new Float64Array(needed);
  const packed = scratch;
  packA(a.data, transposeA, m, k, packed);
  packB(b.data, transposeB, k, n, packed, offsetB);
  const c = out.data;

  // Columns outer: one NR-wide panel of op(b) stays in L1 while the panels of op(a) stream past it.
  for (let jp = 0; jp < panelsB; jp++) {
    const j0 = jp * NR;
    const cols = Math.min(NR, n - j0);
    const ib = offsetB + jp * NR * k;
    for (let ip = 0; ip < panelsA; ip++) {
      const i0 = ip * MR;
      const rows = Math.min(MR, m - i0);
      const ia = ip * MR * k;
      if (rows === MR && cols === NR) {
        kernel4x2(packed, ia, ib, k, c, i0 * n + j0, n);
      } else {
        kernel4x2(packed, ia, ib, k, edgeTile, 0, NR);
        for (let r = 0; r < rows; r++) {
          for (let j = 0; j < cols; j++) c[(i0 + r) * n + j0 + j] = edgeTile[r * NR + j]!;
        }
      }
    }
  }
}

/**
 * op(a) with fewer than MR rows (an output layer of one or two units): a 4-row tile
 * would be mostly padding, so loop directly. Each entry still sums from 0 in
 * order of p. Without transposeB, the rows of b are added into the output row
 * (contiguous reads and writes); with it, each entry is a dot product of two
 * contiguous runs when a is not transposed (a transposed a has under MR columns).
 */
function matmulFewRows(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  m: number,
  k: number,
  n: number,
  transposeA: boolean,
  transposeB: boolean,
): void {
  // op(a)[i][p] = a[i·strideI + p·strideP]
  const strideI = transposeA ? 1 : k;
  const strideP = transposeA ? m : 1;
  for (let i = 0; i < m; i++) {
    const row = i * n;
    const ai = i * strideI;
    if (transposeB) {
      // b is n x k: op(b)[p][j] = b[j·k + p]
      for (let j = 0; j < n; j++) {
        const bj = j * k;
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[ai + p * strideP]! * b[bj + p]!;
        out[row + j] = sum;
      }
    } else {
      out.fill(0, row, row + n);
      for (let p = 0; p < k; p++) {
        const av = a[ai + p * strideP]!;
        const bp = p * n;
        for (let j = 0; j < n; j++) out[row + j] = out[row + j]! + av * b[bp + j]!;
      }
    }
  }
}

/**
 * packed[i0·k + p·MR + r] = op(a)[i0 + r][p] for each panel starting at row i0.
 * Rows past m only feed tile rows that are never copied out; they are zeroed
 * anyway so stale scratch values (say, slow denormals) never enter the loop.
 */
function packA(a: Float64Array, transposed: boolean, m: number, k: number, packed: Float64Array): void {
  for (let i0 = 0; i0 < m; i0 += MR) {
    const base = i0 * k;
    const rows = Math.min(MR, m - i0);
    if (transposed) {
      // a is k x m: row p of a holds column p of op(a), so read it MR values at a time.
      for (let p = 0; p < k; p++) {
        const src = p * m + i0;
        const dst = base + p * MR;
        for (let r = 0; r < rows; r++) packed[dst + r] = a[src + r]!;
      }
    } else {
      for (let r = 0; r < rows; r++) {
        const src = (i0 + r) * k;
        let dst = base + r;
        for (let p = 0; p < k; p++, dst += MR) packed[dst] = a[src + p]!;
      }
    }
    for (let r = rows; r < MR; r++) {
      let dst = base + r;
      for (let p = 0; p < k; p++, dst += MR) packed[dst] = 0;
    }
  }
}

/**
 * packed[offset + j0·k + p·NR + c] = op(b)[p][j0 + c] for each panel starting at
 * column j0; columns past n are zero.
 */
function packB(b: Float64Array, transposed: boolean, k: number, n: number, packed: Float64Array, offset: number): void {
  for (let j0 = 0; j0 < n; j0 += NR) {
    const base = offset + j0 * k;
    const cols = Math.min(NR, n - j0);
    if (transposed) {
      // b is n x k: row j of b is column j of op(b).
      for (let c = 0; c < cols; c++) {
        const src = (j0 + c) * k;
        let dst = base + c;
        for (let p = 0; p < k; p++, dst += NR) packed[dst] = b[src + p]!;
      }
    } else {
      for (let p = 0; p < k; p++) {
        const src = p * n + j0;
        const dst = base + p * NR;
        for (let c = 0; c < cols; c++) packed[dst + c] = b[src + c]!;
      }
    }
    for (let c = cols; c < NR; c++) {
      let dst = base + c;
      for (let p = 0; p < k; p++, dst += NR) packed[dst] = 0;
    }
  }
}

/**
 * One 4x2 tile: out[o + r·ldo + c] = Σ_p packed[ia + p·4 + r] · packed[ib + p·2 + c].
 * Both panels live in the one scratch array, so V8 checks one array per
 * iteration instead of two. `(x + d) | 0` spares V8 an overflow check per load.
 * The loop takes two steps of p at a time; an odd k finishes with one more.
 */
function kernel4x2(packed: Float64Array, ia: number, ib: number, k: number, out: Float64Array, o: number, ldo: number): void {
  let c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
  const pairsEnd = ia + 4 * (k - (k & 1));
  for (; ia < pairsEnd; ia += 8, ib += 4) {
    const b0 = packed[ib]!;
    const b1 = packed[(ib + 1) | 0]!;
    let av = packed[ia]!;
    c00 += av * b0;
    c01 += av * b1;
    av = packed[(ia + 1) | 0]!;
    c10 += av * b0;
    c11 += av * b1;
    av = packed[(ia + 2) | 0]!;
    c20 += av * b0;
    c21 += av * b1;
    av = packed[(ia + 3) | 0]!;
    c30 += av * b0;
    c31 += av * b1;
    const b2 = packed[(ib + 2) | 0]!;
    const b3 = packed[(ib + 3) | 0]!;
    av = packed[(ia + 4) | 0]!;
    c00 += av * b2;
    c01 += av * b3;
    av = packed[(ia + 5) | 0]!;
    c10 += av * b2;
    c11 += av * b3;
    av = packed[(ia + 6) | 0]!;
    c20 += av * b2;
    c21 += av * b3;
    av = packed[(ia + 7) | 0]!;
    c30 += av * b2;
    c31 += av * b3;
  }
  if ((k & 1) !== 0) {
    const b0 = packed[ib]!;
    const b1 = packed[ib + 1]!;
    let av = packed[ia]!;
    c00 += av * b0;
    c01 += av * b1;
    av = packed[ia + 1]!;
    c10 += av * b0;
    c11 += av * b1;
    av = packed[ia + 2]!;
    c20 += av * b0;
    c21 += av * b1;
    av = packed[ia + 3]!;
    c30 += av * b0;
    c31 += av * b1;
  }
  out[o] = c00;
  out[o + 1] = c01;
  o += ldo;
  out[o] = c10;
  out[o + 1] = c11;
  o += ldo;
  out[o] = c20;
  out[o + 1] = c21;
  o += ldo;
  out[o] = c30;
  out[o + 1] = c31;
}
