import { cloneParameters, parametersEqual, type Parameters } from '@lockstep/core';
import { loadDataset } from '@lockstep/datasets';
import { trainGeneric } from '@lockstep/generic';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareResults } from './report.js';
import type { RunResult } from './run.js';
import { prepareRun, trainRun } from './trainers.js';
import { BUNDLED_VECTORS_DIR } from './vectors.js';
import {
  BACKEND_TOLERANCE,
  HARDCODED_VS_GENERIC_TOLERANCE,
  SUITE_CASES,
  SUITE_SEEDS,
  compareSuiteRun,
  firstEpochs,
  runSuite,
  suiteRun,
} from './suite.js';

describe('suiteRun', () => {
  const iris = SUITE_CASES.find((c) => c.dataset === 'iris')!;
  const data = loadDataset('iris');

  it('builds a valid fixed 4-layer run around one seeded draw', () => {
    const { run, init } = suiteRun(iris, data, 2, 7);
    expect(run.name).toBe('iris/seed-2');
    expect(run.model).toEqual({ layers: [4, 16, 8, 8, 3], activations: ['relu', 'relu', 'relu', 'softmax'], loss: 'ce' });
    expect(run.training).toEqual({ epochs: 7, batchSize: null, shuffle: false, optimizer: { kind: 'sgd', learningRate: iris.learningRate } });
    expect(parametersEqual(prepareRun(run).init, init)).toBe(true);
  });

  it('draws the same parameters for the same seed and different ones for another', () => {
    const a = suiteRun(iris, data, 1).init;
    expect(parametersEqual(a, suiteRun(iris, data, 1).init)).toBe(true);
    expect(parametersEqual(a, suiteRun(iris, data, 2).init)).toBe(false);
  });
});

describe('compareSuiteRun', () => {
  it('compares hardcoded vs generic (bit for bit, from identical starts) and typed vs mathjs kernels', () => {
    const flower = SUITE_CASES.find((c) => c.dataset === 'flower')!;
    const [trainers, backends] = compareSuiteRun(flower, loadDataset('flower', { seed: 1 }), 3, 20);
    expect(trainers).toMatchObject({
      run: 'flower/seed-3',
      dataset: 'flower',
      shape: '2-16-8-8-1',
      seed: 3,
      reference: 'hardcoded',
      candidate: 'generic',
      epochs: 20,
      pass: true,
      startIdentical: true,
      tolerance: HARDCODED_VS_GENERIC_TOLERANCE,
      firstDivergentEpoch: null,
    });
    expect(backends).toMatchObject({ reference: 'generic/typed', candidate: 'generic/mathjs', pass: true, tolerance: BACKEND_TOLERANCE });
    expect(backends!.maxRelativeDifference).toBeLessThan(1e-12);
    expect(trainers!.finalCost).toBeLessThan(trainers!.firstCost);
  });
});

describe('firstEpochs', () => {
  it('takes costs[k] as the final cost of the first k epochs', () => {
    const r: RunResult = { costs: [4, 3, 2, 1], finalCost: 0.5 };
    expect(firstEpochs(r, 2)).toEqual({ costs: [4, 3], finalCost: 2 });
    expect(firstEpochs(r, 4)).toBe(r);
  });

  it('matches training k epochs on a full-batch run', () => {
    const { run } = suiteRun(SUITE_CASES.find((c) => c.dataset === 'wine')!, loadDataset('wine'), 1, 12);
    const long = trainRun(run, { trainer: 'generic' });
    expect(firstEpochs(long, 5)).toEqual(trainRun(run, { trainer: 'generic', epochs: 5 }));
  });
});

