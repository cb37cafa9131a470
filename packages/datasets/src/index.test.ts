import { describe, expect, it } from 'vitest';
import * as datasets from './index.js';

describe('@lockstep/datasets', () => {
  it('exports the loaders, the generators and loadDataset', () => {
    for (const name of ['loadIris', 'loadBreastCancer', 'loadWine', 'loadDigits', 'flower', 'moons', 'loadDataset', 'isDatasetName']) {
      expect(typeof (datasets as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(datasets.datasetNames).toContain('iris');
  });
});
