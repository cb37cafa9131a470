import { ShapeError } from '../matrix.js';
import { DataError } from './data-error.js';

/** Per-column centring and scaling learned from one set of rows, applicable to any other. */
export interface Standardizer {
  /** Column means of the rows it was fitted on. */
  mean: number[];
  /** Column population standard deviations (ddof 0) of the rows it was fitted on. */
  std: number[];
  /** Returns new rows `(x - mean) / std`; a column whose std is 0 is only centred. */
  apply(features: readonly (readonly number[])[]): number[][];
}

/**
 * Fits per-column mean and population standard deviation (divide by m, ddof 0, as numpy's
 * default and the conformance vectors use). The mean is computed first (and corrected by the
 * mean of its residuals), then the squared deviations from it, so the variance never suffers
 * the cancellation of the one-pass E[x²] - E[x]² formula.
 *
 * A constant column has std 0: `apply` leaves it centred (all zeros on the fitted set) and
 * does not divide, instead of producing NaN. `std` still reports 0 for it.
 */
export function fitStandardizer(features: readonly (readonly number[])[]): Standardizer {
  const m = features.length;
  if (m === 0) throw new DataError('fitStandardizer: no rows to fit, expected at least one');
  const n = features[0]!.length;
  checkWidth('fitStandardizer', features, n);

  const mean = new Array<number>(n).fill(0);
  for (const row of features) for (let j = 0; j < n; j++) mean[j]! += row[j]!;
  for (let j = 0; j < n; j++) mean[j]! /= m;
  // One correction pass: the mean of the residuals removes most of the rounding error of
  // the first sum when the values share a large offset.
  const correction = new Array<number>(n).fill(0);
  for (const row of features) for (let j = 0; j < n; j++) correction[j]! += row[j]! - mean[j]!;
  for (let j = 0; j < n; j++) mean[j]! += correction[j]! / m;

  const std = new Array<number>(n).fill(0);
  for (const row of features) {
    for (let j = 0; j < n; j++) {
      const d = row[j]! - mean[j]!;
      std[j]! += d * d;
    }
  }
  for (let j = 0; j < n; j++) std[j] = Math.sqrt(std[j]! / m);

  return {
    mean,
    std,
    apply(rows) {
      checkWidth('Standardizer.apply', rows, n);
      return rows.map((row) =>
        row.map((x, j) => {
          const centred = x - mean[j]!;
          return std[j] === 0 ? centred : centred / std[j]!;
        }),
      );
    },
  };
}

function checkWidth(op: string, rows: readonly (readonly number[])[], n: number): void {
  rows.forEach((row, i) => {
    if (row.length !== n) {
      throw new ShapeError(`${op}: row ${i} has ${row.length} values, expected ${n}`);
    }
  });
}
