import { describe, expect, it } from 'vitest';
import { maxRelativeDifference } from './agreement.js';
import { genericTyped } from './lockstep.js';
import { findNumpy, numpyTrain } from './numpy.js';
import { digitsWorkload, firstExamples, seedWorkload } from './workloads.js';

// The race is only fair if numpy does the same work: same data, same initial
// parameters, same math. This checks the set-up, not the speed.

const numpy = findNumpy();

describe.skipIf(!('python' in numpy))('numpy_mlp.py', () => {
  const python = 'python' in numpy ? numpy.python : '';

  it.each([['seed', seedWorkload], ['digits', digitsWorkload]] as const)(
    'trains the %s workload to the same 3-epoch costs as lockstep in float64 (1e-12)',
    (_, workload) => {
      const w = firstExamples(workload(), 200);
      const mine = genericTyped(w, 3);
      const theirs = numpyTrain(python, w, 3, 0, 1);
      expect(theirs.costs).toHaveLength(3);
      expect(maxRelativeDifference(theirs.costs, mine)).toBeLessThan(1e-12);
    },
  );
});
