import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error.js';
import { SUITE_CASES, SUITE_SEEDS } from '../suite.js';
import { candidateRuns } from './runs.js';

describe('candidateRuns', () => {
  it('gives the built-in suite runs by default: every data set and seed', () => {
    const runs = candidateRuns();
    expect(runs).toHaveLength(SUITE_CASES.length * SUITE_SEEDS.length);
    expect(runs.map((r) => r.name)).toContain('iris/seed-1');
  });

  it('reads vector files or folders instead, and names a bad path', () => {
    const folder = fileURLToPath(new URL('../../vectors/', import.meta.url));
    const runs = candidateRuns({ vectors: [folder] });
    expect(runs.map((r) => r.name)).toContain('iris-tanh-adam-minibatch');
    expect(() => candidateRuns({ vectors: ['no/such/vectors'] })).toThrow(InputError);
  });
});
