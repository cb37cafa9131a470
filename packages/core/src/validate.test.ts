import { describe, expect, it } from 'vitest';
import { Matrix } from './matrix.js';
import { describeKind, describeValue, firstNonFinite, isMatrix, rejectUnknownFields, requirePositive, requirePositiveInteger } from './validate.js';

describe('value checks', () => {
  it('shows values as a message should: strings quoted, large things by their kind', () => {
    expect(describeValue(3)).toBe('3');
    expect(describeValue('3')).toBe('"3"');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(null)).toBe('null');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue(new Array(100).fill(0))).toBe('an array');
    expect(describeValue(() => 0)).toBe('a function');
    expect(describeKind(new Float64Array(2))).toBe('a Float64Array');
    expect(describeKind({})).toBe('an object');
  });

  it('requirePositiveInteger and requirePositive name the place and field', () => {
    expect(requirePositiveInteger('training', 'epochs', 3)).toBe(3);
    expect(() => requirePositiveInteger('training', 'epochs', '3')).toThrow('training: epochs must be a positive integer, got "3"');
    expect(() => requirePositiveInteger('training', 'epochs', 0)).toThrow(RangeError);
    expect(() => requirePositiveInteger('training', 'epochs', 1.5)).toThrow('got 1.5');
    expect(requirePositive('training', 'learningRate', 0.1)).toBe(0.1);
    for (const bad of [-1, 0, Number.NaN, Infinity, undefined]) {
      expect(() => requirePositive('training', 'learningRate', bad)).toThrow(
        `training: learningRate must be a positive finite number, got ${String(bad)}`,
      );
    }
  });

  it('rejectUnknownFields refuses unknown keys, listing the known ones, and non-objects', () => {
    expect(() => rejectUnknownFields('training', { epochs: 1 }, ['epochs', 'learningRate'], 'option')).not.toThrow();
    expect(() => rejectUnknownFields('training', { learningrate: 1 }, ['epochs', 'learningRate'], 'option')).toThrow(
      'training: unknown option "learningrate" (expected epochs, learningRate)',
    );
    expect(() => rejectUnknownFields('training', undefined, ['epochs'], 'option')).toThrow(
      new TypeError('training: expected an object of options (epochs), got undefined'),
    );
  });

  it('isMatrix accepts matrices only; firstNonFinite finds NaN and infinities', () => {
    expect(isMatrix(new Matrix(2, 3))).toBe(true);
    expect(isMatrix([[1, 2]])).toBe(false);
    expect(isMatrix({ rows: 1, cols: 2, data: new Float64Array(3) })).toBe(false);
    expect(firstNonFinite(Float64Array.of(1, 2))).toBe(-1);
    expect(firstNonFinite(Float64Array.of(1, Infinity, Number.NaN))).toBe(1);
  });
});
