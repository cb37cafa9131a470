import { describe, expect, it } from 'vitest';
import { sigmoid } from '../activations/sigmoid.js';
import { softmax } from '../activations/softmax.js';
import { tanh } from '../activations/tanh.js';
import { Matrix } from '../matrix.js';
import { bce } from './bce.js';

/** cost for one example with logit z and target y. */
function single(z: number, y: number): number {
  const zm = Matrix.fromRows([[z]]);
  return bce.cost(zm, sigmoid.forward(zm, Matrix.zeros(1, 1)), Matrix.fromRows([[y]]));
}

describe('bce', () => {
  it('is exact and finite for saturated logits: (40,0) -> 40, (800,1) -> 0, (-800,1) -> 800', () => {
    expect(single(40, 0)).toBe(40);
    expect(single(800, 1)).toBe(0);
    expect(single(-800, 1)).toBe(800);
    expect(single(-800, 0)).toBe(0);
    expect(single(800, 0)).toBe(800);
  });

  it('equals -(1/m) Σ [y log a + (1-y) log(1-a)] on moderate logits, over every unit and example', () => {
    const z = Matrix.fromRows([
      [0.3, -1.2, 2.5],
      [-0.4, 0.9, 0],
    ]);
    const y = Matrix.fromRows([
      [1, 0, 1],
      [0, 0.25, 1],
    ]);
    const a = sigmoid.forward(z, Matrix.zeros(2, 3));
    let sum = 0;
    for (let i = 0; i < 6; i++) {
      const ai = a.data[i]!;
      const yi = y.data[i]!;
      sum -= yi * Math.log(ai) + (1 - yi) * Math.log(1 - ai);
    }
    expect(bce.cost(z, a, y)).toBeCloseTo(sum / 3, 14);
  });

  it('outputGradient is the fused A - Y, not divided by m', () => {
    const z = Matrix.fromRows([[1000, -1000, 0.5, -2]]);
    const a = sigmoid.forward(z, Matrix.zeros(1, 4));
    const y = Matrix.fromRows([[1, 1, 0, 0]]);
    const dZ = bce.outputGradient(z, a, y, sigmoid, Matrix.zeros(1, 4));
    expect(dZ.toArray()).toEqual([0, -1, a.data[2]!, a.data[3]!]);
  });

  it('demands a sigmoid output and matching shapes', () => {
    const z = Matrix.zeros(1, 2);
    expect(() => bce.outputGradient(z, z, z, softmax, z)).toThrow(
      'bce.outputGradient: binary cross-entropy needs a sigmoid output layer, got softmax',
    );
    expect(() => bce.outputGradient(z, z, z, tanh, z)).toThrow(/needs a sigmoid output layer, got tanh/);
    expect(() => bce.cost(z, z, Matrix.zeros(2, 1))).toThrow('bce.cost (z, y): shapes 1x2 and 2x1 differ');
    expect(() => bce.outputGradient(z, z, z, sigmoid, Matrix.zeros(1, 3))).toThrow(
      'bce.outputGradient (z, out): shapes 1x2 and 1x3 differ',
    );
    expect(() => bce.cost(Matrix.zeros(1, 0), Matrix.zeros(1, 0), Matrix.zeros(1, 0))).toThrow(/bce.cost: the batch is empty/);
  });
});
