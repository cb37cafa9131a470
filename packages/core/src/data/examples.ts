import { type Matrix, ShapeError } from '../matrix.js';
import { describeKind, firstNonFinite, isMatrix } from '../validate.js';

// Checks of a data set as networks take it, examples as columns: X is features x examples,
// Y targets x examples. Messages start with `data:` and name the matrix, the place and what
// was expected. TypeError for what is not a Matrix (a plain array of rows), ShapeError for a
// wrong height or example count, RangeError for a NaN or infinite value. O(values): for
// entry points (a trainer's start, predict, cost), never for a per-step loop.

/**
 * Checks one side of a data set: `m` is a Matrix (not an array of rows), `rows` high, whose
 * values are all finite. `name` is how the caller calls it (`X`, `Y`) and `what` one of its
 * rows (`feature`, `target`): `data: X[2][7] (feature 2 of example 7) is NaN, expected a finite number`.
 */
export function assertExampleMatrix(name: string, m: unknown, rows: number, what = 'feature'): asserts m is Matrix {
  assertIsMatrix(name, m);
  assertRows(name, m, rows, what);
  assertFiniteExamples(name, m, what);
}

/**
 * Checks a training set: X (features x examples) and Y (targets x examples) are matrices of
 * those heights, with the same number of examples, at least one, and only finite values.
 */
export function assertExamples(X: unknown, Y: unknown, features: number, targets: number): asserts X is Matrix {
  assertIsMatrix('X', X);
  assertIsMatrix('Y', Y);
  assertRows('X', X, features, 'feature');
  assertRows('Y', Y, targets, 'target');
  if (X.cols !== Y.cols) throw new ShapeError(`data: X has ${X.cols} examples but Y has ${Y.cols}, expected one target column per example`);
  if (X.cols === 0) throw new ShapeError(`data: no examples (X is ${X.shape}), expected at least one column`);
  assertFiniteExamples('X', X, 'feature');
  assertFiniteExamples('Y', Y, 'target');
}

/** Plain arrays of rows have no .data, and every later message would mislead: refuse them by name. */
function assertIsMatrix(name: string, m: unknown): asserts m is Matrix {
  if (!isMatrix(m)) {
    throw new TypeError(`data: ${name} must be a Matrix with examples as columns (toColumns(rows) makes one), got ${describeKind(m)}`);
  }
}

function assertRows(name: string, m: Matrix, rows: number, what: string): void {
  if (m.rows !== rows) {
    throw new ShapeError(`data: ${name} is ${m.shape}, expected ${rows} row${rows === 1 ? '' : 's'} (${what}s x examples)`);
  }
}

/** A NaN or infinite input would only surface later as a NaN cost, far from its source: refuse it, naming the place. */
function assertFiniteExamples(name: string, m: Matrix, what: string): void {
  const i = firstNonFinite(m.data);
  if (i < 0) return;
  const row = Math.floor(i / m.cols);
  const col = i % m.cols;
  throw new RangeError(`data: ${name}[${row}][${col}] (${what} ${row} of example ${col}) is ${m.data[i]}, expected a finite number`);
}
