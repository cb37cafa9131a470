import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Run } from '../run.js';
import { CandidateError } from './candidate-error.js';
import { loadModuleCandidate } from './module-candidate.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const run = { name: 'tiny', training: { epochs: 3 } } as unknown as Run;

describe('loadModuleCandidate', () => {
  it('loads a module whose default export trains a run, sync or async', async () => {
    const sync = await loadModuleCandidate(fixture('echo-epochs.mjs'));
    expect(await sync.train(run)).toEqual({ costs: [1, 1 / 2, 1 / 3], finalCost: 1 / 4 });
    const asynchronous = await loadModuleCandidate(fixture('async-default.mjs'));
    expect((await asynchronous.train(run)).costs).toEqual([0.5, 0.5, 0.5]);
  });

  it('refuses a missing file or a module without a default function, in one line', async () => {
    await expect(loadModuleCandidate('no/such/trainer.mjs')).rejects.toThrow('candidate module no/such/trainer.mjs: file not found');
    await expect(loadModuleCandidate(fixture('no-default.mjs'))).rejects.toThrow(
      /expected a default export function train\(run\), found no default export/,
    );
  });

  it('refuses an empty path in one line', async () => {
    await expect(loadModuleCandidate('')).rejects.toThrow('candidate module: empty path, expected an ES module file such as ./trainer.mjs');
  });

  it('reports a train(run) whose promise never settles once its timeout passes', async () => {
    const never = await loadModuleCandidate(fixture('never-settles.mjs'), { timeoutMs: 50 });
    await expect(never.train(run)).rejects.toThrow(/on run tiny: train\(run\) did not settle within 0\.05 s \(raise it with --timeout SECONDS\)/);
  });

  it('reports a module whose loading never finishes', async () => {
    await expect(loadModuleCandidate(fixture('never-loads.mjs'), { timeoutMs: 50 })).rejects.toThrow(
      /candidate module .*never-loads\.mjs: did not finish loading within 0\.05 s/,
    );
  });

  it('turns a train(run) that calls process.exit into an error instead of ending the process', async () => {
    const exit = process.exit;
    const exits = await loadModuleCandidate(fixture('exits.mjs'));
    await expect(exits.train(run)).rejects.toThrow(/on run tiny: train\(run\) threw: train\(run\) called process\.exit\(0\); return the result instead/);
    expect(process.exit).toBe(exit); // restored
  });

  it('turns a throwing trainer or a malformed result into a CandidateError naming the run', async () => {
    const throwing = await loadModuleCandidate(fixture('throws.mjs'));
    await expect(throwing.train(run)).rejects.toThrow(/on run tiny: train\(run\) threw: TypeError: W1 is not iterable/);
    const bad = await loadModuleCandidate(fixture('bad-result.mjs'));
    await expect(bad.train(run)).rejects.toBeInstanceOf(CandidateError);
    await expect(bad.train(run)).rejects.toThrow(/result\.costs\[1\]/);
  });
});
