import type { HeapGrowth } from './heap.js';
import type { ImplementationName, WorkloadName } from './settings.js';
import type { Timing } from './timing.js';

/** One implementation measured on one workload. */
export interface Row {
  workload: WorkloadName;
  implementation: ImplementationName;
  /** Milliseconds per epoch (training) or per product (matmul). */
  timing: Timing;
  /** Epochs per repetition (training only). */
  epochs?: number;
  gflops?: number;
  /** Against lockstep-generic-typed: loss curves (training) or the product (matmul); absent for lockstep itself. */
  maxRelativeDifferenceToLockstep?: number;
  /** The largest difference that counts as agreeing. */
  tolerance?: number;
}

export interface WorkloadReport {
  workload: WorkloadName;
  description: string;
  rows: Row[];
  notes: string[];
}

export interface Report {
  environment: string[];
  workloads: WorkloadReport[];
  heap?: { epochs: number; workload: string; growth: HeapGrowth; perEpochBytes: number };
}

/** The rows `--json FILE` writes: the schema. */
export interface JsonRow {
  workload: WorkloadName;
  implementation: ImplementationName;
  msPerEpoch: number;
  gflops?: number;
  maxRelativeDifferenceToLockstep?: number;
}

export function jsonRows(report: Report): JsonRow[] {
  return report.workloads.flatMap((w) =>
    w.rows.map((r) => {
      const row: JsonRow = { workload: r.workload, implementation: r.implementation, msPerEpoch: r.timing.median };
      if (r.gflops !== undefined) row.gflops = r.gflops;
      if (r.maxRelativeDifferenceToLockstep !== undefined) {
        row.maxRelativeDifferenceToLockstep = r.maxRelativeDifferenceToLockstep;
      }
      return row;
    }),
  );
}

export function findRow(report: Report, workload: WorkloadName, implementation: ImplementationName): Row | undefined {
  return report.workloads.find((w) => w.workload === workload)?.rows.find((r) => r.implementation === implementation);
}
