import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error.js';
import { SUITE_CASES, SUITE_SEEDS } from '../suite.js';
import { trainWithFaults } from '../mutants/loop.js';
import { mutantRun } from '../mutants/runs.js';
import type { Run, Vector } from '../run.js';
import type { Candidate } from './candidate.js';
import { CandidateError } from './candidate-error.js';
import { capRun, checkCandidate } from './check.js';
import { candidateRuns } from './runs.js';

const faulty = (label: string, faults: Parameters<typeof trainWithFaults>[1], trace = false): Candidate => ({
  label,
  train: async (run: Run) => trainWithFaults(run, faults, { trace }),
});

describe('checkCandidate', () => {
  const runs = [mutantRun('iris-relu-sgd'), mutantRun('flower-tanh-sgd')];

  it('passes a correct trainer on every run with no diagnosis', async () => {
    const report = await checkCandidate(runs, faulty('clean', {}));
    expect(report.totals).toEqual({ runs: 2, passed: 2, failed: 0 });
    for (const row of report.comparisons) {
      expect(row).toMatchObject({ pass: true, firstDivergentEpoch: null, diagnosis: null, maxRelativeDifference: 0 });
      expect(row.reference).toBe('lockstep/generic');
      expect(row.candidate).toBe('clean');
    }
  });

  it('fails the continue fault at epoch 2 with update-skipped, and reports as it goes', async () => {
    const seen: string[] = [];
    const report = await checkCandidate(runs, faulty('continue', { continueOnNonReportingEpochs: 10 }), {
      onComparison: (row) => seen.push(row.run),
    });
    expect(seen).toEqual(['mutants/iris-relu-sgd', 'mutants/flower-tanh-sgd']);
    expect(report.totals.failed).toBe(2);
    for (const row of report.comparisons) {
      expect(row).toMatchObject({ pass: false, firstDivergentEpoch: 2, diagnosis: { code: 'update-skipped', epoch: 2 } });
    }
  });

  it('trains the reference with traces when the candidate sends them, and names the parameter', async () => {
    const report = await checkCandidate([runs[0]!], faulty('bias', { biasGradientOverUnits: true }, true));
    expect(report.comparisons[0]!.diagnosis).toMatchObject({ code: 'diverged', layer: 3, parameter: 'b3' });
  });

  it('caps the epochs, and gives the candidate the run without `expected`', async () => {
    let seen: Run | undefined;
    const spy: Candidate = { label: 'spy', train: async (run) => ((seen = run), trainWithFaults(run)) };
    const vector = { ...runs[0]!, expected: { costs: [], finalCost: 0, tolerance: { relative: 1e-6 } } } as Vector;
    const report = await checkCandidate([vector], spy, { epochs: 5 });
    expect(seen?.training.epochs).toBe(5);
    expect(seen).not.toHaveProperty('expected');
    expect(report.comparisons[0]).toMatchObject({ epochs: 5, tolerance: 1e-6, pass: true });
    expect(capRun(runs[0]!, 500).training.epochs).toBe(30);
  });

  it('refuses a wrong number of costs with a one-line error saying which epochs agree', async () => {
    const error = await checkCandidate([runs[0]!], faulty('extra', { extraEpoch: true })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CandidateError);
    expect((error as Error).message).toBe(
      'candidate extra on run mutants/iris-relu-sgd: wrong number of costs: the candidate recorded 31 costs for 30 epochs; the first 30 agree, so the epoch loop runs 1 epoch too many (off by one?)',
    );
  });

  it('names a step scaled by m from costs alone on an sgd run (the learning-rate probe)', async () => {
    const report = await checkCandidate([runs[0]!], faulty('no 1/m', { missingInverseM: true }));
    expect(report.comparisons[0]!.diagnosis).toMatchObject({ code: 'step-scaled', factor: 150 });
  });
});

describe('candidateRuns', () => {
  it('gives the built-in suite runs by default: every data set and seed', () => {
    const runs = candidateRuns();
    expect(runs).toHaveLength(SUITE_CASES.length * SUITE_SEEDS.length);
    expect(runs.map((r) => r.name)).toContain('iris/seed-1');
    expect(candidateRuns({ datasets: ['wine'], seeds: [2, 7] }).map((r) => r.name)).toEqual(['wine/seed-2', 'wine/seed-7']);
  });

  it('reads vector files or folders instead, and names a bad path', () => {
    const folder = fileURLToPath(new URL('../../vectors/', import.meta.url));
    const runs = candidateRuns({ vectors: [folder] });
    expect(runs.map((r) => r.name)).toContain('iris-tanh-adam-minibatch');
    expect(() => candidateRuns({ vectors: ['no/such/vectors'] })).toThrow(InputError);
  });
});
