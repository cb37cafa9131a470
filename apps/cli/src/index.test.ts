import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_VECTORS_DIR, compareResults } from '@lockstep/conformance';
import { describe, expect, it } from 'vitest';
import { describeFailure } from './commands/conformance.js';
import { captureIo, runCli } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'lockstep-cli-'));

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

/** A copy of a shipped vector with one change. */
function tampered(name: string, file: string, change: (v: any) => void): string {
  const v = JSON.parse(readFileSync(join(BUNDLED_VECTORS_DIR, file), 'utf8'));
  change(v);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(v));
  return path;
}

/** stderr must be exactly one `lockstep: ...` line. */
function expectOneErrorLine(err: string): void {
  expect(err).toMatch(/^lockstep: [^\n]+\n$/);
  expect(err).not.toMatch(/\bat .*:\d+:\d+/); // no stack trace
}

describe('usage', () => {
  it('prints help and the version with exit 0', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage: lockstep/);
    expect(help.out).toMatch(/conformance/);
    expect(help.out).toMatch(/vectors/);
    const version = await run('--version');
    expect(version).toEqual({ code: 0, out: '0.1.0\n', err: '' });
    expect((await run('vectors', '--help')).code).toBe(0);
  });

  it.each([
    [[], /^lockstep: missing command/],
    [['train-everything'], /^lockstep: unknown command 'train-everything'; see lockstep --help/],
    [['conformance', '--fast'], /^lockstep: unknown option '--fast'.*; see lockstep conformance --help/],
    [['vectors'], /^lockstep: missing required argument 'paths'; see lockstep vectors --help/],
    [['conformance', 'extra'], /^lockstep: too many arguments/],
    [['vectors', BUNDLED_VECTORS_DIR, '--json'], /^lockstep: option '--json <file>' argument missing/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expectOneErrorLine(err);
    expect(err).toMatch(message);
  });
});

