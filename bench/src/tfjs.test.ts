import { beforeAll, describe, expect, it } from 'vitest';
import { maxRelativeDifference } from './agreement.js';
import { genericTyped } from './lockstep.js';
import { TfjsTrainer, useTfjsCpu } from './tfjs.js';
import { digitsWorkload, firstExamples, seedWorkload } from './workloads.js';

// The race is only fair if tfjs does the same work: the weights must arrive
// transposed into its in x out kernels, and its losses must be lockstep's.

describe('TensorFlow.js runner', () => {
  beforeAll(async () => {
    await useTfjsCpu();
  });

  it.each([['seed', seedWorkload], ['digits', digitsWorkload]] as const)(
    "gets lockstep's epoch-0 cost on %s from the transposed weights (1e-5, float32)",
    (_, workload) => {
      const w = firstExamples(workload(), 200);
      const trainer = new TfjsTrainer(w);
      const mine = genericTyped(w, 1)[0]!;
      const theirs = trainer.initialCost();
      trainer.dispose();
      expect(Math.abs(theirs - mine) / mine).toBeLessThan(1e-5);
    },
  );

  it("model.fit follows lockstep's loss curve for a few epochs (1e-4, float32)", async () => {
    const w = seedWorkload();
    const trainer = new TfjsTrainer(w);
    const theirs = await trainer.fit(3);
    trainer.dispose();
    expect(maxRelativeDifference(theirs, genericTyped(w, 3))).toBeLessThan(1e-4);
  });
});
