import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseVector } from './parse.js';
import type { Run } from './run.js';
import { hardcodedApplies, trainRun } from './trainers.js';
import { BUNDLED_VECTORS_DIR } from './vectors.js';

function vector(file: string) {
  return parseVector(JSON.parse(readFileSync(join(BUNDLED_VECTORS_DIR, file), 'utf8')), file);
}

const iris = vector('iris-4layer-relu-softmax-ce.json');
const flower = vector('flower-4layer-relu-sigmoid-bce.json');

function variant(run: Run, change: (r: Run) => void): Run {
  const copy = structuredClone(run);
  change(copy);
  return copy;
}

describe('hardcodedApplies', () => {
  it('accepts the fixed 4-layer shapes with full-batch sgd', () => {
    expect(hardcodedApplies(iris)).toBe(true);
    expect(hardcodedApplies(flower)).toBe(true);
    // a batch as large as the data set is one full batch
    expect(hardcodedApplies(variant(iris, (r) => (r.training.batchSize = 150)))).toBe(true);
  });

  it('rejects every other shape, head, batching or optimizer', () => {
    expect(hardcodedApplies(vector('wine-6layer-generic.json'))).toBe(false);
    expect(hardcodedApplies(vector('iris-tanh-adam-minibatch.json'))).toBe(false);
    expect(hardcodedApplies(variant(iris, (r) => (r.model.activations[1] = 'tanh')))).toBe(false);
    expect(hardcodedApplies(variant(iris, (r) => (r.training.batchSize = 149)))).toBe(false);
    expect(hardcodedApplies(variant(iris, (r) => (r.training.optimizer = { kind: 'momentum', learningRate: 0.1, momentum: 0.9 })))).toBe(false);
    expect(hardcodedApplies(variant(iris, (r) => (r.model.loss = 'mse')))).toBe(false);
    expect(hardcodedApplies(variant(flower, (r) => (r.model.activations[3] = 'tanh')))).toBe(false);
  });
});

describe('trainRun', () => {
  it('trains the requested number of epochs and starts from run.init', () => {
    const result = trainRun(iris, { trainer: 'generic', epochs: 3, trace: true });
    expect(result.costs).toHaveLength(3);
    expect(result.trace).toHaveLength(3);
    expect(result.trace![0]).toEqual(iris.init);
    // costs[0] is the cost of init: the vector's first expected cost
    expect(result.costs[0]).toBeCloseTo(iris.expected.costs[0]!, 12);
    expect(result.finalCost).toBeCloseTo(iris.expected.costs[3]!, 12);
  });

  it('gives the same curve with either trainer on a run both can train', () => {
    const generic = trainRun(iris, { trainer: 'generic', epochs: 20 });
    const hardcoded = trainRun(iris, { trainer: 'hardcoded', epochs: 20 });
    expect(hardcoded.costs).toEqual(generic.costs);
    expect(hardcoded.finalCost).toBe(generic.finalCost);
  });

  it('refuses the hardcoded trainer for a run it cannot train', () => {
    expect(() => trainRun(vector('wine-6layer-generic.json'), { trainer: 'hardcoded', epochs: 1 })).toThrow(
      /run "wine-6layer-generic" is not one the hardcoded trainer can train/,
    );
  });

  it('leaves the run untouched', () => {
    const before = structuredClone(iris.init);
    trainRun(iris, { trainer: 'hardcoded', epochs: 5 });
    trainRun(iris, { trainer: 'generic', epochs: 5, backend: 'mathjs' });
    expect(iris.init).toEqual(before);
  });
});
