import {
  Matrix,
  bce,
  ce,
  cloneParameters,
  gradientCheck,
  createRng,
  initializeParameters,
  parametersEqual,
  relativeDifference,
  relu,
  sigmoid,
  softmax,
  mathjsBackend,
  type Parameters,
} from '@lockstep/core';
import { trainGeneric } from '@lockstep/generic';
import { describe, expect, it } from 'vitest';
import { trainHardcoded, type HardcodedOptions } from './train.js';

function problem(layers: number[], m: number, seed: number): { init: Parameters; X: Matrix; Y: Matrix } {
  const rng = createRng(seed);
  const init = initializeParameters(layers, rng, 'he-normal');
  init.b.forEach((b) => b.data.forEach((_, i) => (b.data[i] = 0.1 * rng.normal())));
  const k = layers[4]!;
  const X = new Matrix(layers[0]!, m);
  X.data.forEach((_, i) => (X.data[i] = rng.normal()));
  const Y = new Matrix(k, m);
  for (let j = 0; j < m; j++) Y.set(k === 1 ? 0 : rng.int(k), j, k === 1 ? rng.int(2) : 1);
  return { init, X, Y };
}

/** The cost of parameters p, computed independently of the trainer (plain loops, no backend). */
function cost(p: Parameters, X: Matrix, Y: Matrix): number {
  let A = X;
  let Z = X;
  p.W.forEach((W, l) => {
    Z = new Matrix(W.rows, A.cols);
    for (let i = 0; i < W.rows; i++)
      for (let j = 0; j < A.cols; j++) {
        let s = p.b[l]!.data[i]!;
        for (let k = 0; k < W.cols; k++) s += W.get(i, k) * A.get(k, j);
        Z.set(i, j, s);
      }
    const out = new Matrix(Z.rows, Z.cols);
    if (l < 3) relu.forward(Z, out);
    else (Y.rows === 1 ? sigmoid : softmax).forward(Z, out);
    A = out;
  });
  return (Y.rows === 1 ? bce : ce).cost(Z, A, Y);
}

describe('trainHardcoded', () => {
  it('matches the generic loop bit for bit (same kernels, same order), binary and multiclass', () => {
    for (const layers of [[2, 20, 7, 5, 1], [4, 8, 8, 8, 3]]) {
      const { init, X, Y } = problem(layers, 50, 1);
      const loss = layers[4] === 1 ? 'bce' : 'ce';
      const output = layers[4] === 1 ? 'sigmoid' : 'softmax';
      const g = trainGeneric(
        { layers, activations: ['relu', 'relu', 'relu', output], loss },
        init, X, Y, { epochs: 100, optimizer: { kind: 'sgd', learningRate: 0.05 } },
      );
      const h = trainHardcoded(init, X, Y, { epochs: 100, learningRate: 0.05 });
      expect(h.costs).toEqual(g.costs);
      expect(h.finalCost).toBe(g.finalCost);
      expect(parametersEqual(h.parameters, g.parameters)).toBe(true);
    }
  });

  it('records costs[0] as the cost of the initial parameters, and learns', () => {
    const { init, X, Y } = problem([4, 8, 8, 8, 3], 40, 2);
    const h = trainHardcoded(init, X, Y, { epochs: 300, learningRate: 0.1 });
    expect(relativeDifference(h.costs[0]!, cost(init, X, Y))).toBeLessThan(1e-14);
    expect(relativeDifference(h.finalCost, cost(h.parameters, X, Y))).toBeLessThan(1e-12);
    expect(h.finalCost).toBeLessThan(0.7 * h.costs[0]!);
  });

  it('its one-step update is -lr times the central-difference gradient', () => {
    for (const layers of [[3, 4, 5, 4, 1], [3, 5, 4, 4, 3]]) {
      for (const seed of [3, 4]) {
        const { init, X, Y } = problem(layers, 6, seed);
        const lr = 1; // with lr = 1 the step recovers the gradient with no amplified rounding
        const after = trainHardcoded(init, X, Y, { epochs: 1, learningRate: lr }).parameters;
        let worst = 0;
        const check = (values: Float64Array, updated: Float64Array): void => {
          const analytic = values.map((v, i) => (v - updated[i]!) / lr);
          const error = gradientCheck(() => cost(init, X, Y), values, analytic, { order: 4, h: 1e-4, absoluteTolerance: 1e-10 });
          worst = Math.max(worst, error);
        };
        init.W.forEach((w, l) => check(w.data, after.W[l]!.data));
        init.b.forEach((b, l) => check(b.data, after.b[l]!.data));
        expect(worst).toBeLessThan(1e-7);
      }
    }
  });

  it('runs on the mathjs backend within float64 rounding of the typed one', () => {
    const { init, X, Y } = problem([4, 8, 8, 8, 3], 30, 5);
    const typed = trainHardcoded(init, X, Y, { epochs: 30, learningRate: 0.1 });
    const ref = trainHardcoded(init, X, Y, { epochs: 30, learningRate: 0.1, backend: mathjsBackend });
    typed.costs.forEach((c, i) => expect(relativeDifference(c, ref.costs[i]!)).toBeLessThan(1e-12));
  });

  it('keeps a trace and rejects shapes that are not the fixed 4-layer network', () => {
    const { init, X, Y } = problem([2, 3, 3, 3, 1], 5, 6);
    const h = trainHardcoded(init, X, Y, { epochs: 2, learningRate: 0.1, trace: true });
    expect(parametersEqual(h.trace![0]!, init)).toBe(true);
    expect(() => trainHardcoded({ W: init.W.slice(0, 3), b: init.b.slice(0, 3) }, X, Y, { epochs: 1, learningRate: 0.1 })).toThrow(
      /exactly 4 layers, got 3/,
    );
    expect(() => trainHardcoded(init, X, new Matrix(2, 5), { epochs: 1, learningRate: 0.1 })).toThrow(
      'data: Y is 2x5, expected 1 row (targets x examples)',
    );
  });
});

