import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.js';
import { linear } from './linear.js';

describe('linear', () => {
  const z = Matrix.fromRows([
    [-3, 0],
    [1e300, 0.125],
  ]);

  it('forward copies z, also in place', () => {
    const out = linear.forward(z, Matrix.zeros(2, 2));
    expect(out.equals(z)).toBe(true);
    expect(out.data).not.toBe(z.data);
    const same = z.clone();
    expect(linear.forward(same, same).equals(z)).toBe(true);
  });

  it('derivative with respect to z is 1; backward passes dA through (out may alias dA)', () => {
    expect(linear.derivative!(z, z, Matrix.zeros(2, 2)).toRows()).toEqual([
      [1, 1],
      [1, 1],
    ]);
    const dA = Matrix.fromRows([
      [5, -6],
      [7, 8],
    ]);
    expect(linear.backward(dA, z, z, Matrix.zeros(2, 2)).equals(dA)).toBe(true);
    expect(linear.backward(dA, z, z, dA).toRows()).toEqual([
      [5, -6],
      [7, 8],
    ]);
  });

  it('checks shapes', () => {
    expect(() => linear.forward(z, Matrix.zeros(4, 1))).toThrow('linear.forward (z, out): shapes 2x2 and 4x1 differ');
  });
});
