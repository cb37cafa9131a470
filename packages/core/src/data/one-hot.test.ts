import { describe, expect, it } from 'vitest';
import { DataError } from './data-error.js';
import { oneHot } from './one-hot.js';

describe('oneHot', () => {
  it('orders classes by first appearance and puts one 1 per row', () => {
    const { classes, Y } = oneHot(['b', 'a', 'b', 'c', 'a']);
    expect(classes).toEqual(['b', 'a', 'c']);
    expect(Y).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
  });

  it('uses the given class order, including classes absent from the labels', () => {
    const { classes, Y } = oneHot(['y', 'x'], ['x', 'y', 'z']);
    expect(classes).toEqual(['x', 'y', 'z']);
    expect(Y).toEqual([
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });

  it('rejects a label outside the given classes, naming it and the example', () => {
    expect(() => oneHot(['x', 'w'], ['x', 'y'])).toThrow(
      new DataError('oneHot: label "w" of example 1 is not one of the classes x, y'),
    );
  });

  it('rejects duplicate given classes', () => {
    expect(() => oneHot(['x'], ['x', 'x'])).toThrow(DataError);
  });

  it('returns a copy of the given classes', () => {
    const given = ['x', 'y'];
    const { classes } = oneHot(['x'], given);
    classes.push('z');
    expect(given).toEqual(['x', 'y']);
  });
});
