import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadModuleCandidate } from '../candidates/module-candidate.js';
import { DEFAULT_CANDIDATE_TOLERANCE } from '../candidates/check.js';
import { diagnose } from '../diagnose/index.js';
import { compareResults } from '../report.js';
import type { Run, RunResult } from '../run.js';
import { BACKEND_TOLERANCE, HARDCODED_VS_GENERIC_TOLERANCE } from '../suite.js';
import { hardcodedApplies, trainRun } from '../trainers.js';
import { trainWithFaults } from '../mutants/loop.js';
import { genericConfigurations, hardcodedConfigurations } from './configurations.js';

/**
 * No false alarms: two correct trainers, on many random configurations, must
 * never disagree and never get a diagnosis, at the tolerances the suite uses.
 */
function expectAgreement(run: Run, reference: RunResult, candidate: RunResult, tolerance: number): void {
  const comparison = compareResults({
    run: run.name,
    layers: run.model.layers,
    reference: { label: 'reference', result: reference },
    candidate: { label: 'candidate', result: candidate },
    tolerance,
  });
  const miniBatch = run.training.batchSize !== null && run.training.batchSize < run.data.X.length;
  const diagnosis = diagnose(reference, candidate, tolerance, { miniBatch });
  expect({ run: run.name, pass: comparison.pass, diagnosis }).toEqual({ run: run.name, pass: true, diagnosis: null });
}

/** A learning rate that converges: the cost never ends above where it started (a dead relu chain stays flat). */
function expectDescent(run: Run, result: RunResult): void {
  expect(result.finalCost, `${run.name} layers ${run.model.layers.join('-')}`).toBeLessThanOrEqual(result.costs[0]!);
}

describe('no false alarms', () => {
  const hardcodedRuns = hardcodedConfigurations(60, 2024);
  const genericRuns = genericConfigurations(60, 7);

  it('the configurations cover widths 1-12 with equal neighbours, binary and multiclass', () => {
    const all = [...hardcodedRuns, ...genericRuns];
    const widths = new Set(all.flatMap((r) => r.model.layers));
    for (let w = 1; w <= 12; w++) expect(widths.has(w), `width ${w}`).toBe(true);
    const equalNeighbours = all.filter((r) => r.model.layers.some((n, i) => i > 0 && n === r.model.layers[i - 1])).length;
    expect(equalNeighbours).toBeGreaterThanOrEqual(20);
    expect(all.filter((r) => r.model.loss === 'bce').length).toBeGreaterThanOrEqual(20);
    expect(all.filter((r) => r.model.loss === 'ce').length).toBeGreaterThanOrEqual(20);
    expect(hardcodedRuns.every(hardcodedApplies)).toBe(true);
  });

  it('generic vs hardcoded on 60 random 4-layer configurations: bit-identical, no diagnosis', () => {
    for (const run of hardcodedRuns) {
      const hardcoded = trainRun(run, { trainer: 'hardcoded' });
      const generic = trainRun(run, { trainer: 'generic' });
      expectDescent(run, hardcoded);
      expectAgreement(run, hardcoded, generic, HARDCODED_VS_GENERIC_TOLERANCE);
    }
  });

  it('generic on the typed vs the mathjs kernels on 60 random configurations (any depth, activation, optimizer, batch)', () => {
    for (const run of genericRuns) {
      const typed = trainRun(run, { trainer: 'generic', backend: 'typed' });
      const mathjs = trainRun(run, { trainer: 'generic', backend: 'mathjs' });
      expectDescent(run, typed);
      expectAgreement(run, typed, mathjs, BACKEND_TOLERANCE);
    }
  });

  it('an independent trainer (the JavaScript example candidate) against the reference on the same 60, with traces', async () => {
    const candidate = await loadModuleCandidate(fileURLToPath(new URL('../../../examples/candidates/trainer.mjs', import.meta.url)));
    for (const run of genericRuns) {
      const reference = trainRun(run, { trainer: 'generic', trace: true });
      expectAgreement(run, reference, await candidate.train(run), DEFAULT_CANDIDATE_TOLERANCE);
    }
  });

  it('while the same thresholds still catch the continue fault on every one of those runs that learns', () => {
    let learning = 0;
    for (const run of [...hardcodedRuns, ...genericRuns]) {
      const reference = trainRun(run, { trainer: 'generic' });
      if (reference.costs[2] === reference.costs[1]) continue; // a dead network: nothing to skip
      learning++;
      const diagnosis = diagnose(reference, trainWithFaults(run, { continueOnNonReportingEpochs: 10 }), DEFAULT_CANDIDATE_TOLERANCE);
      expect(diagnosis, run.name).not.toBeNull();
    }
    expect(learning).toBeGreaterThanOrEqual(100);
  });
});