describe('trainHardcoded refuses bad input with one line naming the place', () => {
  const { init, X, Y } = problem([8, 4, 4, 4, 1], 6, 7);
  const run = (options: unknown, i: unknown = init, x: unknown = X, y: unknown = Y) => () =>
    trainHardcoded(i as typeof init, x as Matrix, y as Matrix, options as HardcodedOptions);

  it('checks its options: a missing or misspelt learningRate, a negative one, unknown keys, epochs as a string', () => {
    expect(run({ epochs: 3 })).toThrow(new RangeError('training: learningRate must be a positive finite number, got undefined'));
    expect(run({ epochs: 3, learningrate: 0.1 })).toThrow(
      'training: unknown option "learningrate" (expected epochs, learningRate, backend, trace)',
    );
    expect(run({ epochs: 3, learningRate: -1 })).toThrow('training: learningRate must be a positive finite number, got -1');
    expect(run({ epochs: 3, learningRate: Number.NaN })).toThrow('training: learningRate must be a positive finite number, got NaN');
    expect(run({ epochs: 3, learningRate: 0.1, batchSize: 2 })).toThrow('training: unknown option "batchSize"');
    expect(run({ epochs: '3', learningRate: 0.1 })).toThrow('training: epochs must be a positive integer, got "3"');
    expect(run({ epochs: 0, learningRate: 0.1 })).toThrow('training: epochs must be a positive integer, got 0');
    expect(run(undefined)).toThrow(TypeError);
    expect(run({ epochs: 1, learningRate: 0.1, backend: {} })).toThrow(
      new TypeError('training: backend must be a Backend (typedBackend or mathjsBackend from @lockstep/core), got {}'),
    );
    expect(run({ epochs: 1, learningRate: 0.1, trace: 1 })).toThrow(new TypeError('training: trace must be true or false, got 1'));
  });

  it('refuses plain arrays for X and Y, saying how to make a Matrix', () => {
    expect(run({ epochs: 1, learningRate: 0.1 }, init, X.toRows())).toThrow(
      new TypeError('data: X must be a Matrix with examples as columns (toColumns(rows) makes one), got an array'),
    );
    expect(run({ epochs: 1, learningRate: 0.1 }, init, X, Y.toRows())).toThrow('data: Y must be a Matrix');
  });

  it('refuses NaN or infinite values in X, Y and init, naming the entry', () => {
    const x = X.clone();
    x.set(3, 2, Infinity);
    expect(run({ epochs: 1, learningRate: 0.1 }, init, x)).toThrow(
      'data: X[3][2] (feature 3 of example 2) is Infinity, expected a finite number',
    );
    const bad = cloneParameters(init);
    bad.W[1]!.set(3, 1, Number.NaN);
    expect(run({ epochs: 1, learningRate: 0.1 }, bad)).toThrow(new RangeError('init.W2[3][1] is NaN, expected a finite number'));
  });

  it('refuses init that is not parameters, and mismatched example counts', () => {
    expect(run({ epochs: 1, learningRate: 0.1 }, {})).toThrow(new TypeError('init.W must be an array of weight matrices, one per layer, got undefined'));
    expect(run({ epochs: 1, learningRate: 0.1 }, init, X, Y.columns(0, 5))).toThrow('data: X has 6 examples but Y has 5');
    expect(run({ epochs: 1, learningRate: 0.1 }, init, X.clone().columns(0, 3), Y.columns(0, 3))).not.toThrow();
  });

  it('gives the same messages as trainGeneric for the same mistakes', () => {
    const spec = { layers: [8, 4, 4, 4, 1], activations: ['relu', 'relu', 'relu', 'sigmoid'], loss: 'bce' } as const;
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    const nanInit = cloneParameters(init);
    nanInit.b[0]!.data[2] = Number.NaN;
    const nanY = Y.clone();
    nanY.data[4] = Number.NaN;
    const cases: [unknown, unknown, unknown, number][] = [
      [init, X.toRows(), Y, 1], [init, X, nanY, 1], [nanInit, X, Y, 1], [{}, X, Y, 1], [init, X, Y, 0], [init, X, Y.columns(0, 2), 1],
    ];
    for (const [i, x, y, epochs] of cases) {
      const hardcoded = message(run({ epochs, learningRate: 0.1 }, i, x, y));
      const generic = message(() =>
        trainGeneric(spec, i as typeof init, x as Matrix, y as Matrix, { epochs, optimizer: { kind: 'sgd', learningRate: 0.1 } }),
      );
      expect(hardcoded).not.toBe('no error');
      expect(hardcoded).toBe(generic);
    }
  });
});
