import { describe, expect, it } from 'vitest';
import { compareResults } from '../report.js';
import { trainRun } from '../trainers.js';
import { MUTANTS } from './catalog.js';
import { trainWithFaults } from './loop.js';
import { runMutants } from './run-mutants.js';
import { MUTANT_RUN_IDS, mutantRun } from './runs.js';

describe('the mutant loop', () => {
  it('without faults is the generic trainer bit for bit, traces included, on every mutant run', () => {
    for (const id of MUTANT_RUN_IDS) {
      const run = mutantRun(id);
      const reference = trainRun(run, { trainer: 'generic', trace: true });
      expect(trainWithFaults(run, {}, { trace: true }), id).toEqual(reference);
    }
  });
});

describe('the mutant catalog', () => {
  const report = runMutants();

  it('covers the faults the issue lists, each on at least one run', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(13);
    for (const mutant of MUTANTS) expect(mutant.runs.length, mutant.id).toBeGreaterThan(0);
  });

  it.each(MUTANTS.map((m) => m.id))('%s is caught with the expected diagnosis on every run', (id) => {
    const outcome = report.mutants.find((m) => m.id === id)!;
    for (const run of outcome.runs) {
      expect(run.caught, `${id} on ${run.run}`).toBe(true);
      expect(run.error).toBeUndefined();
      expect(run.diagnosis?.code, `${id} on ${run.run}: ${run.diagnosis?.message}`).toBe(outcome.expected.code);
      if (outcome.expected.parameter !== undefined) expect(run.diagnosis?.parameter, `${id} on ${run.run}`).toBe(outcome.expected.parameter);
    }
    expect(outcome.caught && outcome.asExpected).toBe(true);
  });

  it('totals every mutant caught', () => {
    expect(report.totals).toEqual({ mutants: MUTANTS.length, caught: MUTANTS.length, missed: 0, asExpected: MUTANTS.length });
  });
});

describe('the continue fault (issue 2)', () => {
  it('is reported diverging at epoch index 2: the update after epoch 0 runs, the one after epoch 1 does not', () => {
    const run = mutantRun('iris-relu-sgd');
    const reference = trainRun(run, { trainer: 'generic' });
    const faulty = trainWithFaults(run, { continueOnNonReportingEpochs: 10 });
    const comparison = compareResults({
      run: run.name,
      layers: run.model.layers,
      reference: { label: 'generic', result: reference },
      candidate: { label: 'continue fault', result: faulty },
      tolerance: 1e-9,
    });
    expect(comparison.pass).toBe(false);
    expect(comparison.firstDivergentEpoch).toBe(2);
    expect(faulty.costs[0]).toBe(reference.costs[0]);
    expect(faulty.costs[1]).toBe(reference.costs[1]);
    expect(faulty.costs[2]).toBe(faulty.costs[1]);
  });
});

describe('diagnosis from costs alone (no traces)', () => {
  const report = runMutants({ traces: false });
  const codeOn = (id: string, run: string) => report.mutants.find((m) => m.id === id)!.runs.find((r) => r.run === `mutants/${run}`)!.diagnosis?.code;

  it('still catches every mutant', () => {
    expect(report.totals.missed).toBe(0);
  });

  it('names the faults whose cost curves have a recognisable shape', () => {
    expect(codeOn('continue-skips-update', 'iris-relu-sgd')).toBe('update-skipped');
    expect(codeOn('continue-skips-update', 'flower-tanh-sgd')).toBe('update-skipped');
    expect(codeOn('epoch-loop-from-one', 'iris-relu-sgd')).toBe('curve-shifted');
    expect(codeOn('cost-after-update', 'flower-tanh-sgd')).toBe('curve-shifted');
    expect(codeOn('missing-inverse-m', 'iris-relu-sgd')).toBe('step-scaled');
    expect(codeOn('inverse-m-twice', 'wine-relu-momentum')).toBe('step-scaled');
    expect(codeOn('epsilon-in-log', 'iris-relu-sgd')).toBe('cost-definition');
    expect(codeOn('gradients-accumulate', 'iris-relu-sgd')).toBe('diverged');
  });
});
