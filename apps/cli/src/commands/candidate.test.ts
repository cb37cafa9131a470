import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../io.js';
import { runCandidateCheck } from './candidate.js';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const irisVector = root('conformance/vectors/iris-4layer-relu-softmax-ce.json');
const adamVector = root('conformance/vectors/iris-tanh-adam-minibatch.json');
const hasPython = spawnSync('python3', ['--version']).status === 0;
const python = (name: string) => `python3 ${JSON.stringify(root(`examples/candidates/${name}`))}`;
const withPython = hasPython ? it : it.skip;
const skipNote = hasPython ? '' : ' (skipped: no python3 on the PATH)';

describe('lockstep conformance --candidate / --candidate-cmd', () => {
  it('passes the JavaScript example module on vector runs, capped by --epochs', async () => {
    const io = captureIo();
    const code = await runCandidateCheck(io, { candidate: root('examples/candidates/trainer.mjs'), vectors: [irisVector, adamVector], epochs: '4' });
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toMatch(/iris-4layer-relu-softmax-ce\s+4-16-8-8-3\s+4\s.*PASS/);
    expect(io.out).toMatch(/Total: 2 runs, 2 passed, 0 failed/);
  });

  withPython(`flags the Python continue bug update-skipped at epoch 2, exits 1, and writes the diagnosis to --json${skipNote}`, async () => {
    const io = captureIo();
    const json = join(mkdtempSync(join(tmpdir(), 'lockstep-cli-')), 'report.json');
    const code = await runCandidateCheck(io, { candidateCmd: python('continue_bug.py'), vectors: [irisVector], epochs: '12', json });
    expect(code).toBe(1);
    expect(io.out).toMatch(/FAIL\s+2\s+update-skipped/);
    expect(io.out).toMatch(/FAIL iris-4layer-relu-softmax-ce: first differs at epoch 2: update-skipped: /);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.totals).toEqual({ runs: 1, passed: 0, failed: 1 });
    expect(report.comparisons[0]).toMatchObject({
      run: 'iris-4layer-relu-softmax-ce',
      reference: 'lockstep/generic',
      pass: false,
      epochs: 12,
      firstDivergentEpoch: 2,
      diagnosis: { code: 'update-skipped', epoch: 2 },
    });
    expect(typeof report.comparisons[0].maxRelativeDifference).toBe('number');
  });

  withPython(`passes continue_fixed.py, the same program without the \`continue\`${skipNote}`, async () => {
    const io = captureIo();
    expect(await runCandidateCheck(io, { candidateCmd: python('continue_fixed.py'), vectors: [irisVector], epochs: '12' })).toBe(0);
  });

  it('shows a crashing command’s stderr under a one-line error and exits 2', async () => {
    const io = captureIo();
    const cmd = `node -e ${JSON.stringify('console.error("Traceback (most recent call last):"); console.error("ValueError: shapes (3,4) and (5,) not aligned"); process.exit(1)')}`;
    const code = await runCandidateCheck(io, { candidateCmd: cmd, vectors: [irisVector], epochs: '2' });
    expect(code).toBe(2);
    expect(io.err).toMatch(/^lockstep: candidate command `node -e .*` on run iris-4layer-relu-softmax-ce: exited with code 1\nits standard error:\n {2}Traceback/);
    expect(io.err).toContain('  ValueError: shapes (3,4) and (5,) not aligned\n');
  });

  it('shows the stderr of a candidate that runs but disagrees under its FAIL line, and keeps it in the report', async () => {
    const io = captureIo();
    const program = [
      'let s = "";',
      'process.stdin.on("data", (d) => (s += d)).on("end", () => {',
      '  const run = JSON.parse(s);',
      '  console.error("warning: cost computed with an epsilon inside the log");',
      '  console.log(JSON.stringify({ costs: new Array(run.training.epochs).fill(1), finalCost: 1 }));',
      '});',
    ].join(' ');
    const code = await runCandidateCheck(io, { candidateCmd: `node -e ${JSON.stringify(program)}`, vectors: [irisVector], epochs: '3' });
    expect(code).toBe(1);
    expect(io.out).toMatch(/FAIL iris-4layer-relu-softmax-ce: first differs at epoch 0.*\nits standard error:\n {2}warning: cost computed with an epsilon inside the log\n/);
  });

  it('refuses bad usage before training', async () => {
    const io = captureIo();
    await expect(runCandidateCheck(io, { candidate: 'a.mjs', candidateCmd: 'x' })).rejects.toThrow(/either --candidate FILE or --candidate-cmd/);
    await expect(runCandidateCheck(io, { candidateCmd: 'x', epochs: '0' })).rejects.toThrow('--epochs expects a positive integer, got "0"');
    await expect(runCandidateCheck(io, { candidateCmd: 'x', timeout: 'soon' })).rejects.toThrow('--timeout expects a positive number of seconds up to 2147483, got "soon"');
    // Node would fire a longer timer at once: refused rather than a 1 ms timeout
    await expect(runCandidateCheck(io, { candidateCmd: 'x', timeout: '3000000' })).rejects.toThrow('--timeout expects a positive number of seconds up to 2147483, got "3000000"');
    expect(await runCandidateCheck(io, { candidate: 'no/such.mjs' })).toBe(2);
    expect(io.err).toBe('lockstep: candidate module no/such.mjs: file not found\n');
  });
});

describe('through runCli (the wiring and the exit codes)', () => {
  withPython(`routes --candidate-cmd to the candidate check: 1 on a disagreement${skipNote}`, async () => {
    const { runCli } = await import('../index.js');
    const io = captureIo();
    expect(await runCli(['conformance', '--candidate-cmd', python('continue_bug.py'), '--vectors', irisVector, '--epochs', '4'], io)).toBe(1);
    expect(io.out).toMatch(/first differs at epoch 2: update-skipped/);
  });

  it('exits 2 with one line on bad usage', async () => {
    const { runCli } = await import('../index.js');
    for (const argv of [
      ['conformance', '--timeout', '5'],
      ['conformance', '--candidate', 'a.mjs', '--candidate-cmd', 'b'],
      ['conformance', '--candidate-cmd', 'b', '--vectors', irisVector, '--seed', '1'],
      ['mutants', '--only', 'no-such-mutant'],
    ]) {
      const io = captureIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err).toMatch(/^lockstep: [^\n]+\n$/);
    }
  });
});
