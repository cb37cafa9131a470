import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mutantRun } from '../mutants/runs.js';
import { capRun, checkCandidate } from './check.js';
import { candidateRuns } from './runs.js';
import { commandCandidate } from './command-candidate.js';
import { loadModuleCandidate } from './module-candidate.js';

/** The example candidates in examples/candidates, checked the way a user would check them. */
const example = (name: string) => fileURLToPath(new URL(`../../../examples/candidates/${name}`, import.meta.url));
const python = ['python3', 'python'].find((cmd) => spawnSync(cmd, ['--version']).status === 0);
const hasNumpy = python !== undefined && spawnSync(python, ['-c', 'import numpy']).status === 0;
const py = (name: string) => commandCandidate(`${python} ${JSON.stringify(example(name))}`, { timeoutMs: 60_000 });

const fullBatchRuns = [mutantRun('iris-relu-sgd'), mutantRun('flower-tanh-sgd')];
/** Small enough for plain Python: every activation, loss and optimizer the examples implement. */
const smallRuns = [
  capRun(mutantRun('iris-tanh-adam-minibatch'), 6),
  capRun(mutantRun('wine-relu-momentum'), 6),
  capRun(mutantRun('flower-tanh-sgd'), 6),
];

/** Two suite runs, five epochs: the shape the minimal examples handle. */
const suiteRuns = () => candidateRuns({ datasets: ['iris', 'flower'], seeds: [1] }).map((run) => capRun(run, 5));

describe('the candidates README', () => {
  it('shows minimal.py and minimal.mjs exactly as they are in the folder', () => {
    const readme = readFileSync(example('README.md'), 'utf8');
    for (const name of ['minimal.py', 'minimal.mjs']) expect(readme).toContain(readFileSync(example(name), 'utf8').trimEnd());
  });

  it('minimal.mjs passes the suite runs it is written for', async () => {
    const report = await checkCandidate(suiteRuns(), await loadModuleCandidate(example('minimal.mjs')));
    expect(report.totals).toEqual({ runs: 2, passed: 2, failed: 0 });
  });
});

describe('the JavaScript example candidate', () => {
  it('agrees with the reference on sgd, momentum and mini-batch adam runs', async () => {
    const report = await checkCandidate(smallRuns, await loadModuleCandidate(example('trainer.mjs')));
    expect(report.comparisons.map((r) => [r.run, r.pass, r.diagnosis])).toEqual(smallRuns.map((r) => [r.name, true, null]));
  });
});

describe.skipIf(python === undefined)(`the Python example candidates${python === undefined ? ' (skipped: no python3 on the PATH)' : ''}`, () => {
  it('minimal.py passes the suite runs it is written for', async () => {
    const report = await checkCandidate(suiteRuns(), py('minimal.py'));
    expect(report.totals).toEqual({ runs: 2, passed: 2, failed: 0 });
  });

  it('continue_bug.py is flagged update-skipped at epoch 2 through --candidate-cmd', async () => {
    const report = await checkCandidate(fullBatchRuns, py('continue_bug.py'));
    for (const row of report.comparisons) {
      expect(row).toMatchObject({ pass: false, firstDivergentEpoch: 2, diagnosis: { code: 'update-skipped', epoch: 2 } });
    }
  });

  it('continue_bug.py falls back to plain Python where numpy is missing, and is flagged the same way', async () => {
    const script = example('continue_bug.py');
    const withoutNumpy = `import sys, runpy; sys.modules['numpy'] = None; sys.path.insert(0, ${JSON.stringify(example(''))}); runpy.run_path(${JSON.stringify(script)}, run_name='__main__')`;
    const candidate = commandCandidate(`${python} -c ${JSON.stringify(withoutNumpy)}`, { timeoutMs: 60_000 });
    const report = await checkCandidate([capRun(fullBatchRuns[0]!, 4)], candidate);
    expect(report.comparisons[0]).toMatchObject({ firstDivergentEpoch: 2, diagnosis: { code: 'update-skipped', epoch: 2 } });
  });

  it('continue_fixed.py, the same program without the `continue`, passes', async () => {
    const report = await checkCandidate(fullBatchRuns, py('continue_fixed.py'));
    expect(report.totals).toEqual({ runs: 2, passed: 2, failed: 0 });
    expect(report.comparisons.every((r) => r.diagnosis === null)).toBe(true);
  });

  it('trainer.py (plain Python) agrees with the reference on sgd, momentum and mini-batch adam runs', async () => {
    const report = await checkCandidate(smallRuns, py('trainer.py'));
    expect(report.comparisons.map((r) => [r.run, r.pass])).toEqual(smallRuns.map((r) => [r.name, true]));
  });

  it.skipIf(!hasNumpy)(`numpy_trainer.py agrees too${hasNumpy ? '' : ' (skipped: numpy not installed)'}`, async () => {
    const report = await checkCandidate(smallRuns, py('numpy_trainer.py'));
    expect(report.comparisons.map((r) => [r.run, r.pass])).toEqual(smallRuns.map((r) => [r.name, true]));
  });
});
