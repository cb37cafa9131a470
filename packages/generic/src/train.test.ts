import { ShapeError, cloneParameters, createOptimizer, mathjsBackend, parametersEqual } from '@lockstep/core';
import { describe, expect, it } from 'vitest';
import { Network } from './network.js';
import { randomProblem } from './test-helpers.js';
import { trainGeneric } from './train.js';
import type { NetworkSpec } from './types.js';

const binary: NetworkSpec = { layers: [3, 5, 4, 1], activations: ['relu', 'tanh', 'sigmoid'], loss: 'bce' };
const multi: NetworkSpec = { layers: [4, 6, 6, 3], activations: ['relu', 'relu', 'softmax'], loss: 'ce' };
const sgd = { kind: 'sgd', learningRate: 0.1 } as const;

describe('trainGeneric', () => {
  it('records the cost of the initial parameters as epoch 0 and improves on a learnable problem', () => {
    const { init, X, Y } = randomProblem(multi, 40, 1);
    // Learnable targets: the class is the largest of the first three features.
    Y.fill(0);
    for (let j = 0; j < X.cols; j++) {
      const scores = [0, 1, 2].map((i) => X.get(i, j));
      Y.set(scores.indexOf(Math.max(...scores)), j, 1);
    }
    const net = new Network(multi);
    const history = trainGeneric(multi, init, X, Y, { epochs: 200, optimizer: sgd });
    expect(history.costs).toHaveLength(200);
    expect(history.costs[0]).toBe(net.cost(init, X, Y));
    expect(history.finalCost).toBeLessThan(history.costs[0]! * 0.7);
    expect(history.finalCost).toBe(net.cost(history.parameters, X, Y));
  });

  it('does not change the parameters it was given', () => {
    const { init, X, Y } = randomProblem(binary, 20, 2);
    const before = cloneParameters(init);
    trainGeneric(binary, init, X, Y, { epochs: 5, optimizer: sgd });
    expect(parametersEqual(init, before)).toBe(true);
  });

  it('reporting every epoch or every 100 epochs trains identically (no skipped or repeated update)', () => {
    const { init, X, Y } = randomProblem(binary, 30, 3);
    const every1: number[] = [];
    const every100: number[] = [];
    const a = trainGeneric(binary, init, X, Y, {
      epochs: 250, optimizer: sgd, reportEvery: 1, onReport: (r) => every1.push(r.epoch),
    });
    const b = trainGeneric(binary, init, X, Y, {
      epochs: 250, optimizer: sgd, reportEvery: 100, onReport: (r) => every100.push(r.epoch),
    });
    const silent = trainGeneric(binary, init, X, Y, { epochs: 250, optimizer: sgd });
    expect(every1).toHaveLength(250);
    expect(every100).toEqual([0, 100, 200, 249]);
    expect(a.costs).toEqual(b.costs);
    expect(a.costs).toEqual(silent.costs);
    expect(parametersEqual(a.parameters, b.parameters)).toBe(true);
    expect(parametersEqual(a.parameters, silent.parameters)).toBe(true);
  });

  it('reports the cost the history records for that epoch', () => {
    const { init, X, Y } = randomProblem(multi, 25, 4);
    const reported = new Map<number, number>();
    const h = trainGeneric(multi, init, X, Y, {
      epochs: 30, optimizer: sgd, reportEvery: 7, onReport: (r) => reported.set(r.epoch, r.cost),
    });
    for (const [epoch, cost] of reported) expect(cost).toBe(h.costs[epoch]);
  });

  it('stops early after the first epoch under the limit, with every update before it applied once', () => {
    const { init, X, Y } = randomProblem(multi, 40, 5);
    const full = trainGeneric(multi, init, X, Y, { epochs: 300, optimizer: sgd });
    const limit = full.costs[120]! * 1.0000001;
    const stop = full.costs.findIndex((c) => c < limit);
    const early = trainGeneric(multi, init, X, Y, { epochs: 300, optimizer: sgd, stopBelow: limit });
    expect(early.stoppedEarly).toBe(true);
    expect(early.costs).toEqual(full.costs.slice(0, stop + 1));
    const exact = trainGeneric(multi, init, X, Y, { epochs: stop + 1, optimizer: sgd });
    expect(parametersEqual(early.parameters, exact.parameters)).toBe(true);
    expect(early.finalCost).toBe(exact.finalCost);
  });

  it('keeps a trace of the parameters as each epoch began', () => {
    const { init, X, Y } = randomProblem(binary, 10, 6);
    const h = trainGeneric(binary, init, X, Y, { epochs: 3, optimizer: sgd, trace: true });
    expect(h.trace).toHaveLength(3);
    expect(parametersEqual(h.trace![0]!, init)).toBe(true);
    const net = new Network(binary);
    h.trace!.forEach((p, e) => expect(net.cost(p, X, Y)).toBe(h.costs[e]));
  });

  it('agrees with the mathjs backend within float64 rounding', () => {
    const { init, X, Y } = randomProblem(multi, 30, 7);
    const typed = trainGeneric(multi, init, X, Y, { epochs: 50, optimizer: sgd });
    const ref = trainGeneric(multi, init, X, Y, { epochs: 50, optimizer: sgd, backend: mathjsBackend });
    typed.costs.forEach((c, i) => expect(Math.abs(c - ref.costs[i]!) / ref.costs[i]!).toBeLessThan(1e-12));
  });

  it('rejects bad specs and data with a message naming the field', () => {
    const { init, X, Y } = randomProblem(binary, 10, 8);
    expect(() => trainGeneric({ ...binary, loss: 'ce' }, init, X, Y, { epochs: 1, optimizer: sgd })).toThrow(
      /loss ce needs a softmax output, got "sigmoid"/,
    );
    const spec = (change: object) => ({ ...binary, ...change }) as typeof binary;
    const train = (s: typeof binary, options: object = {}) => () => trainGeneric(s, init, X, Y, { epochs: 1, optimizer: sgd, ...options });
    expect(train(spec({ loss: 'xe' }))).toThrow(new RangeError('network: unknown loss "xe" (expected one of bce, ce, mse)'));
    expect(train(spec({ activations: ['relu', 'sigmoid'] }))).toThrow(new ShapeError('network: 3 layers need 3 activations, got 2'));
    expect(train(spec({ activations: ['rellu', 'relu', 'sigmoid'] }))).toThrow(
      'network: activations[0] "rellu" cannot be a hidden activation (expected one of relu, leakyRelu, tanh, sigmoid, linear)',
    );
    expect(train(spec({ activation: 'relu' }))).toThrow('network: unknown field "activation" (expected layers, activations, loss)');
    expect(train(binary, { backend: 'mathjs' })).toThrow(
      new TypeError('training: backend must be a Backend (typedBackend or mathjsBackend from @lockstep/core), got "mathjs"'),
    );
    expect(train(binary, { trace: 'yes' })).toThrow(new TypeError('training: trace must be true or false, got "yes"'));
    expect(() => trainGeneric(binary, init, X, Y, { epochs: 0, optimizer: sgd })).toThrow(/epochs must be a positive integer/);
    expect(() => trainGeneric(binary, init, Y, Y, { epochs: 1, optimizer: sgd })).toThrow(/X is 1x10, expected 3 rows/);
    expect(() => trainGeneric({ ...binary, layers: [3, 5, 4, 2] }, init, X, Y, { epochs: 1, optimizer: sgd })).toThrow(/W3 is 1x4, expected 2x4/);
  });

  it('refuses plain arrays, non-finite inputs and misspelt options instead of training on them', () => {
    const { init, X, Y } = randomProblem(binary, 10, 13);
    const rows = X.toRows() as unknown as typeof X;
    expect(() => trainGeneric(binary, init, rows, Y, { epochs: 1, optimizer: sgd })).toThrow(
      'data: X must be a Matrix with examples as columns (toColumns(rows) makes one), got an array',
    );
    const withNaN = X.clone();
    withNaN.set(2, 7, Number.NaN);
    expect(() => trainGeneric(binary, init, withNaN, Y, { epochs: 1, optimizer: sgd })).toThrow(
      'data: X[2][7] (feature 2 of example 7) is NaN, expected a finite number',
    );
    const misspelt = { epochs: 1, optimizer: sgd, batchsize: 4 } as unknown as Parameters<typeof trainGeneric>[4];
    expect(() => trainGeneric(binary, init, X, Y, misspelt)).toThrow(/unknown option "batchsize"/);
  });

  it('refuses NaN or infinite values in init, naming the entry', () => {
    const { init, X, Y } = randomProblem(binary, 10, 14);
    const nan = cloneParameters(init);
    nan.W[0]!.data[0] = Number.NaN;
    expect(() => trainGeneric(binary, nan, X, Y, { epochs: 1, optimizer: sgd })).toThrow(
      new RangeError('init.W1[0][0] is NaN, expected a finite number'),
    );
    const inf = cloneParameters(init);
    inf.W[1]!.set(3, 1, Infinity);
    expect(() => trainGeneric(binary, inf, X, Y, { epochs: 1, optimizer: sgd })).toThrow('init.W2[3][1] is Infinity, expected a finite number');
    const bias = cloneParameters(init);
    bias.b[2]!.data[0] = -Infinity;
    expect(() => trainGeneric(binary, bias, X, Y, { epochs: 1, optimizer: sgd })).toThrow('init.b3[0] is -Infinity, expected a finite number');
  });

  it('a run that diverges to NaN returns NaN costs: only input is refused, never a result', () => {
    const spec: NetworkSpec = { layers: [3, 4, 1], activations: ['linear', 'linear'], loss: 'mse' };
    const { init, X, Y } = randomProblem(spec, 10, 1);
    const h = trainGeneric(spec, init, X, Y, { epochs: 40, optimizer: { kind: 'sgd', learningRate: 1e6 } });
    expect(h.costs.at(-1)).toBeNaN();
    expect(h.finalCost).toBeNaN();
  });

  it('refuses init that is not parameters, and options that are not an object, with one line instead of a raw TypeError', () => {
    const { init, X, Y } = randomProblem(binary, 10, 15);
    const o = { epochs: 1, optimizer: sgd };
    expect(() => trainGeneric(binary, {} as never, X, Y, o)).toThrow(
      new TypeError('init.W must be an array of weight matrices, one per layer, got undefined'),
    );
    expect(() => trainGeneric(binary, { W: init.W.map((w) => w.toRows()), b: init.b } as never, X, Y, o)).toThrow(
      'init.W1 must be a Matrix (Matrix.fromRows(rows) makes one), got an array',
    );
    expect(() => trainGeneric(binary, init, X, Y, undefined as never)).toThrow('training: expected an object of options');
    expect(() => trainGeneric(binary, init, X, Y, { ...o, epochs: '3' } as never)).toThrow(
      'training: epochs must be a positive integer, got "3"',
    );
    expect(() => trainGeneric(binary, init, X, Y, { ...o, onReport: 1 } as never)).toThrow('training: onReport must be a function, got 1');
  });
});

