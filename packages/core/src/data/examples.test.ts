import { describe, expect, it } from 'vitest';
import { Matrix, ShapeError } from '../matrix.js';
import { toColumns } from './columns.js';
import { assertExampleMatrix, assertExamples } from './examples.js';

const X = toColumns([[1, 2, 3], [4, 5, 6]]); // 3 features x 2 examples
const Y = toColumns([[0], [1]]); // 1 target x 2 examples

describe('assertExamples', () => {
  it('accepts matrices of finite values with examples as columns', () => {
    expect(() => assertExamples(X, Y, 3, 1)).not.toThrow();
  });

  it('refuses plain arrays of rows, saying how to make a Matrix', () => {
    expect(() => assertExamples([[1, 2, 3]], Y, 3, 1)).toThrow(
      new TypeError('data: X must be a Matrix with examples as columns (toColumns(rows) makes one), got an array'),
    );
    expect(() => assertExamples(X, undefined, 3, 1)).toThrow('data: Y must be a Matrix with examples as columns (toColumns(rows) makes one), got undefined');
  });

  it('refuses wrong heights, mismatched example counts and no examples', () => {
    expect(() => assertExamples(X, Y, 4, 1)).toThrow(new ShapeError('data: X is 3x2, expected 4 rows (features x examples)'));
    expect(() => assertExamples(X, Y, 3, 2)).toThrow('data: Y is 1x2, expected 2 rows (targets x examples)');
    expect(() => assertExamples(X, new Matrix(1, 3), 3, 1)).toThrow('data: X has 2 examples but Y has 3');
    expect(() => assertExamples(new Matrix(3, 0), new Matrix(1, 0), 3, 1)).toThrow('data: no examples (X is 3x0)');
  });

  it('names the first NaN or infinite value by feature or target and example', () => {
    const x = X.clone();
    x.set(2, 1, Number.NaN);
    expect(() => assertExamples(x, Y, 3, 1)).toThrow(new RangeError('data: X[2][1] (feature 2 of example 1) is NaN, expected a finite number'));
    const y = Y.clone();
    y.set(0, 0, Infinity);
    expect(() => assertExamples(X, y, 3, 1)).toThrow('data: Y[0][0] (target 0 of example 0) is Infinity, expected a finite number');
  });

  it('assertExampleMatrix checks one side alone (inputs to predict), zero examples allowed', () => {
    expect(() => assertExampleMatrix('X', new Matrix(3, 0), 3)).not.toThrow();
    expect(() => assertExampleMatrix('X', X.toRows(), 3)).toThrow('data: X must be a Matrix');
    expect(() => assertExampleMatrix('X', X, 1)).toThrow('data: X is 3x2, expected 1 row (features x examples)');
  });
});
