import { describe, expect, it } from 'vitest';
import { linspace } from './linspace.js';

describe('linspace', () => {
  it('includes both ends and spaces evenly', () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(3.12, 6.24, 3)).toEqual([3.12, 3.12 + 1.56, 6.24]);
  });

  it('ends exactly at stop even when the step rounds', () => {
    const values = linspace(0, Math.PI, 7);
    expect(values[6]).toBe(Math.PI);
  });

  it('gives [start] for one value and [] for none', () => {
    expect(linspace(2, 5, 1)).toEqual([2]);
    expect(linspace(2, 5, 0)).toEqual([]);
  });
});
