import { describe, expect, it } from 'vitest';
import { sigmoid } from '../activations/sigmoid.js';
import { softmax } from '../activations/softmax.js';
import { Matrix } from '../matrix.js';
import { ce, logSumExpColumn } from './ce.js';

describe('ce', () => {
  // Two examples as columns: [1000, -1000, 0] and [-1000, 1000, 999].
  const z = Matrix.fromRows([
    [1000, -1000],
    [-1000, 1000],
    [0, 999],
  ]);
  const a = softmax.forward(z, Matrix.zeros(3, 2));

  it('log-sum-exp per column does not overflow', () => {
    expect(logSumExpColumn(z, 0)).toBe(1000);
    expect(logSumExpColumn(z, 1)).toBeCloseTo(1000 + Math.log(1 + Math.exp(-1)), 12);
  });

  it('is finite on extreme columns and equals -log of the target probability', () => {
    const y = Matrix.fromRows([
      [1, 0],
      [0, 0],
      [0, 1],
    ]);
    // Column 0: -log 1 = 0. Column 1: -(999 - lse) = 1 + log(1 + e^-1). Mean over m = 2.
    expect(ce.cost(z, a, y)).toBeCloseTo((0 + 1 + Math.log(1 + Math.exp(-1))) / 2, 13);
    const wrong = Matrix.fromRows([
      [0, 1],
      [1, 0],
      [0, 0],
    ]);
    // Column 0: -(−1000 − 1000) = 2000. Column 1: -(−1000 − lse) ≈ 2000.31.
    const cost = ce.cost(z, a, wrong);
    expect(Number.isFinite(cost)).toBe(true);
    expect(cost).toBeCloseTo((2000 + 2000 + Math.log(1 + Math.exp(-1))) / 2, 10);
  });

  it('equals -(1/m) Σ y log(softmax(z)) on moderate logits, soft targets included', () => {
    const zm = Matrix.fromRows([
      [0.2, -1, 3],
      [1.1, 0.4, -2],
    ]);
    const am = softmax.forward(zm, Matrix.zeros(2, 3));
    const y = Matrix.fromRows([
      [1, 0.3, 0],
      [0, 0.7, 1],
    ]);
    let sum = 0;
    for (let i = 0; i < 6; i++) sum -= y.data[i]! * Math.log(am.data[i]!);
    expect(ce.cost(zm, am, y)).toBeCloseTo(sum / 3, 14);
  });

  it('outputGradient is the fused A - Y, not divided by m', () => {
    const y = Matrix.fromRows([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
    const dZ = ce.outputGradient(z, a, y, softmax, Matrix.zeros(3, 2));
    expect(dZ.data).toEqual(a.data.map((v, i) => v - y.data[i]!));
    expect(dZ.get(0, 0)).toBe(1);
    expect(dZ.get(1, 0)).toBe(-1);
  });

  it('demands a softmax output and matching shapes', () => {
    const m = Matrix.zeros(2, 2);
    expect(() => ce.outputGradient(m, m, m, sigmoid, m)).toThrow(
      'ce.outputGradient: cross-entropy needs a softmax output layer, got sigmoid',
    );
    expect(() => ce.cost(m, Matrix.zeros(2, 3), m)).toThrow('ce.cost (z, a): shapes 2x2 and 2x3 differ');
  });
});
