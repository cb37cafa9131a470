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
 * Checks everything both backends (and the naive loop) require of
 * out = op(a) · op(b): inner dimensions that agree, an output of the product's
 * shape, and an output that does not overlap an operand. Every backend runs
 * these same checks, so a misuse fails the same way whichever one is plugged in.
 * Allocates nothing unless it throws (the form for hot paths).
 */
export function assertMatmul(a: Matrix, b: Matrix, out: Matrix, transposeA: boolean, transposeB: boolean): void {
  const m = transposeA ? a.cols : a.rows;
  const k = transposeA ? a.rows : a.cols;
  const kb = transposeB ? b.cols : b.rows;
  const n = transposeB ? b.rows : b.cols;
  if (k !== kb) {
    throw new ShapeError(
      `matmul: cannot multiply ${describe(a, transposeA)} by ${describe(b, transposeB)} (inner dimensions ${k} and ${kb} differ)`,
    );
  }
  if (out.rows !== m || out.cols !== n) {
    throw new ShapeError(
      `matmul: output is ${out.shape}, expected ${m}x${n} for ${describe(a, transposeA)} by ${describe(b, transposeB)}`,
    );
  }
  // Writing the product over an operand would corrupt it while it is still being read.
  if (sharesMemory(out, a) || sharesMemory(out, b)) {
    const which = sharesMemory(out, a) ? 'a' : 'b';
    throw new Error(`matmul: out (${out.shape}) shares memory with ${which}; pass a separate output matrix`);
  }
}

/** The checks of assertMatmul, returning the product's dimensions. */
export function checkMatmul(a: Matrix, b: Matrix, out: Matrix, options: MatmulOptions = {}): MatmulDims {
  const transposeA = options.transposeA === true;
  const transposeB = options.transposeB === true;
  assertMatmul(a, b, out, transposeA, transposeB);
  return { m: out.rows, k: transposeA ? a.rows : a.cols, n: out.cols, transposeA, transposeB };
}

/**
 * For the ops that may write over an input: out must be that input itself or
 * disjoint from it. A partial overlap (two views of one buffer at different
 * offsets) would let a write land on a value not yet read.
 */
function checkOverlap(op: string, out: Matrix, input: Matrix, name: string): void {
  if (!sharesMemory(out, input)) return;
  if (out.data.byteOffset === input.data.byteOffset && out.data.length === input.data.length) return;
  throw new Error(`${op}: out (${out.shape}) partly overlaps ${name} (${input.shape}); pass ${name} itself or a separate matrix`);
}

/** a, b and out all the same shape; out may be a or b itself. */
export function checkElementwise(op: string, a: Matrix, b: Matrix, out: Matrix): void {
  assertSameShape(op, a, b);
  assertShape(op, out, a.rows, a.cols);
  checkOverlap(op, out, a, 'a');
  checkOverlap(op, out, b, 'b');
}

/** out the same shape as a; out may be a itself. */
export function checkUnary(op: string, a: Matrix, out: Matrix): void {
  assertShape(op, out, a.rows, a.cols);
  checkOverlap(op, out, a, 'a');
}

export function checkAddColumnVector(a: Matrix, bias: Matrix, out: Matrix): void {
  if (bias.rows !== a.rows || bias.cols !== 1) {
    throw new ShapeError(`addColumnVector: bias is ${bias.shape}, expected ${a.rows}x1 to add to ${a.shape}`);
  }
  assertShape('addColumnVector', out, a.rows, a.cols);
  checkOverlap('addColumnVector', out, a, 'a');
  checkOverlap('addColumnVector', out, bias, 'bias');
}

export function checkRowSums(a: Matrix, out: Matrix): void {
  if (out.rows !== a.rows || out.cols !== 1) {
    throw new ShapeError(`rowSums: output is ${out.shape}, expected ${a.rows}x1 for the row sums of ${a.shape}`);
  }
  checkOverlap('rowSums', out, a, 'a');
}

export function checkColSums(a: Matrix, out: Matrix): void {
  if (out.rows !== 1 || out.cols !== a.cols) {
    throw new ShapeError(`colSums: output is ${out.shape}, expected 1x${a.cols} for the column sums of ${a.shape}`);
  }
  checkOverlap('colSums', out, a, 'a');
}