describe('mini-batches', () => {
  it('weights each batch cost by its size (m = 10, batch 4: batches of 4, 4, 2)', () => {
    const { init, X, Y } = randomProblem(multi, 10, 9);
    const h = trainGeneric(multi, init, X, Y, { epochs: 1, optimizer: sgd, batchSize: 4 });
    // Replay the epoch by hand: each batch's cost before its update, then the update.
    const net = new Network(multi);
    const p = cloneParameters(init);
    const opt = createOptimizer(sgd);
    const batchCosts: number[] = [];
    for (const [start, end] of [[0, 4], [4, 8], [8, 10]] as const) {
      const g = net.gradients(p, X.columns(start, end), Y.columns(start, end));
      batchCosts.push(g.cost);
      opt.step([...p.W, ...p.b], [...g.dW, ...g.db]);
    }
    const weighted = (4 * batchCosts[0]! + 4 * batchCosts[1]! + 2 * batchCosts[2]!) / 10;
    const unweighted = (batchCosts[0]! + batchCosts[1]! + batchCosts[2]!) / 3;
    expect(h.costs[0]).toBeCloseTo(weighted, 14);
    expect(Math.abs(h.costs[0]! - unweighted)).toBeGreaterThan(1e-6);
    expect(parametersEqual(h.parameters, p)).toBe(true);
  });

  it('a batch size >= m reproduces full-batch training exactly', () => {
    const { init, X, Y } = randomProblem(binary, 12, 10);
    const full = trainGeneric(binary, init, X, Y, { epochs: 40, optimizer: sgd });
    for (const batchSize of [12, 13, 1000]) {
      const h = trainGeneric(binary, init, X, Y, { epochs: 40, optimizer: sgd, batchSize });
      expect(h.costs).toEqual(full.costs);
      expect(parametersEqual(h.parameters, full.parameters)).toBe(true);
    }
  });

  it('batch size 1 updates the biases too', () => {
    const { init, X, Y } = randomProblem(binary, 5, 11);
    const h = trainGeneric(binary, init, X, Y, { epochs: 1, optimizer: sgd, batchSize: 1 });
    h.parameters.b.forEach((b, l) => expect(b.equals(init.b[l]!)).toBe(false));
  });

  it('shuffles reproducibly with a seed, and only when asked', () => {
    const { init, X, Y } = randomProblem(multi, 20, 12);
    const opts = { epochs: 5, optimizer: sgd, batchSize: 6 };
    const plain = trainGeneric(multi, init, X, Y, opts);
    const s1 = trainGeneric(multi, init, X, Y, { ...opts, shuffleSeed: 1 });
    const s1again = trainGeneric(multi, init, X, Y, { ...opts, shuffleSeed: 1 });
    const s2 = trainGeneric(multi, init, X, Y, { ...opts, shuffleSeed: 2 });
    expect(s1.costs).toEqual(s1again.costs);
    expect(s1.costs).not.toEqual(plain.costs);
    expect(s1.costs).not.toEqual(s2.costs);
  });
});
