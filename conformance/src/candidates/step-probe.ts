import type { Diagnosis } from '../diagnose/index.js';
import { agrees } from '../diagnose/numbers.js';
import type { Run, RunResult } from '../run.js';

/** Epochs past the first divergent one that a scaled reference must also match. */
const PROBE_EXTRA_EPOCHS = 3;

/**
 * The step factors a slip in a training loop produces: the batch size m and
 * 1/m (1/m applied not at all, or twice), the learning rate and its inverse
 * (applied twice, or not at all).
 */
export function likelyStepFactors(run: Run): number[] {
  const m = run.data.X.length;
  const batch = Math.min(run.training.batchSize ?? m, m);
  const lr = run.training.optimizer.learningRate;
  const factors = [batch, 1 / batch, lr, 1 / lr];
  return factors.filter((f, i) => Number.isFinite(f) && Math.abs(f - 1) > 1e-9 && factors.indexOf(f) === i);
}

/**
 * Without traces, a step scaled by a large factor (1/m missing: x150) does not
 * show as a proportional change of the cost. For optimizers linear in the
 * learning rate (sgd, momentum) a scaled step IS a scaled learning rate, so:
 * retrain the reference for a few epochs with the learning rate times each
 * likely factor, and if one reproduces the candidate's costs, that is the
 * fault. `train` trains a run with the reference trainer.
 */
export function probeStepScale(
  run: Run,
  candidate: RunResult,
  firstDivergentEpoch: number,
  tolerance: number,
  train: (run: Run) => RunResult,
): Diagnosis | null {
  const { optimizer } = run.training;
  if ((optimizer.kind !== 'sgd' && optimizer.kind !== 'momentum') || firstDivergentEpoch < 1) return null;
  const epochs = Math.min(run.training.epochs, firstDivergentEpoch + 1 + PROBE_EXTRA_EPOCHS);
  for (const factor of likelyStepFactors(run)) {
    const scaled: Run = {
      ...run,
      training: { ...run.training, epochs, optimizer: { ...optimizer, learningRate: optimizer.learningRate * factor } },
    };
    const costs = train(scaled).costs;
    if (costs.every((c, i) => agrees(candidate.costs[i]!, c, tolerance))) {
      return {
        code: 'step-scaled',
        epoch: firstDivergentEpoch,
        factor,
        message: `the candidate's first ${epochs} costs are the reference's trained with the learning rate times ${formatProbeFactor(factor)}: the learning rate or 1/m is applied twice or not at all`,
      };
    }
  }
  return null;
}

function formatProbeFactor(f: number): string {
  return f >= 1 ? String(Number(f.toPrecision(6))) : `1/${Number((1 / f).toPrecision(6))}`;
}
