import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBreastCancer, loadDigits, loadIris, loadWine } from './bundled.js';
import type { Dataset } from './dataset.js';

interface VectorData {
  data: { X: number[][]; Y: number[][] };
}

function vector(file: string): VectorData {
  const url = new URL(`../../../conformance/vectors/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as VectorData;
}

function maxAbsDifference(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  a.forEach((row, i) => {
    expect(row.length).toBe(b[i]!.length);
    row.forEach((v, j) => (max = Math.max(max, Math.abs(v - b[i]![j]!))));
  });
  return max;
}

function columnStats(X: number[][], j: number): { mean: number; std: number } {
  const col = X.map((r) => r[j]!);
  const mean = col.reduce((a, b) => a + b, 0) / col.length;
  const std = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
  return { mean, std };
}

function expectWellFormed(d: Dataset, m: number, n: number, k: number): void {
  expect(d.X).toHaveLength(m);
  expect(d.Y).toHaveLength(m);
  expect(d.labels).toHaveLength(m);
  expect(d.featureNames).toHaveLength(n);
  // One assertion per check, not per value: digits has 115k values.
  expect(d.X.every((row) => row.length === n && row.every(Number.isFinite))).toBe(true);
  const width = k === 2 ? 1 : k;
  // Every target row is 0/1 with one hot entry (or one 0/1 value) naming the class of its label.
  const targetClasses = d.Y.map((row) => {
    if (row.length !== width || !row.every((v) => v === 0 || v === 1)) return undefined;
    if (width === 1) return d.classes[row[0]!];
    return row.filter((v) => v === 1).length === 1 ? d.classes[row.indexOf(1)] : undefined;
  });
  expect(targetClasses).toEqual(d.labels);
  expect(d.classes).toHaveLength(k);
}

function expectStandardized(X: number[][]): void {
  for (let j = 0; j < X[0]!.length; j++) {
    const { mean, std } = columnStats(X, j);
    expect(Math.abs(mean)).toBeLessThan(1e-12);
    expect(std).toBeCloseTo(1, 12);
  }
}

describe('bundled data sets', () => {
  it('iris: 150 x 4, 3 classes in file order, standardized', () => {
    const d = loadIris();
    expect(d.name).toBe('iris');
    expectWellFormed(d, 150, 4, 3);
    expect(d.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(d.featureNames).toEqual(['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']);
    expectStandardized(d.X);
  });

  it('iris X and Y equal the conformance vectors within 1e-12', () => {
    const d = loadIris();
    for (const file of ['iris-4layer-relu-softmax-ce.json', 'iris-tanh-adam-minibatch.json']) {
      const v = vector(file);
      expect(maxAbsDifference(d.X, v.data.X), file).toBeLessThan(1e-12);
      expect(d.Y, file).toEqual(v.data.Y);
    }
  });

  it('breast-cancer: 569 x 30, binary with 212 malignant as 1, standardized', () => {
    const d = loadBreastCancer();
    expect(d.name).toBe('breast-cancer');
    expectWellFormed(d, 569, 30, 2);
    expect(d.classes).toEqual(['benign', 'malignant']);
    expect(d.Y.filter((y) => y[0] === 1)).toHaveLength(212);
    expect(d.labels.filter((l) => l === 'malignant')).toHaveLength(212);
    expectStandardized(d.X);
  });

  it('wine: 178 x 13, 3 classes in file order, standardized', () => {
    const d = loadWine();
    expect(d.name).toBe('wine');
    expectWellFormed(d, 178, 13, 3);
    expect(d.classes).toEqual(['class_0', 'class_1', 'class_2']);
    expectStandardized(d.X);
  });

  it('wine X and Y equal the conformance vector within 1e-12', () => {
    const d = loadWine();
    const v = vector('wine-6layer-generic.json');
    expect(maxAbsDifference(d.X, v.data.X)).toBeLessThan(1e-12);
    expect(d.Y).toEqual(v.data.Y);
  });

  it('digits: 1797 x 64 in [0, 1] with max 1, 10 classes', () => {
    const d = loadDigits();
    expect(d.name).toBe('digits');
    expectWellFormed(d, 1797, 64, 10);
    const values = d.X.flat();
    expect(values.reduce((a, b) => Math.max(a, b))).toBe(1);
    expect(values.reduce((a, b) => Math.min(a, b))).toBe(0);
    // Pixels are counts 0..16, so every value is a multiple of 1/16.
    expect(values.every((v) => Number.isInteger(v * 16))).toBe(true);
    expect([...d.classes].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('returns fresh arrays on every call', () => {
    const a = loadIris();
    a.X[0]![0] = 99;
    expect(loadIris().X[0]![0]).not.toBe(99);
  });
});
