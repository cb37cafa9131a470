import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from './input-error.js';
import { BUNDLED_VECTORS_DIR, checkVectors, vectorFiles } from './vectors.js';

const dir = mkdtempSync(join(tmpdir(), 'lockstep-vectors-'));

/** A copy of a shipped vector with one change, written to the temp folder. */
function tamperedCopy(file: string, change: (v: any) => void): string {
  const v = JSON.parse(readFileSync(join(BUNDLED_VECTORS_DIR, file), 'utf8'));
  change(v);
  const path = join(dir, `tampered-${file}`);
  writeFileSync(path, JSON.stringify(v));
  return path;
}

describe('checkVectors on the shipped vectors (the test fixtures)', () => {
  it('passes every vector with generic, and with hardcoded where it applies, within 1e-9', () => {
    const report = checkVectors([BUNDLED_VECTORS_DIR]);
    const rows = report.results.map((r) => `${r.vector} ${r.trainer}`);
    expect(rows).toEqual([
      'flower-4layer-relu-sigmoid-bce generic',
      'flower-4layer-relu-sigmoid-bce hardcoded',
      'iris-4layer-relu-softmax-ce generic',
      'iris-4layer-relu-softmax-ce hardcoded',
      'iris-tanh-adam-minibatch generic',
      'wine-6layer-generic generic',
    ]);
    for (const r of report.results) {
      expect(r, `${r.vector} ${r.trainer}`).toMatchObject({ pass: true, firstFailingEpoch: null, tolerance: 1e-9 });
      expect(r.maxRelativeDifference).toBeLessThan(1e-9);
    }
    expect(report.totals).toEqual({ runs: 6, passed: 6, failed: 0 });
  });
});

describe('checkVectors on tampered copies', () => {
  it('reports the first failing epoch with got and expected', () => {
    const path = tamperedCopy('iris-tanh-adam-minibatch.json', (v) => {
      v.expected.costs[7] *= 1 + 1e-6;
      v.expected.costs[9] *= 1 + 1e-3;
    });
    const [row] = checkVectors([path]).results;
    expect(row).toMatchObject({ vector: 'iris-tanh-adam-minibatch', trainer: 'generic', pass: false, firstFailingEpoch: 7, epochs: 60 });
    expect(row!.expected! / row!.got! - 1).toBeCloseTo(1e-6, 9);
    expect(row!.maxRelativeDifference).toBeCloseTo(1e-3, 5);
  });

  it('locates a wrong final cost after the last epoch', () => {
    const path = tamperedCopy('iris-tanh-adam-minibatch.json', (v) => (v.expected.finalCost += 1e-6));
    const [row] = checkVectors([path]).results;
    expect(row).toMatchObject({ pass: false, firstFailingEpoch: 60, epochs: 60 });
  });

  it('fails both trainers of a 4-layer vector whose learning rate was changed', () => {
    const path = tamperedCopy('iris-4layer-relu-softmax-ce.json', (v) => (v.training.optimizer.learningRate = 0.1 * (1 + 1e-6)));
    const report = checkVectors([path]);
    expect(report.results.map((r) => [r.trainer, r.pass, r.firstFailingEpoch])).toEqual([
      ['generic', false, 1],
      ['hardcoded', false, 1],
    ]);
    expect(report.totals).toEqual({ runs: 2, passed: 0, failed: 2 });
  });
});

describe('vectorFiles', () => {
  it('expands folders to their *.json files in name order, keeps files as given, and lists a file named twice once', () => {
    const files = vectorFiles([BUNDLED_VECTORS_DIR, join(BUNDLED_VECTORS_DIR, 'wine-6layer-generic.json')]);
    expect(files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual([
      'flower-4layer-relu-sigmoid-bce.json',
      'iris-4layer-relu-softmax-ce.json',
      'iris-tanh-adam-minibatch.json',
      'wine-6layer-generic.json',
    ]);
    const [file] = vectorFiles([join(BUNDLED_VECTORS_DIR, 'iris-tanh-adam-minibatch.json')]);
    expect(vectorFiles([file!, `${BUNDLED_VECTORS_DIR}/./iris-tanh-adam-minibatch.json`])).toEqual([file]);
  });

  it('rejects a missing path and an empty folder', () => {
    expect(() => vectorFiles([join(dir, 'nope')])).toThrow(new InputError(join(dir, 'nope'), '', 'no such file or folder'));
    const empty = mkdtempSync(join(tmpdir(), 'lockstep-empty-'));
    expect(() => vectorFiles([empty])).toThrow(`${empty}: folder holds no *.json vector files`);
  });

  it('validates every file before training any', () => {
    const bad = tamperedCopy('wine-6layer-generic.json', (v) => delete v.init.b5);
    expect(() => checkVectors([BUNDLED_VECTORS_DIR, bad])).toThrow(`${bad}: init.b5: missing: expected 3 numbers`);
  });
});
