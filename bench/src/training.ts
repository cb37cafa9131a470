import { maxRelativeDifference } from './agreement.js';
import { ms } from './format.js';
import { genericMathjs, genericTyped, hardcoded, type Trainer } from './lockstep.js';
import { numpyTrain, type NumpyFound } from './numpy.js';
import type { Row, WorkloadReport } from './report.js';
import { TOLERANCE, type ImplementationName, type Settings } from './settings.js';
import { TfjsTrainer } from './tfjs.js';
import { measure, measureAsync, summarize, type Timing } from './timing.js';
import type { TrainingWorkload } from './workloads.js';

/**
 * Times every implementation on one training workload and checks each one's
 * loss curve against lockstep-generic-typed's over the epochs both ran.
 */
export async function benchTraining(
  w: TrainingWorkload,
  settings: Settings,
  numpy: NumpyFound | undefined,
): Promise<WorkloadReport> {
  const lengths = settings.training[w.name];
  const rows: Row[] = [];
  const notes: string[] = [];
  let reference: number[] | undefined;

  const record = (implementation: ImplementationName, timing: Timing, epochs: number, costs: number[]): void => {
    const row: Row = { workload: w.name, implementation, timing, epochs };
    if (reference === undefined) {
      reference = costs;
    } else {
      row.maxRelativeDifferenceToLockstep = maxRelativeDifference(costs, reference);
      row.tolerance = TOLERANCE[implementation];
    }
    rows.push(row);
  };

  const js: [ImplementationName, Trainer][] = [
    ['lockstep-generic-typed', genericTyped],
    ['lockstep-hardcoded', hardcoded],
    ['lockstep-generic-mathjs', genericMathjs],
  ];
  for (const [name, train] of js) {
    const length = lengths[name];
    if (length === undefined) continue;
    if (name === 'lockstep-hardcoded' && w.spec.layers.length !== 5) continue;
    let costs: number[] = [];
    const timing = measure(
      () => {
        costs = train(w, length.epochs);
        return length.epochs;
      },
      length.warmup ?? settings.warmup,
      length.repetitions,
    );
    record(name, timing, length.epochs, costs);
  }
  if (w.spec.layers.length !== 5) notes.push('lockstep-hardcoded: not run (it is the fixed 4-layer network)');

  const tfLength = lengths['tfjs-cpu'];
  if (tfLength !== undefined) {
    const trainer = new TfjsTrainer(w);
    let costs: number[] = [];
    const timing = await measureAsync(
      async () => {
        costs = await trainer.fit(tfLength.epochs);
        return tfLength.epochs;
      },
      tfLength.warmup ?? settings.warmup,
      tfLength.repetitions,
    );
    record('tfjs-cpu', timing, tfLength.epochs, costs);
    const lean = measure(
      () => {
        const loopCosts = trainer.minimizeLoop(tfLength.epochs);
        if (maxRelativeDifference(loopCosts, costs) > TOLERANCE['tfjs-cpu']) {
          throw new Error('tfjs: the optimizer.minimize loop and model.fit disagree');
        }
        return tfLength.epochs;
      },
      tfLength.warmup ?? settings.warmup,
      tfLength.repetitions,
    );
    trainer.dispose();
    notes.push(
      `tfjs-cpu is model.fit (batch = all, no shuffle); a bare optimizer.minimize loop on the same model: ${ms(lean.median)} ms/epoch [${ms(lean.min)} - ${ms(lean.max)}]`,
    );
  }

  const npLength = lengths.numpy;
  if (npLength !== undefined && numpy !== undefined) {
    const result = numpyTrain(numpy.python, w, npLength.epochs, npLength.warmup ?? settings.warmup, npLength.repetitions);
    record('numpy', summarize(result.msPerEpoch), npLength.epochs, result.costs);
    const { library, version, threads } = result.blas;
    notes.push(`numpy ${result.numpy} with ${library ?? '?'} ${version ?? ''} (${threads ?? '?'} BLAS threads)`);
  }

  return { workload: w.name, description: `${w.description}, lr ${w.learningRate}`, rows, notes };
}
