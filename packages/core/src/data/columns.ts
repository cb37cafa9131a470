import { Matrix, ShapeError } from '../matrix.js';

/**
 * Examples as columns, the layout networks use (A0 = Xᵀ): m rows of n values become an
 * n x m Matrix whose column i is example i. Zero rows give a 0 x 0 matrix.
 */
export function toColumns(rows: readonly (readonly number[])[]): Matrix {
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0]!.length;
  const out = new Matrix(n, m);
  rows.forEach((row, i) => {
    if (row.length !== n) {
      throw new ShapeError(`toColumns: row ${i} has ${row.length} values, expected ${n}`);
    }
    for (let j = 0; j < n; j++) out.data[j * m + i] = row[j]!;
  });
  return out;
}

/** The inverse of toColumns: an n x m Matrix back to m rows of n values. */
export function fromColumns(matrix: Matrix): number[][] {
  const { rows: n, cols: m, data } = matrix;
  const out: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = data[j * m + i]!;
    out.push(row);
  }
  return out;
}
