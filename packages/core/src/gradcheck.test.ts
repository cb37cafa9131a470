import { describe, expect, it } from 'vitest';
import { activations, type Activation } from './activations/index.js';
import { centralDifference, centralDifference4, gradientCheck, gradientCheckDetailed, relativeDifference } from './gradcheck.js';
import { losses, type Loss } from './losses/index.js';
import { Matrix } from './matrix.js';
import { createRng, type Rng } from './rng.js';

function uniformMatrix(rows: number, cols: number, rng: Rng, lo: number, hi: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < m.size; i++) m.data[i] = lo + (hi - lo) * rng.next();
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

describe('centralDifference', () => {
  it('approximates the derivative and restores the value bit-exactly', () => {
    const values = Float64Array.of(0.1, 0.7, -2);
    const f = (): number => Math.sin(values[1]!) * values[0]! + values[2]! ** 3;
    const before = values.slice();
    expect(centralDifference(f, values, 1)).toBeCloseTo(Math.cos(0.7) * 0.1, 9);
    expect(centralDifference(f, values, 2, 1e-4)).toBeCloseTo(12, 7);
    expect(values).toEqual(before);
  });

  it('of order 4 is exact on quartics up to rounding, where order 2 is not', () => {
    const values = Float64Array.of(1.5);
    const f = (): number => values[0]! ** 4;
    const exact = 4 * 1.5 ** 3;
    expect(Math.abs(centralDifference4(f, values, 0, 1e-2) - exact)).toBeLessThan(1e-11);
    // Order 2 at the same step carries its h²·f⁽³⁾/6 = 1e-4·36/6 truncation error.
    expect(centralDifference(f, values, 0, 1e-2) - exact).toBeCloseTo(6e-4, 8);
    expect(values[0]).toBe(1.5);
  });

  it('restores the value even when f throws', () => {
    const values = Float64Array.of(0.3);
    expect(() =>
      centralDifference(() => {
        throw new Error('boom');
      }, values, 0),
    ).toThrow('boom');
    expect(values[0]).toBe(0.3);
  });

  it('rejects an index outside the array and a bad step', () => {
    const values = new Float64Array(2);
    expect(() => centralDifference(() => 0, values, 2)).toThrow('centralDifference: index 2 outside [0, 2)');
    expect(() => centralDifference(() => 0, values, 0, 0)).toThrow(/step h must be a positive finite number, got 0/);
  });
});

describe('relativeDifference', () => {
  it('is |a-b| / max(|a|,|b|), 0 for two zeros, 1 when only one is zero, NaN for NaN', () => {
    expect(relativeDifference(0, 0)).toBe(0);
    expect(relativeDifference(0, -0)).toBe(0);
    expect(relativeDifference(2, 2)).toBe(0);
    expect(relativeDifference(1, 1.5)).toBeCloseTo(1 / 3, 15);
    expect(relativeDifference(-4, 4)).toBe(2);
    expect(relativeDifference(0, 1e-320)).toBe(1);
    expect(relativeDifference(Number.NaN, 1)).toBeNaN();
  });
});

describe('gradientCheck', () => {
  it('accepts a correct gradient and flags a wrong one at the right index', () => {
    const values = Float64Array.of(0.5, -1.2, 2);
    const f = (): number => values[0]! * values[1]! + Math.exp(values[2]!);
    const right = [values[1]!, values[0]!, Math.exp(values[2]!)];
    expect(gradientCheck(f, values, right, { h: 1e-5 })).toBeLessThan(1e-9);
    const wrong = [values[1]!, values[0]! * 1.001, Math.exp(values[2]!)];
    const worst = gradientCheckDetailed(f, values, wrong, { h: 1e-5 });
    expect(worst.index).toBe(1);
    expect(worst.maxRelativeDifference).toBeGreaterThan(9e-4);
    expect(worst.numeric).toBeCloseTo(0.5, 8);
  });

  it('treats tiny absolute differences as agreement only when asked', () => {
    const values = Float64Array.of(3);
    const f = (): number => 1e-12 * values[0]!;
    expect(gradientCheck(f, values, [0])).toBe(1);
    expect(gradientCheck(f, values, [0], { absoluteTolerance: 1e-10 })).toBe(0);
  });

  it('refuses analytic and parameter arrays of different lengths', () => {
    expect(() => gradientCheck(() => 0, new Float64Array(3), [1, 2])).toThrow('gradientCheck: 2 analytic values for 3 parameters');
  });
});

