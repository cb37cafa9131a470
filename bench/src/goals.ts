import { findRow, type Report } from './report.js';

export interface GoalCheck {
  goal: string;
  /** undefined when the goal could not be judged (a peer was skipped). */
  met: boolean | undefined;
  measured: string;
}

const fmt = (x: number): string => (x >= 10 ? x.toFixed(0) : x.toFixed(2));

/** The goals, judged from the measured medians. */
export function checkGoals(report: Report): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const ms = (workload: 'seed' | 'digits' | 'matmul', impl: Parameters<typeof findRow>[2]): number | undefined =>
    findRow(report, workload, impl)?.timing.median;

  for (const impl of ['lockstep-generic-typed', 'lockstep-hardcoded'] as const) {
    const mine = ms('seed', impl);
    const numpy = ms('seed', 'numpy');
    const tfjs = ms('seed', 'tfjs-cpu');
    if (mine === undefined) continue;
    checks.push(
      numpy === undefined
        ? { goal: `seed: ${impl} <= 0.7x numpy's ms/epoch`, met: undefined, measured: 'numpy not run' }
        : { goal: `seed: ${impl} <= 0.7x numpy's ms/epoch`, met: mine <= 0.7 * numpy, measured: `${fmt(mine / numpy)}x` },
    );
    if (tfjs !== undefined) {
      checks.push({
        goal: `seed: ${impl} >= 20x faster than tfjs-cpu`,
        met: tfjs >= 20 * mine,
        measured: `${fmt(tfjs / mine)}x faster`,
      });
    }
  }

  const kernel = findRow(report, 'matmul', 'lockstep-generic-typed')?.gflops;
  if (kernel !== undefined) {
    checks.push({ goal: 'matmul: typed kernel >= 6 GFLOP/s', met: kernel >= 6, measured: `${kernel.toFixed(2)} GFLOP/s` });
  }

  const digits = ms('digits', 'lockstep-generic-typed');
  const digitsNumpy = ms('digits', 'numpy');
  if (digits !== undefined) {
    checks.push(
      digitsNumpy === undefined
        ? { goal: "digits: lockstep-generic-typed <= 3x numpy's ms/epoch", met: undefined, measured: 'numpy not run' }
        : {
            goal: "digits: lockstep-generic-typed <= 3x numpy's ms/epoch",
            met: digits <= 3 * digitsNumpy,
            measured: `${fmt(digits / digitsNumpy)}x`,
          },
    );
  }

  if (report.heap !== undefined) {
    const { growth, epochs } = report.heap;
    checks.push({
      goal: `heap: generic loop retains < 1 MB over ${epochs} epochs`,
      met: growth.retainedBytes < 1024 * 1024,
      measured: `${growth.retainedBytes} bytes`,
    });
  }

  for (const w of report.workloads) {
    for (const row of w.rows) {
      if (row.maxRelativeDifferenceToLockstep === undefined || row.tolerance === undefined) continue;
      checks.push({
        goal: `${w.workload}: ${row.implementation} agrees with lockstep within ${row.tolerance === 0 ? 'exactly (0)' : row.tolerance.toExponential(0)}`,
        met: row.maxRelativeDifferenceToLockstep <= row.tolerance,
        measured: row.maxRelativeDifferenceToLockstep.toExponential(1),
      });
    }
  }
  return checks;
}
