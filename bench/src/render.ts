import { ms, ratio, scientific, table } from './format.js';
import type { GoalCheck } from './goals.js';
import type { Report, Row, WorkloadReport } from './report.js';

function agreement(row: Row): string {
  if (row.maxRelativeDifferenceToLockstep === undefined) return '(reference)';
  const ok = row.tolerance === undefined || row.maxRelativeDifferenceToLockstep <= row.tolerance;
  const limit = row.tolerance === undefined ? '' : row.tolerance === 0 ? ' (= 0)' : ` (<= ${scientific(row.tolerance)})`;
  return `${scientific(row.maxRelativeDifferenceToLockstep)}${limit} ${ok ? 'ok' : 'DIFFERS'}`;
}

/** One workload's table: medians, spread, ratios to numpy and tfjs, and agreement with lockstep. */
export function renderWorkload(w: WorkloadReport): string {
  const numpy = w.rows.find((r) => r.implementation === 'numpy')?.timing.median;
  const tfjs = w.rows.find((r) => r.implementation === 'tfjs-cpu')?.timing.median;
  const isMatmul = w.workload === 'matmul';
  const unit = isMatmul ? 'ms/product' : 'ms/epoch';
  const header = [
    'implementation',
    ...(isMatmul ? [] : ['epochs x reps']),
    `${unit} (median)`,
    '[min - max]',
    ...(isMatmul ? ['GFLOP/s'] : []),
    'time / numpy',
    'tfjs / time',
    isMatmul ? 'max |C - C_lockstep| / max |C_lockstep|' : 'loss curve: max rel. diff to lockstep',
  ];
  const rows = w.rows.map((r) => [
    r.implementation,
    ...(isMatmul ? [] : [`${r.epochs ?? '-'} x ${r.timing.samples.length}`]),
    ms(r.timing.median),
    `[${ms(r.timing.min)} - ${ms(r.timing.max)}]`,
    ...(isMatmul ? [r.gflops === undefined ? '-' : r.gflops.toFixed(2)] : []),
    ratio(numpy === undefined ? undefined : r.timing.median / numpy),
    ratio(tfjs === undefined ? undefined : tfjs / r.timing.median),
    agreement(r),
  ]);
  const notes = w.notes.map((n) => `  note: ${n}`);
  return [`${w.workload}: ${w.description}`, table(header, rows), ...notes].join('\n');
}

export function renderGoals(checks: readonly GoalCheck[]): string {
  const mark = (met: boolean | undefined): string => (met === undefined ? 'n/a ' : met ? 'met ' : 'MISS');
  return ['goals:', ...checks.map((c) => `  [${mark(c.met)}] ${c.goal}: ${c.measured}`)].join('\n');
}

export function renderReport(report: Report, checks: readonly GoalCheck[]): string {
  const parts = [report.environment.join('\n'), ...report.workloads.map(renderWorkload)];
  if (report.heap !== undefined) {
    const { growth, epochs, workload, perEpochBytes } = report.heap;
    parts.push(
      [
        `heap: lockstep-generic-typed on ${workload}, ${epochs} epochs (full collections before and after)`,
        `  retained after the run: ${growth.retainedBytes} bytes (includes the returned history${growth.retainedBytes < 0 ? '; below 0: the heap ended smaller than it began, as the engine dropped compiled code and caches' : ''})`,
        `  allocated during the run: ${growth.allocatedBytes} bytes, ${growth.collectionsDuringRun} collections during it`,
        `  allocated per epoch (long run minus short run): ${perEpochBytes.toFixed(1)} bytes`,
      ].join('\n'),
    );
  }
  parts.push(renderGoals(checks));
  return parts.join('\n\n');
}
