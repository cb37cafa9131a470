import { parseVectorFile } from '../parse.js';
import type { Run } from '../run.js';
import { loadSuiteDataset, SUITE_CASES, SUITE_SEEDS, suiteRun } from '../suite.js';
import { vectorFiles } from '../vectors.js';

export interface CandidateRunsOptions {
  /** Vector files or folders: their runs instead of the built-in suite's. */
  vectors?: readonly string[];
  /** Only these suite data sets (default: all). */
  datasets?: readonly string[];
  /** Only these suite seeds (default: SUITE_SEEDS). */
  seeds?: readonly number[];
}

/**
 * The runs a candidate is checked on: by default the built-in suite's (every
 * data set and seed, the same initial parameters the suite draws); with
 * `vectors`, the runs of those vector files (all read and validated first, so
 * a bad file fails before any training: an InputError naming file and field).
 */
export function candidateRuns(options: CandidateRunsOptions = {}): Run[] {
  if (options.vectors !== undefined) return vectorFiles(options.vectors).map((file) => parseVectorFile(file));
  const cases = SUITE_CASES.filter((c) => options.datasets === undefined || options.datasets.includes(c.dataset));
  return cases.flatMap((c) => {
    const data = loadSuiteDataset(c.dataset);
    return (options.seeds ?? SUITE_SEEDS).map((seed) => suiteRun(c, data, seed).run);
  });
}
