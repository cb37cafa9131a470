/** Median and spread of repeated measurements, in milliseconds. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  /** Every repetition's value, in the order measured. */
  samples: number[];
}

export function summarize(samples: readonly number[]): Timing {
  if (samples.length === 0) throw new RangeError('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, samples: [...samples] };
}

/**
 * Runs `run` `warmup` times unmeasured (so the JIT has compiled the hot code),
 * then `repetitions` times, each timed; `run` returns how many units (epochs,
 * products) it did, and each sample is milliseconds per unit.
 */
export function measure(run: () => number, warmup: number, repetitions: number): Timing {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = process.hrtime.bigint();
    const units = run();
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    samples.push(elapsed / units);
  }
  return summarize(samples);
}

/**
 * Repeats `once` until at least `minMilliseconds` have passed and returns how
 * many times it ran, so one short operation is timed over many calls.
 */
export function repeatFor(once: () => void, minMilliseconds: number): () => number {
  return () => {
    const start = process.hrtime.bigint();
    let count = 0;
    do {
      once();
      count++;
    } while (Number(process.hrtime.bigint() - start) / 1e6 < minMilliseconds);
    return count;
  };
}
