import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from './input-error.js';
import { formatPath, parseJson, parseRun, parseVector, parseVectorFile } from './parse.js';

const vectorsDir = fileURLToPath(new URL('../vectors/', import.meta.url));
const irisPath = join(vectorsDir, 'iris-4layer-relu-softmax-ce.json');
const iris = JSON.parse(readFileSync(irisPath, 'utf8')) as Record<string, any>;

/** The one-line message parseVector gives for a broken copy of the iris vector. */
function messageFor(breakIt: (v: any) => void): string {
  const copy = structuredClone(iris);
  breakIt(copy);
  try {
    parseVector(copy, 'vectors/iris.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected parseVector to reject the broken copy');
}

describe('parseVector', () => {
  it('accepts the shipped vector and keeps its values', () => {
    const v = parseVectorFile(irisPath);
    expect(v.model.layers).toEqual([4, 16, 8, 8, 3]);
    expect(v.training.optimizer).toEqual({ kind: 'sgd', learningRate: 0.1 });
    expect(v.expected.costs).toHaveLength(800);
    expect(v.init.W1).toEqual(iris.init.W1);
    expect('reference' in v).toBe(false); // provenance, dropped: not part of a run
  });

  it.each([
    ['a missing field', (v: any) => delete v.training.epochs, 'vectors/iris.json: training.epochs: missing: expected a positive integer'],
    ['a bad learning rate', (v: any) => (v.training.optimizer.learningRate = -0.1), 'vectors/iris.json: training.optimizer.learningRate: expected a positive number, got -0.1'],
    ['an unknown optimizer', (v: any) => (v.training.optimizer.kind = 'lbfgs'), 'vectors/iris.json: training.optimizer.kind: expected one of sgd, momentum, adam, rmsprop, got "lbfgs"'],
    ['a setting the optimizer does not take', (v: any) => (v.training.optimizer.beta1 = 0.9), 'vectors/iris.json: training.optimizer: unexpected field "beta1"'],
    ['a misspelt training field', (v: any) => (v.training.batchsize = 3), 'vectors/iris.json: training: unexpected field "batchsize"'],
    ['a misspelt tolerance field', (v: any) => (v.expected.tolerance.abs = 1e-9), 'vectors/iris.json: expected.tolerance: unexpected field "abs"'],
    ['a misspelt top-level field', (v: any) => (v.expectd = {}), 'vectors/iris.json: unexpected field "expectd"'],
    ['momentum without its rate', (v: any) => (v.training.optimizer = { kind: 'momentum', learningRate: 0.1 }), 'vectors/iris.json: training.optimizer.momentum: missing: expected a number in [0, 1)'],
    ['adam with beta1 = 1', (v: any) => (v.training.optimizer = { kind: 'adam', learningRate: 0.1, beta1: 1 }), 'vectors/iris.json: training.optimizer.beta1: expected a number in [0, 1), got 1'],
    ['a fractional batch size', (v: any) => (v.training.batchSize = 2.5), 'vectors/iris.json: training.batchSize: expected null (full batch) or a positive integer, got 2.5'],
    ['a wrong-width X row', (v: any) => v.data.X[7].pop(), 'vectors/iris.json: data.X[7]: has 3 values, expected n0 = 4 (model.layers[0])'],
    ['a non-number in X', (v: any) => (v.data.X[2][1] = '5.1'), 'vectors/iris.json: data.X[2][1]: expected a finite number, got "5.1"'],
    ['a Y row too few', (v: any) => v.data.Y.pop(), 'vectors/iris.json: data.Y: has 149 rows but data.X has 150: expected one target row per example'],
    ['a wrong-width Y row', (v: any) => v.data.Y[0].push(0), 'vectors/iris.json: data.Y[0]: has 4 values, expected nL = 3 (model.layers[4])'],
    ['a target that is not one-hot', (v: any) => (v.data.Y[3] = [1, 1, 0]), 'vectors/iris.json: data.Y[3]: expected a one-hot row for ce (one 1, the rest 0), got [1, 1, 0]'],
    ['a weight matrix with a missing row', (v: any) => v.init.W2.pop(), 'vectors/iris.json: init.W2: has 7 rows, expected 8 rows of 16 numbers (layer 2 maps 16 -> 8, out x in)'],
    ['a transposed weight matrix', (v: any) => (v.init.W4 = v.init.W4[0].map((_: number, j: number) => v.init.W4.map((row: number[]) => row[j]))), 'vectors/iris.json: init.W4: has 8 rows, expected 3 rows of 8 numbers (layer 4 maps 8 -> 3, out x in)'],
    ['a missing bias', (v: any) => delete v.init.b3, 'vectors/iris.json: init.b3: missing: expected 8 numbers'],
    ['an extra parameter', (v: any) => (v.init.W5 = [[0]]), 'vectors/iris.json: init.W5: unexpected parameter: a 4-layer network has W1..W4 and b1..b4'],
    ['bce with a softmax output', (v: any) => (v.model.loss = 'bce'), 'vectors/iris.json: model.loss: bce needs a sigmoid output, but the last activation is softmax'],
    ['ce with a sigmoid output', (v: any) => (v.model.activations[3] = 'sigmoid'), 'vectors/iris.json: model.loss: ce needs a softmax output, but the last activation is sigmoid'],
    ['a softmax hidden layer', (v: any) => (v.model.activations[0] = 'softmax'), "vectors/iris.json: model.activations[0]: softmax cannot be a hidden layer's activation: expected one of relu, tanh, sigmoid, linear"],
    ['an activation too few', (v: any) => v.model.activations.pop(), 'vectors/iris.json: model.activations: expected 4 names, one per layer (model.layers has 5 widths), got 3'],
    ['a zero width', (v: any) => (v.model.layers[2] = 0), 'vectors/iris.json: model.layers[2]: expected a positive integer, got 0'],
    ['a cost too few', (v: any) => v.expected.costs.pop(), 'vectors/iris.json: expected.costs: has 799 values, expected one per epoch (training.epochs = 800)'],
    ['a wrong format', (v: any) => (v.format = 'mlp-conformance-vector/2'), 'vectors/iris.json: format: expected "mlp-conformance-vector/1", got "mlp-conformance-vector/2"'],
    ['a negative tolerance', (v: any) => (v.expected.tolerance.relative = -1e-9), 'vectors/iris.json: expected.tolerance.relative: expected a number >= 0, got -1e-9'],
    ['shuffling', (v: any) => (v.training.shuffle = true), 'vectors/iris.json: training.shuffle: expected false (this format version never shuffles), got true'],
  ])('rejects %s with one line naming the field', (_what, breakIt, message) => {
    expect(messageFor(breakIt)).toBe(message);
  });

  it('counts the further problems on the same line', () => {
    const message = messageFor((v) => {
      v.training.epochs = 0;
      v.training.optimizer.learningRate = 0;
    });
    expect(message).toBe('vectors/iris.json: training.epochs: expected a positive integer, got 0 (and 1 more problem)');
  });

  it('rejects a top level that is not an object', () => {
    expect(() => parseVector([1, 2], 'v.json')).toThrow(new InputError('v.json', '', 'expected a JSON object, got an array (length 2)'));
  });
});

describe('parseRun', () => {
  it('accepts a vector (expected is not part of a run) and a run without format', () => {
    const copy = structuredClone(iris);
    delete copy.format;
    delete copy.expected;
    const run = parseRun(copy, 'stdin');
    expect(run.name).toBe(iris.name);
    expect('expected' in run).toBe(false);
  });

  it('checks runs the same way as vectors', () => {
    const copy = structuredClone(iris);
    copy.data.X[0].push(1);
    expect(() => parseRun(copy, 'stdin')).toThrow('stdin: data.X[0]: has 5 values, expected n0 = 4 (model.layers[0])');
  });
});

describe('reading files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-parse-'));

  it('names an unreadable file', () => {
    const path = join(dir, 'absent.json');
    expect(() => parseVectorFile(path)).toThrow(new InputError(path, '', 'cannot read file: no such file'));
  });

  it('names the file and the place of invalid JSON, on one line', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{\n  "format": "x",\n}\n');
    try {
      parseVectorFile(path);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid JSON at line 3 column 1 \\(`));
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('places an unexpected token such as NaN, which V8 reports without a position', () => {
    expect(() => parseJson('{\n  "W1": [[1, 2]],\n  "b1": [ NaN, 0.5 ]\n}', 'x.json')).toThrow(/^x\.json: invalid JSON at line 3 column 11 \(Unexpected token 'N'/);
  });

  it('parseJson keeps the message on one line even when V8 quotes multi-line text', () => {
    expect(() => parseJson('{"a":\n\n 1,,}', 'x.json')).toThrow(/^x\.json: invalid JSON[^\n]*$/);
  });
});

describe('formatPath', () => {
  it('joins names with dots and indexes with brackets', () => {
    expect(formatPath(['data', 'X', 3, 1])).toBe('data.X[3][1]');
    expect(formatPath(['training', 'optimizer', 'learningRate'])).toBe('training.optimizer.learningRate');
    expect(formatPath([])).toBe('');
  });
});
