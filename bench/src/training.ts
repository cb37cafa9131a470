import { maxRelativeDifference } from './agreement.js';
import { ms } from './format.js';
import { genericMathjs, genericTyped, hardcoded, type Trainer } from './lockstep.js';
import { numpyTrain, type NumpyFound } from './numpy.js';
import type { Row, WorkloadReport } from './report.js';
import { TOLERANCE, type ImplementationName, type RunLength, type Settings } from './settings.js';
import { TfjsTrainer } from './tfjs.js';
import { summarize } from './timing.js';
import type { TrainingWorkload } from './workloads.js';

/** One timed training run: milliseconds per epoch and the loss curve. */
interface Sample {
  msPerEpoch: number;
  costs: number[];
}

/** An implementation ready to train the workload from its initial parameters, again and again. */
interface Runner {
  name: ImplementationName;
  length: RunLength;
  run(): Promise<Sample>;
  dispose?(): void;
}

function timeSync(epochs: number, train: () => number[]): Sample {
  const start = process.hrtime.bigint();
  const costs = train();
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  return { msPerEpoch: elapsed / epochs, costs };
}

/**
 * Times every implementation on one training workload and checks each one's
 * loss curve against lockstep-generic-typed's over the epochs both ran.
 *
 * After each implementation's warm-up, the repetitions run in rounds: one of
 * each implementation per round. On a shared machine a burst of other work
 * then slows every implementation alike instead of whichever happened to be
 * running, so the ratios stay fair even when the absolute times wobble.
 */
export async function benchTraining(
  w: TrainingWorkload,
  settings: Settings,
  numpy: NumpyFound | undefined,
): Promise<WorkloadReport> {
  const notes: string[] = [];
  const runners = makeRunners(w, settings, numpy, notes);

  const samples = new Map<ImplementationName, Sample[]>();
  for (const runner of runners) {
    for (let i = 0; i < (runner.length.warmup ?? settings.warmup); i++) await runner.run();
    samples.set(runner.name, []);
  }
  const rounds = Math.max(...runners.map((r) => r.length.repetitions));
  for (let round = 0; round < rounds; round++) {
    for (const runner of runners) {
      if (round < runner.length.repetitions) samples.get(runner.name)!.push(await runner.run());
    }
  }

  const tfjs = runners.find((r) => r.name === 'tfjs-cpu');
  if (tfjs !== undefined) {
    const trainer = (tfjs as Runner & { trainer: TfjsTrainer }).trainer;
    const lean = summarize(
      Array.from({ length: tfjs.length.repetitions }, () =>
        timeSync(tfjs.length.epochs, () => trainer.minimizeLoop(tfjs.length.epochs)).msPerEpoch,
      ),
    );
    notes.push(
      `tfjs-cpu is model.fit (batch = all, no shuffle); a bare optimizer.minimize loop on the same model: ${ms(lean.median)} ms/epoch [${ms(lean.min)} - ${ms(lean.max)}]`,
    );
  }
  for (const runner of runners) runner.dispose?.();

  const rows: Row[] = [];
  let reference: number[] | undefined;
  for (const runner of runners) {
    const taken = samples.get(runner.name)!;
    const costs = taken[taken.length - 1]!.costs;
    const row: Row = {
      workload: w.name,
      implementation: runner.name,
      timing: summarize(taken.map((s) => s.msPerEpoch)),
      epochs: runner.length.epochs,
    };
    if (reference === undefined) {
      reference = costs;
    } else {
      row.maxRelativeDifferenceToLockstep = maxRelativeDifference(costs, reference);
      row.tolerance = TOLERANCE[runner.name];
    }
    rows.push(row);
  }
  return { workload: w.name, description: `${w.description}, lr ${w.learningRate}`, rows, notes };
}

/** The implementations that run on this workload, lockstep-generic-typed (the reference) first. */
function makeRunners(
  w: TrainingWorkload,
  settings: Settings,
  numpy: NumpyFound | undefined,
  notes: string[],
): Runner[] {
  const lengths = settings.training[w.name];
  const runners: Runner[] = [];
  const js: [ImplementationName, Trainer][] = [
    ['lockstep-generic-typed', genericTyped],
    ['lockstep-hardcoded', hardcoded],
    ['lockstep-generic-mathjs', genericMathjs],
  ];
  for (const [name, train] of js) {
    const length = lengths[name];
    if (length === undefined) continue;
    if (name === 'lockstep-hardcoded' && w.spec.layers.length !== 5) {
      notes.push('lockstep-hardcoded: not run (it is the fixed 4-layer network)');
      continue;
    }
    runners.push({ name, length, run: async () => timeSync(length.epochs, () => train(w, length.epochs)) });
  }

  const tfLength = lengths['tfjs-cpu'];
  if (tfLength !== undefined) {
    const trainer = new TfjsTrainer(w);
    const runner: Runner & { trainer: TfjsTrainer } = {
      name: 'tfjs-cpu',
      length: tfLength,
      trainer,
      run: async () => {
        const start = process.hrtime.bigint();
        const costs = await trainer.fit(tfLength.epochs);
        return { msPerEpoch: Number(process.hrtime.bigint() - start) / 1e6 / tfLength.epochs, costs };
      },
      dispose: () => trainer.dispose(),
    };
    runners.push(runner);
  }

  const npLength = lengths.numpy;
  if (npLength !== undefined && numpy !== undefined) {
    let described = false;
    runners.push({
      name: 'numpy',
      // numpy warms up inside each call (its own process), so no separate warm-up run here.
      length: { ...npLength, warmup: 0 },
      run: async () => {
        const result = numpyTrain(numpy.python, w, npLength.epochs, npLength.warmup ?? settings.warmup, 1);
        if (!described) {
          const { library, version, threads } = result.blas;
          notes.push(`numpy ${result.numpy} with ${library ?? '?'} ${version ?? ''} (${threads ?? '?'} BLAS threads); each numpy repetition is one process that warms up first and times itself`);
          described = true;
        }
        return { msPerEpoch: result.msPerEpoch[0]!, costs: result.costs };
      },
    });
  }
  return runners;
}