describe('runSuite', () => {
  it('runs every case (shortened, one seed) and reports all agreeing', () => {
    const seen: string[] = [];
    const report = runSuite({ epochs: 3, seeds: [1], vectors: [], onComparison: (c) => seen.push(`${c.run} ${c.reference}`) });
    expect(report.comparisons).toHaveLength(SUITE_CASES.length * 2);
    expect(seen).toEqual(report.comparisons.map((c) => `${c.run} ${c.reference}`));
    expect(report.comparisons.map((c) => c.dataset)).toEqual(SUITE_CASES.flatMap((c) => [c.dataset, c.dataset]));
    for (const c of report.comparisons) {
      expect(c.pass, `${c.run} ${c.reference} vs ${c.candidate}`).toBe(true);
      // the typed vs mathjs comparison runs at most the case's backendEpochs
      const k = c.reference === 'hardcoded' ? 3 : Math.min(3, SUITE_CASES.find((s) => s.dataset === c.dataset)!.backendEpochs);
      expect(c.epochs).toBe(k);
    }
    expect(report.totals).toEqual({ runs: 10, passed: 10, failed: 0 });
    expect(SUITE_SEEDS).toEqual([1, 2, 3]);
  });

  it('adds the vectors it is given, with every trainer that applies', () => {
    const report = runSuite({ datasets: ['iris'], seeds: [1], epochs: 2, vectors: [join(BUNDLED_VECTORS_DIR, 'iris-tanh-adam-minibatch.json')] });
    expect(report.comparisons.map((c) => `${c.run} ${c.reference} ${c.candidate} ${c.pass}`)).toEqual([
      'iris/seed-1 hardcoded generic true',
      'iris/seed-1 generic/typed generic/mathjs true',
      'iris-tanh-adam-minibatch vector generic true',
    ]);
  });

  it('rejects an unknown data set and a bad epoch count', () => {
    expect(() => runSuite({ datasets: ['mnist'], vectors: [] })).toThrow(/no suite case for data set "mnist"/);
    expect(() => runSuite({ epochs: 0, vectors: [] })).toThrow(RangeError);
  });
});

/**
 * The comparison has teeth: the classic fault, a training loop that skips the
 * update on non-reporting epochs (`if (epoch % every !== 0) continue;` placed
 * before the backward pass), reporting every 2 epochs. The update after epoch 0
 * runs, the one after epoch 1 is skipped, so epoch 2's cost is the first that
 * differs.
 */
function trainWithContinueFault(run: ReturnType<typeof suiteRun>['run'], every: number): RunResult {
  const { X, Y, init } = prepareRun(run);
  const spec = run.model;
  const optimizer = run.training.optimizer;
  let params: Parameters = cloneParameters(init);
  const costs: number[] = [];
  for (let epoch = 0; epoch < run.training.epochs; epoch++) {
    // One epoch of the real generic loop: its cost, and the parameters after its update.
    const step = trainGeneric(spec, cloneParameters(params), X, Y, { epochs: 1, optimizer });
    costs.push(step.costs[0]!);
    if (epoch % every !== 0) continue; // the fault: the update is thrown away
    params = step.parameters;
  }
  const last = trainGeneric(spec, cloneParameters(params), X, Y, { epochs: 1, optimizer });
  return { costs, finalCost: last.costs[0]! };
}

describe('the comparison has teeth', () => {
  it('reports the continue-style fault as diverging at epoch index 2', () => {
    const { run } = suiteRun(SUITE_CASES.find((c) => c.dataset === 'iris')!, loadDataset('iris'), 1, 10);
    const comparison = compareResults({
      run: run.name,
      layers: run.model.layers,
      reference: { label: 'hardcoded', result: trainRun(run, { trainer: 'hardcoded' }) },
      candidate: { label: 'faulty', result: trainWithContinueFault(run, 2) },
      tolerance: HARDCODED_VS_GENERIC_TOLERANCE,
    });
    expect(comparison.pass).toBe(false);
    expect(comparison.firstDivergentEpoch).toBe(2);
    expect(comparison.divergentCosts!.candidate).toBeGreaterThan(comparison.divergentCosts!.reference!);
  });

  it('fails a comparison whose trainers did not start bit-identical, even with equal curves', () => {
    const same: RunResult = { costs: [1, 0.5], finalCost: 0.25 };
    const comparison = compareResults({
      run: 'r',
      layers: [1, 1],
      reference: { label: 'a', result: same },
      candidate: { label: 'b', result: same },
      tolerance: 0,
      startIdentical: false,
    });
    expect(comparison).toMatchObject({ pass: false, startIdentical: false, firstDivergentEpoch: null, maxRelativeDifference: 0 });
  });
});
