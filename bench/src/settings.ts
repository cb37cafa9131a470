export type WorkloadName = 'seed' | 'digits' | 'matmul';
export type ImplementationName =
  | 'lockstep-generic-typed'
  | 'lockstep-generic-mathjs'
  | 'lockstep-hardcoded'
  | 'js-naive'
  | 'tfjs-cpu'
  | 'numpy';

/** How long one implementation runs on one training workload. */
export interface RunLength {
  /** Epochs per repetition; ms per epoch is a repetition's time divided by this. */
  epochs: number;
  repetitions: number;
  /** Unmeasured runs first; Settings.warmup when absent. */
  warmup?: number;
}

export interface Settings {
  warmup: number;
  training: Record<'seed' | 'digits', Partial<Record<ImplementationName, RunLength>>>;
  matmul: { repetitions: number; minMillisecondsPerRepetition: number };
  heapEpochs: number;
}

/**
 * Runs long enough that each repetition takes a few hundred milliseconds for
 * the fast implementations; the slow ones (mathjs, tfjs) run fewer epochs and
 * their loss curves are compared over the epochs they ran.
 */
export const FULL: Settings = {
  warmup: 1,
  training: {
    seed: {
      'lockstep-generic-typed': { epochs: 2000, repetitions: 9 },
      'lockstep-generic-mathjs': { epochs: 100, repetitions: 3 },
      'lockstep-hardcoded': { epochs: 2000, repetitions: 9 },
      'tfjs-cpu': { epochs: 200, repetitions: 5 },
      numpy: { epochs: 2000, repetitions: 9 },
    },
    digits: {
      'lockstep-generic-typed': { epochs: 30, repetitions: 7 },
      // About 8 s an epoch: two single-epoch runs, no warm-up (the JIT's share of 8 s is nil).
      'lockstep-generic-mathjs': { epochs: 1, repetitions: 2, warmup: 0 },
      'tfjs-cpu': { epochs: 15, repetitions: 5 },
      numpy: { epochs: 30, repetitions: 7 },
    },
  },
  matmul: { repetitions: 7, minMillisecondsPerRepetition: 200 },
  heapEpochs: 1000,
};

/** A smoke run: every code path, a few seconds, numbers not meaningful. */
export const QUICK: Settings = {
  warmup: 1,
  training: {
    seed: {
      'lockstep-generic-typed': { epochs: 20, repetitions: 2 },
      'lockstep-generic-mathjs': { epochs: 5, repetitions: 1 },
      'lockstep-hardcoded': { epochs: 20, repetitions: 2 },
      'tfjs-cpu': { epochs: 5, repetitions: 1 },
      numpy: { epochs: 20, repetitions: 2 },
    },
    digits: {
      'lockstep-generic-typed': { epochs: 2, repetitions: 1 },
      'lockstep-generic-mathjs': { epochs: 1, repetitions: 1, warmup: 0 },
      'tfjs-cpu': { epochs: 2, repetitions: 1 },
      numpy: { epochs: 2, repetitions: 1 },
    },
  },
  matmul: { repetitions: 2, minMillisecondsPerRepetition: 20 },
  heapEpochs: 100,
};

/**
 * Agreement each peer's loss curve must reach against lockstep-generic-typed:
 * the hardcoded twin runs the same kernels in the same order (exactly equal);
 * float64 peers within the conformance tolerance; float32 tfjs about 1e-2.
 */
export const TOLERANCE: Record<ImplementationName, number> = {
  'lockstep-generic-typed': 0,
  'lockstep-hardcoded': 0,
  'lockstep-generic-mathjs': 1e-9,
  'js-naive': 1e-12,
  numpy: 1e-9,
  'tfjs-cpu': 1e-2,
};

/** For the product: max |C - C_typed| / max |C_typed|; float64 kernels differ only in summation order. */
export const MATMUL_TOLERANCE: Record<ImplementationName, number> = {
  'lockstep-generic-typed': 0,
  'lockstep-hardcoded': 0,
  'lockstep-generic-mathjs': 1e-12,
  'js-naive': 1e-12,
  numpy: 1e-12,
  'tfjs-cpu': 1e-5,
};
