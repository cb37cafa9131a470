import type { MatmulOptions } from '../backend.js';
import { type Matrix, ShapeError, assertSameShape, assertShape } from '../matrix.js';

/** The dimensions of op(a) · op(b): op(a) is m x k, op(b) is k x n. */
export interface MatmulDims {
  m: number;
  k: number;
  n: number;
  transposeA: boolean;
  transposeB: boolean;
}

/** `3x4` for a plain operand, `4x3ᵀ` for the transpose of a 4x3 matrix. */
function describe(x: Matrix, transposed: boolean): string {
  return transposed ? `${x.shape}ᵀ` : x.shape;
}

/** True when two matrices' values occupy overlapping memory. */
export function sharesMemory(x: Matrix, y: Matrix): boolean {
  if (x.data.buffer !== y.data.buffer) return false;
  const xStart = x.data.byteOffset;
  const yStart = y.data.byteOffset;
  return xStart < yStart + y.data.byteLength && yStart < xStart + x.data.byteLength;
}

/**
 * Checks everything both backends (and the naive loop) require of a matmul call
 * and returns its dimensions. Every backend runs the same checks, so a misuse
 * fails the same way whichever one is plugged in.
 */
export function checkMatmul(a: Matrix, b: Matrix, out: Matrix, options: MatmulOptions = {}): MatmulDims {
  const transposeA = options.transposeA === true;
  const transposeB = options.transposeB === true;
  const m = transposeA ? a.cols : a.rows;
  const k = transposeA ? a.rows : a.cols;
  const kb = transposeB ? b.cols : b.rows;
  const n = transposeB ? b.rows : b.cols;
  const product = `${describe(a, transposeA)} by ${describe(b, transposeB)}`;
  if (k !== kb) {
    throw new ShapeError(`matmul: cannot multiply ${product} (inner dimensions ${k} and ${kb} differ)`);
  }
  if (out.rows !== m || out.cols !== n) {
    throw new ShapeError(`matmul: output is ${out.shape}, expected ${m}x${n} for ${product}`);
  }
  // Writing the product over an operand would corrupt it while it is still being read.
  if (sharesMemory(out, a) || sharesMemory(out, b)) {
    const which = sharesMemory(out, a) ? 'a' : 'b';
    throw new Error(`matmul: out (${out.shape}) shares memory with ${which}; pass a separate output matrix`);
  }
  return { m, k, n, transposeA, transposeB };
}

/** a, b and out all the same shape (out may be a or b itself). */
export function checkElementwise(op: string, a: Matrix, b: Matrix, out: Matrix): void {
  assertSameShape(op, a, b);
  assertShape(op, out, a.rows, a.cols);
}

/** out the same shape as a (out may be a itself). */
export function checkUnary(op: string, a: Matrix, out: Matrix): void {
  assertShape(op, out, a.rows, a.cols);
}

export function checkAddColumnVector(a: Matrix, bias: Matrix, out: Matrix): void {
  if (bias.rows !== a.rows || bias.cols !== 1) {
    throw new ShapeError(`addColumnVector: bias is ${bias.shape}, expected ${a.rows}x1 to add to ${a.shape}`);
  }
  assertShape('addColumnVector', out, a.rows, a.cols);
}

export function checkRowSums(a: Matrix, out: Matrix): void {
  if (out.rows !== a.rows || out.cols !== 1) {
    throw new ShapeError(`rowSums: output is ${out.shape}, expected ${a.rows}x1 for the row sums of ${a.shape}`);
  }
}

export function checkColSums(a: Matrix, out: Matrix): void {
  if (out.rows !== 1 || out.cols !== a.cols) {
    throw new ShapeError(`colSums: output is ${out.shape}, expected 1x${a.cols} for the column sums of ${a.shape}`);
  }
}