describe('lockstep vectors', () => {
  it('passes shipped vectors: one line per vector and trainer, exit 0, and a JSON report', async () => {
    // two of the fixtures (the whole folder runs in conformance/src/vectors.test.ts)
    const files = ['iris-4layer-relu-softmax-ce.json', 'iris-tanh-adam-minibatch.json'].map((f) => join(BUNDLED_VECTORS_DIR, f));
    const json = join(dir, 'vectors.json');
    const { code, out, err } = await run('vectors', ...files, '--json', json);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^PASS {2}iris-4layer-relu-softmax-ce {2}generic {2}800 epochs {2}max rel diff (0|\d\.\de-1\d)$/);
    expect(lines[1]).toMatch(/^PASS {2}iris-4layer-relu-softmax-ce {2}hardcoded {2}800 epochs {2}max rel diff /);
    expect(lines[2]).toMatch(/^PASS {2}iris-tanh-adam-minibatch {2}generic {2}60 epochs {2}max rel diff /);
    expect(lines[3]).toBe('Total: 3 checks, 3 passed, 0 failed');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.totals).toEqual({ runs: 3, passed: 3, failed: 0 });
    expect(Object.keys(report.results[0])).toEqual(['vector', 'trainer', 'pass', 'epochs', 'maxRelativeDifference', 'firstFailingEpoch', 'diagnosis']);
    expect(report.results[1]).toMatchObject({ vector: 'iris-4layer-relu-softmax-ce', trainer: 'hardcoded', pass: true, epochs: 800, firstFailingEpoch: null });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 1 on a disagreement and prints the first failing epoch with got vs expected', async () => {
    const path = tampered('off-at-4.json', 'iris-tanh-adam-minibatch.json', (v) => (v.expected.costs[4] *= 1.001));
    const json = join(dir, 'failing.json');
    const { code, out } = await run('vectors', path, '--json', json);
    expect(code).toBe(1);
    expect(out).toMatch(/^FAIL {2}iris-tanh-adam-minibatch {2}generic {2}60 epochs {2}max rel diff 1\.0e-3 {2}first failing epoch 4: got \d\.\d+ expected \d\.\d+ \(tolerance 1e-9\); diverged: the curves part at epoch 4 .*\n/);
    expect(out).toMatch(/Total: 1 check, 0 passed, 1 failed\n$/);
    expect(JSON.parse(readFileSync(json, 'utf8')).results[0]).toMatchObject({ pass: false, firstFailingEpoch: 4, diagnosis: { code: 'diverged', epoch: 4 } });
  });

  it('exits 2 on an invalid vector, naming the file and the field, and writes no report', async () => {
    const path = tampered('bad-optimizer.json', 'iris-4layer-relu-softmax-ce.json', (v) => (v.training.optimizer.kind = 'adagrad'));
    const json = join(dir, 'never.json');
    const { code, out, err } = await run('vectors', path, '--json', json);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`lockstep: ${path}: training.optimizer.kind: expected one of sgd, momentum, adam, rmsprop, got "adagrad"\n`);
    expect(existsSync(json)).toBe(false);
  });

  it('exits 2 for a missing file and for invalid JSON', async () => {
    const missing = await run('vectors', join(dir, 'absent.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`lockstep: ${join(dir, 'absent.json')}: no such file or folder\n`);
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{"format": "mlp-conformance-vector/1",\n');
    const broken = await run('vectors', path);
    expect(broken.code).toBe(2);
    expectOneErrorLine(broken.err);
    expect(broken.err).toMatch(new RegExp(`^lockstep: ${path}: invalid JSON`));
  });

  it('exits 2 before training when the --json folder does not exist', async () => {
    const { code, out, err } = await run('vectors', BUNDLED_VECTORS_DIR, '--json', join(dir, 'no-such-folder', 'r.json'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^lockstep: --json .*r\.json: folder .*no-such-folder does not exist\n$/);
  });
});

describe('lockstep conformance', () => {
  it('prints the table and the total, writes the report, exit 0 (--quick, one data set and seed)', async () => {
    const json = join(dir, 'conformance.json');
    const { code, out, err } = await run('conformance', '--quick', '--dataset', 'iris', '--seed', '2', '--json', json);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^data set +shape +seed +check +epochs +first cost +final cost +max rel diff +verdict$/);
    expect(lines[1]).toMatch(/^iris +4-16-8-8-3 +2 +hardcoded vs generic +30 +1\.\d{6} +0\.\d+ +0 +PASS$/);
    expect(lines[2]).toMatch(/^iris +4-16-8-8-3 +2 +generic\/typed vs generic\/mathjs +30 +1\.\d{6} +0\.\d+ +0 +PASS$/);
    // picking a data set and seed reruns just that comparison: no bundled vectors
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/^Total: 2 comparisons, 2 passed, 0 failed \(\d+\.\d s\)$/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.totals).toEqual({ runs: 2, passed: 2, failed: 0 });
    expect(report.comparisons[0]).toMatchObject({ run: 'iris/seed-2', dataset: 'iris', seed: 2, reference: 'hardcoded', candidate: 'generic', startIdentical: true, epochs: 30 });
  });

  it('--epochs caps a run at its own length and combines with --quick as the smaller cap', async () => {
    const epochsOf = (out: string): string[] => out.trimEnd().split('\n').slice(1, -1).map((line) => line.split(/ {2,}/)[4]!);
    expect(epochsOf((await run('conformance', '--dataset', 'digits', '--seed', '1', '--epochs', '5000', '--quick')).out)).toEqual(['30', '5']);
    expect(epochsOf((await run('conformance', '--dataset', 'digits', '--seed', '1', '--epochs', '3')).out)).toEqual(['3', '3']);
    const vectors = await run('conformance', '--vectors', join(BUNDLED_VECTORS_DIR, 'iris-tanh-adam-minibatch.json'), '--dataset', 'wine', '--seed', '1', '--epochs', '2');
    expect(vectors.out).toMatch(/\niris-tanh-adam-minibatch +4-10-10-3 +- +vector vs generic +60 /); // vectors run in full
  });

  it('runs a data set or seed named twice once', async () => {
    const { out } = await run('conformance', '--dataset', 'iris', '--dataset', 'iris', '--seed', '1', '--seed', '1', '--epochs', '2');
    expect(out).toMatch(/Total: 2 comparisons/);
  });

  it.each([
    [['conformance', '--dataset', 'mnist'], /^lockstep: option '--dataset <name>' argument 'mnist' is invalid\. expected one of breast-cancer, flower, iris, wine, digits; see lockstep conformance --help\n$/],
    [['conformance', '--seed', '-1'], /^lockstep: option '--seed <n>' argument '-1' is invalid\. expected a whole number from 0 to 9007199254740991; see lockstep conformance --help\n$/],
    [['conformance', '--json', '/no/such/folder/r.json'], /^lockstep: --json \/no\/such\/folder\/r\.json: folder \/no\/such\/folder does not exist\n$/],
    [['conformance', '--json', '/tmp'], /^lockstep: --json \/tmp: is a folder, expected a file name \(e\.g\. \/tmp\/report\.json\)\n$/],
    [['conformance', '--vectors', '/no/such/vectors'], /^lockstep: \/no\/such\/vectors: no such file or folder\n$/],
  ])('exits 2 before training for %j', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });
});

describe('conformance failure lines', () => {
  it('name the run, the first divergent epoch and both costs in full', () => {
    const c = compareResults({
      run: 'iris/seed-2',
      dataset: 'iris',
      seed: 2,
      layers: [4, 16, 8, 8, 3],
      reference: { label: 'hardcoded', result: { costs: [1.1, 0.9, 0.7], finalCost: 0.6 } },
      candidate: { label: 'generic', result: { costs: [1.1, 0.9, 0.7000001], finalCost: 0.6 } },
      tolerance: 0,
      startIdentical: true,
    });
    expect(describeFailure(c)).toBe(
      'iris/seed-2 hardcoded vs generic: first differs at epoch 2: hardcoded 0.7, generic 0.7000001 (tolerance 0); ' +
        'diverged: the curves part at epoch 2 (cost 0.7000001, reference 0.7) in a way that fits no simpler pattern; the update made during epoch 1 is the place to look',
    );
    const finalOnly = { ...c, firstDivergentEpoch: 3, divergentCosts: { reference: 0.6, candidate: 0.61 } };
    expect(describeFailure(finalOnly)).toMatch(/first differs at the final cost \(after epoch 2\): hardcoded 0.6, generic 0.61/);
    expect(describeFailure({ ...c, startIdentical: false })).toBe('iris/seed-2 hardcoded vs generic: the two trainers did not start from bit-identical parameters');
  });
});
