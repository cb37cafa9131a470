/**
 * `pnpm bench`: lockstep against TensorFlow.js and numpy on the seed and
 * digits training workloads and on one matrix product. Prints tables and the
 * goals; `--json FILE` also writes the rows. See ../README.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { kernelThreads } from '@lockstep/core';
import { checkGoals } from './goals.js';
import { heapGrowth } from './heap.js';
import { genericTyped } from './lockstep.js';
import { benchMatmul } from './matmul.js';
import { findNumpy, type NumpyFound } from './numpy.js';
import { renderReport } from './render.js';
import { jsonRows, type Report } from './report.js';
import { FULL, QUICK, type Settings, type WorkloadName } from './settings.js';
import { benchTraining } from './training.js';
import { useTfjsCpu } from './tfjs.js';
import { digitsWorkload, seedWorkload, type TrainingWorkload } from './workloads.js';

interface Args {
  json?: string;
  quick: boolean;
  workloads: WorkloadName[];
  heap: boolean;
}

const USAGE = `usage: pnpm bench [-- --json FILE] [--quick] [--workload seed|digits|matmul ...] [--no-heap]`;

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { quick: false, workloads: [], heap: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--json') {
      const file = argv[++i];
      if (file === undefined) throw new UsageError('--json needs a file name');
      args.json = file;
    } else if (arg === '--quick') {
      args.quick = true;
    } else if (arg === '--no-heap') {
      args.heap = false;
    } else if (arg === '--workload') {
      const name = argv[++i];
      if (name !== 'seed' && name !== 'digits' && name !== 'matmul') {
        throw new UsageError(`--workload must be seed, digits or matmul, got ${name ?? 'nothing'}`);
      }
      args.workloads.push(name);
    } else {
      throw new UsageError(`unknown argument ${arg}`);
    }
  }
  if (args.workloads.length === 0) args.workloads = ['seed', 'digits', 'matmul'];
  return args;
}

class UsageError extends Error {}

async function measureHeap(settings: Settings, w: TrainingWorkload): Promise<Report['heap']> {
  const short = 10;
  const epochs = settings.heapEpochs;
  genericTyped(w, 2 * epochs); // compiled (and the compiler's own allocations done) before measuring
  const shortRun = await heapGrowth(() => genericTyped(w, short));
  const growth = await heapGrowth(() => genericTyped(w, epochs));
  const perEpochBytes = (growth.allocatedBytes - shortRun.allocatedBytes) / (epochs - short);
  return { epochs, workload: w.name, growth, perEpochBytes };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const settings = args.quick ? QUICK : FULL;
  const tfjs = await useTfjsCpu();
  const found = findNumpy();
  const numpy: NumpyFound | undefined = 'python' in found ? found : undefined;

  const cpu = cpus();
  const report: Report = {
    environment: [
      `lockstep bench${args.quick ? ' (--quick: smoke run, numbers not meaningful)' : ''}: node ${process.version}, ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}`,
      `peers: ${tfjs}; ${'note' in found ? found.note : `numpy ${found.numpyVersion} via ${found.python}`}`,
      `method: one process; each implementation warmed up (${settings.warmup} run), then training repetitions in rounds (one of each implementation per round); median and [min - max]`,
      `lockstep kernel threads: ${kernelThreads()} for training (LOCKSTEP_THREADS=N to change), 1 for the matmul goal; numpy's BLAS threads are given under each table`,
      `time / numpy < 1 means faster than numpy; tfjs / time = how many times faster than tfjs`,
    ],
    workloads: [],
  };

  const seed = args.workloads.includes('seed') || args.heap ? seedWorkload() : undefined;
  if (args.heap && seed !== undefined) report.heap = await measureHeap(settings, seed);
  for (const name of args.workloads) {
    if (name === 'matmul') report.workloads.push(benchMatmul(settings, numpy));
    else report.workloads.push(await benchTraining(name === 'seed' ? seed! : digitsWorkload(), settings, numpy));
  }

  const checks = checkGoals(report);
  console.log(renderReport(report, checks));
  if (args.json !== undefined) {
    writeFileSync(args.json, `${JSON.stringify(jsonRows(report), null, 2)}\n`);
    console.log(`\nwrote ${args.json}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`bench: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
