import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Run } from '../run.js';
import { CandidateError } from './candidate-error.js';
import { commandCandidate } from './command-candidate.js';

const echo = fileURLToPath(new URL('./fixtures/echo-epochs.mjs', import.meta.url));
const run = { name: 'tiny', training: { epochs: 2 } } as unknown as Run;
const node = (script: string) => `node -e ${JSON.stringify(script)}`;

async function failure(command: string, timeoutMs = 10_000): Promise<CandidateError> {
  try {
    await commandCandidate(command, { timeoutMs }).train(run);
  } catch (error) {
    if (error instanceof CandidateError) return error;
    throw error;
  }
  throw new Error('expected the candidate to fail');
}

describe('commandCandidate', () => {
  it('refuses an empty command in one line', () => {
    expect(() => commandCandidate('  ')).toThrow('candidate command: empty, expected a command such as "python3 my_trainer.py"');
  });

  it('writes the run to stdin and reads the result from the last line of stdout', async () => {
    const result = await commandCandidate(`node ${JSON.stringify(echo)}`, { timeoutMs: 10_000 }).train(run);
    expect(result).toEqual({ costs: [1, 0.5], finalCost: 1 / 3, stderr: '' });
  });

  it('accepts NaN and Infinity as Python writes them', async () => {
    const result = await commandCandidate(node('console.log(\'{"costs": [1, NaN], "finalCost": Infinity}\')')).train(run);
    expect(result.costs[1]).toBeNaN();
    expect(result.finalCost).toBe(Infinity);
  });

  it('reports a non-zero exit with the command, the run and its stderr', async () => {
    const error = await failure(node('console.error("Traceback: boom"); process.exit(3)'));
    expect(error.message).toMatch(/^candidate command `node -e .*` on run tiny: exited with code 3$/);
    expect(error.stderr).toContain('Traceback: boom');
  });

  it('reports a command that does not exist', async () => {
    const error = await failure('./no-such-trainer-here');
    expect(error.message).toMatch(/exited with code 127 \(command not found\?\)/);
  });

  it('reports output that is not JSON, or no output', async () => {
    expect((await failure(node('console.log("cost after epoch 0: 0.69")'))).message).toMatch(
      /standard output is not JSON \(last line: "cost after epoch 0: 0.69"\)/,
    );
    expect((await failure(node(''))).message).toMatch(/wrote nothing on standard output/);
  });

  it('reports missing fields as a one-line error', async () => {
    const error = await failure(node('console.log(JSON.stringify({ costs: [1, 2] }))'));
    expect(error.message).toMatch(/on run tiny: result\.finalCost: expected a number/);
    expect(error.message).not.toContain('\n');
  });

  it('kills a command that runs past the timeout, with everything it started', async () => {
    const started = Date.now();
    const error = await failure('sleep 30; echo late', 300);
    expect(error.message).toMatch(/timed out after 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('while a command runs, SIGINT and SIGTERM are watched (to kill its process group too), and only then', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const pending = failure(node('setTimeout(() => {}, 10000)'), 300);
    await new Promise((r) => setTimeout(r, 100));
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before.map((n) => n + 1));
    await pending;
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });

  it('does not wait for a background process the command left holding its output', async () => {
    const leaves = node(`require('child_process').spawn('sleep', ['30'], { stdio: ['ignore', 'inherit', 'inherit'] }).unref(); console.log(JSON.stringify({ costs: [1, 0.5], finalCost: 0.25 }))`);
    const started = Date.now();
    const result = await commandCandidate(leaves, { timeoutMs: 20_000 }).train(run);
    expect(result.costs).toEqual([1, 0.5]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('does not fail when the program ignores its input', async () => {
    const result = await commandCandidate(node('console.log(JSON.stringify({ costs: [1, 1], finalCost: 1 }))')).train(run);
    expect(result.costs).toEqual([1, 1]);
  });
});
