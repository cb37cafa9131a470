import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '@lockstep/conformance';
import { captureIo } from '../io.js';
import { registerMutants } from './mutants.js';

async function mutants(args: string[]) {
  const io = captureIo();
  let exit = -1;
  const program = new Command('lockstep').exitOverride();
  registerMutants(program, io, (code) => (exit = code));
  await program.parseAsync(['mutants', ...args], { from: 'user' });
  return { ...io, exit };
}

describe('lockstep mutants', () => {
  it('prints every mutant caught, with its first divergent epoch and diagnosis, and exits 0', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'lockstep-cli-')), 'mutants.json');
    const { out, exit } = await mutants(['--json', json]);
    expect(exit).toBe(0);
    for (const m of MUTANTS) expect(out).toMatch(new RegExp(`^${m.id}\\s+\\d+\\s+caught\\s`, 'm'));
    expect(out).toMatch(/^continue-skips-update\s+3\s+caught\s+2,1\s+update-skipped$/m);
    expect(out).toMatch(/^bias-gradient-over-units\s+2\s+caught\s+1\s+diverged \(b3\)$/m);
    expect(out).toMatch(new RegExp(`Total: ${MUTANTS.length} mutants, ${MUTANTS.length} caught, 0 missed; ${MUTANTS.length} diagnosed as expected`));
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.totals.missed).toBe(0);
    expect(report.mutants[0].runs[0]).toMatchObject({ caught: true, firstDivergentEpoch: 2, diagnosis: { code: 'update-skipped' } });
  });

  it('runs chosen mutants from the costs alone, with sentences under --verbose', async () => {
    const { out, exit } = await mutants(['--only', 'missing-inverse-m,epsilon-in-log', '--no-traces', '--verbose']);
    expect(exit).toBe(0);
    expect(out).toMatch(/^missing-inverse-m\s+2\s+caught\s+1\s+step-scaled$/m);
    expect(out).toMatch(/^ {4}mutants\/iris-relu-sgd: epoch 1: step-scaled: .*learning rate times 150/m);
    expect(out).toMatch(/Total: 2 mutants, 2 caught, 0 missed/);
  });

  it('refuses an unknown mutant id', async () => {
    await expect(mutants(['--only', 'nope'])).rejects.toThrow(/--only: unknown mutant nope/);
  });
});
