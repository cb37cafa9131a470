import { DataError } from '@lockstep/core';
import { describe, expect, it } from 'vitest';
import { loadIris } from './bundled.js';
import { flower } from './flower.js';
import { datasetNames, isDatasetName, loadDataset } from './load-dataset.js';
import { moons } from './moons.js';

describe('loadDataset', () => {
  it('knows every name in datasetNames and returns a set of that name', () => {
    expect(datasetNames).toEqual(['iris', 'breast-cancer', 'wine', 'digits', 'flower', 'moons']);
    for (const name of datasetNames) {
      const d = loadDataset(name, { seed: 1 });
      expect(d.name).toBe(name);
      expect(d.X.length).toBe(d.Y.length);
    }
  });

  it('gives the same data as the direct loaders and generators', () => {
    expect(loadDataset('iris')).toEqual(loadIris());
    expect(loadDataset('flower', { seed: 2 })).toEqual(flower({ seed: 2 }));
    expect(loadDataset('moons', { seed: 2, m: 50, noise: 0.3 })).toEqual(moons({ seed: 2, m: 50, noise: 0.3 }));
  });

  it('lists the valid names for an unknown one', () => {
    expect(() => loadDataset('mnist')).toThrow(
      new DataError('unknown dataset "mnist"; the datasets are iris, breast-cancer, wine, digits, flower, moons'),
    );
  });

  it('needs a seed for a generated set and refuses m/noise for a bundled one', () => {
    expect(() => loadDataset('moons')).toThrow(new DataError('dataset "moons" is generated and needs a seed'));
    expect(() => loadDataset('wine', { m: 10 })).toThrow(DataError);
    expect(() => loadDataset('flower', { seed: 1, petal: 3 } as never)).toThrow('loadDataset: unknown option "petal" (expected seed, m, noise)');
  });

  it('tells names apart', () => {
    expect(isDatasetName('digits')).toBe(true);
    expect(isDatasetName('Digits')).toBe(false);
    expect(isDatasetName('toString')).toBe(false);
  });
});