describe('activation backward passes agree with central differences', () => {
  // Objective f(z) = Σ c ⊙ g(z) with random c, so ∂f/∂z = backward(dA = c).
  // Order 4 (five-point, h = 1e-3): absolute error near 1e-13, so even components
  // of 1e-4 (leakyRelu's 0.01 slope, the 1/m of a mean) check to ~1e-9 relative;
  // order 2 at its best step (1e-5) leaves ~1e-11 absolute, too close to 1e-7 there.
  // Measured worst over these cases: about 4e-10.
  for (const activation of Object.values(activations)) {
    it(`${activation.name}`, () => {
      const rng = createRng(2024);
      for (const [rows, cols] of [
        [3, 4],
        [2, 5],
        [5, 1],
      ] as const) {
        const z = uniformMatrix(rows, cols, rng, -3, 3);
        // Keep clear of relu's kink: pushing every z 0.1 away from 0 keeps |z| >= 0.1, far beyond h.
        for (let i = 0; i < z.size; i++) z.data[i] = z.data[i]! + Math.sign(z.data[i]!) * 0.1;
        const c = uniformMatrix(rows, cols, rng, -1, 1);
        const a = Matrix.zeros(rows, cols);
        const objective = (): number => dot(c.data, activation.forward(z, a).data);
        activation.forward(z, a);
        const analytic = activation.backward(c, z, a, Matrix.zeros(rows, cols));
        expect(gradientCheck(objective, z.data, analytic.data, { order: 4 })).toBeLessThan(1e-7);
      }
    });
  }
});

/** Targets each loss is meant for: 0/1 for bce, one-hot columns for ce, any reals for mse. */
function targets(loss: Loss, rows: number, cols: number, rng: Rng): Matrix {
  const y = Matrix.zeros(rows, cols);
  if (loss.name === 'ce') {
    for (let j = 0; j < cols; j++) y.set(rng.int(rows), j, 1);
  } else if (loss.name === 'bce') {
    for (let i = 0; i < y.size; i++) y.data[i] = rng.int(2);
  } else {
    for (let i = 0; i < y.size; i++) y.data[i] = 2 * rng.next() - 1;
  }
  return y;
}

describe('loss output gradients agree with central differences of the cost', () => {
  // Same order-4 differences as above; measured worst over these cases: about 7e-10.
  const pairs: [Loss, Activation][] = [
    [losses.bce, activations.sigmoid],
    [losses.ce, activations.softmax],
    [losses.mse, activations.sigmoid],
    [losses.mse, activations.linear],
    [losses.mse, activations.tanh],
    [losses.mse, activations.relu],
    [losses.mse, activations.leakyRelu],
    [losses.mse, activations.softmax],
  ];
  for (const [loss, output] of pairs) {
    it(`${loss.name} with a ${output.name} output`, () => {
      const rng = createRng(7);
      for (const [rows, cols] of [
        [3, 4],
        [1, 6],
        [4, 1],
      ] as const) {
        // A one-unit softmax is constant; ce needs at least two classes.
        if (output.name === 'softmax' && rows === 1) continue;
        const z = uniformMatrix(rows, cols, rng, -3, 3);
        for (let i = 0; i < z.size; i++) z.data[i] = z.data[i]! + Math.sign(z.data[i]!) * 0.1;
        const y = targets(loss, rows, cols, rng);
        const a = Matrix.zeros(rows, cols);
        const cost = (): number => loss.cost(z, output.forward(z, a), y);
        output.forward(z, a);
        const dZ = loss.outputGradient(z, a, y, output, Matrix.zeros(rows, cols));
        // outputGradient is m · ∂cost/∂Z: the cost is a mean over the m columns, the 1/m goes on dW and db.
        const analytic = dZ.data.map((v) => v / cols);
        expect(gradientCheck(cost, z.data, analytic, { order: 4 })).toBeLessThan(1e-7);
        // The check has teeth: leaving out the 1/m is off by a factor of m.
        if (cols > 1) expect(gradientCheck(cost, z.data, dZ.data, { order: 4 })).toBeGreaterThan(0.5);
      }
    });
  }
});
