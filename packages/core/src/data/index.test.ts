import { describe, expect, it } from 'vitest';
import * as data from './index.js';

describe('data/index', () => {
  it('exports the public data helpers', () => {
    for (const name of [
      'DataError',
      'parseCsv',
      'readCsvFile',
      'fitStandardizer',
      'oneHot',
      'trainValidationSplit',
      'toColumns',
      'fromColumns',
    ]) {
      expect(typeof (data as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
