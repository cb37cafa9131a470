import { describe, expect, it } from 'vitest';
import { Matrix, ShapeError } from '../matrix.js';
import { fromColumns, toColumns } from './columns.js';

describe('toColumns / fromColumns', () => {
  const rows = [
    [1, 2, 3],
    [4, 5, 6],
  ]; // m = 2 examples of n = 3 features

  it('puts example i in column i of an n x m matrix', () => {
    const X = toColumns(rows);
    expect(X.rows).toBe(3);
    expect(X.cols).toBe(2);
    expect(X.toRows()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('round-trips', () => {
    expect(fromColumns(toColumns(rows))).toEqual(rows);
    const M = Matrix.fromRows([[1, 2], [3, 4], [5, 6]]);
    expect(toColumns(fromColumns(M)).equals(M)).toBe(true);
  });

  it('handles no examples', () => {
    expect(toColumns([]).shape).toBe('0x0');
    expect(fromColumns(new Matrix(4, 0))).toEqual([]);
  });

  it('rejects ragged rows', () => {
    expect(() => toColumns([[1, 2], [3]])).toThrow(new ShapeError('toColumns: row 1 has 1 values, expected 2'));
  });
});
