import { describe, expect, it } from 'vitest';
import { ShapeError } from '../matrix.js';
import { DataError } from './data-error.js';
import { fitStandardizer } from './standardizer.js';

describe('fitStandardizer', () => {
  it('uses the population standard deviation (divides by m)', () => {
    // Column 0: values 1..4, mean 2.5, population variance 1.25.
    const s = fitStandardizer([
      [1, 10],
      [2, 10],
      [3, 20],
      [4, 20],
    ]);
    expect(s.mean).toEqual([2.5, 15]);
    expect(s.std[0]).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(s.std[1]).toBe(5);
  });

  it('gives the fitted rows mean 0 and population std 1 per column', () => {
    const rows = [
      [5.1, -3, 1e6],
      [4.9, 0, 1e6 + 1],
      [6.2, 7, 1e6 + 3],
      [5.9, 2, 1e6 + 2],
      [5.0, 1, 1e6 + 7],
    ];
    const z = fitStandardizer(rows).apply(rows);
    // A mean near 1e6 is only representable to ~1e-10, so column 2 is held to that.
    const tolerance = [1e-15, 1e-15, 1e-10];
    for (let j = 0; j < 3; j++) {
      const col = z.map((r) => r[j]!);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const variance = col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length;
      expect(Math.abs(mean)).toBeLessThan(tolerance[j]!);
      expect(variance).toBeCloseTo(1, 12);
    }
  });

  it('applies the statistics of the fitted set to another set', () => {
    const s = fitStandardizer([[0], [2]]); // mean 1, std 1
    expect(s.apply([[3], [-1], [1]])).toEqual([[2], [-2], [0]]);
  });

  it('only centres a constant column instead of dividing by zero', () => {
    const s = fitStandardizer([
      [7, 1],
      [7, 3],
    ]);
    expect(s.std).toEqual([0, 1]);
    expect(s.apply([[7, 1], [9, 3]])).toEqual([
      [0, -1],
      [2, 1],
    ]);
  });

  it('does not change its input', () => {
    const rows = [[1], [3]];
    fitStandardizer(rows).apply(rows);
    expect(rows).toEqual([[1], [3]]);
  });

  it('rejects no rows, ragged rows and rows of the wrong width', () => {
    expect(() => fitStandardizer([])).toThrow(DataError);
    expect(() => fitStandardizer([[1, 2], [3]])).toThrow(new ShapeError('fitStandardizer: row 1 has 1 values, expected 2'));
    expect(() => fitStandardizer([[1, 2]]).apply([[1, 2, 3]])).toThrow(
      new ShapeError('Standardizer.apply: row 0 has 3 values, expected 2'),
    );
  });
});
