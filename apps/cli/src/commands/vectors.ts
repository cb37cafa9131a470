import { checkVectors, type VectorResult } from '@lockstep/conformance';
import type { Command } from 'commander';
import { counted, formatDifference, formatExact } from '../format.js';
import type { CliIo } from '../io.js';
import { EXIT_AGREE, EXIT_DISAGREE } from '../usage-error.js';
import { assertWritableTarget, writeJsonAtomic } from '../write-json.js';

/** One line per vector and trainer; on failure the first failing epoch with got vs expected. */
export function vectorLine(r: VectorResult): string {
  const head = `${r.pass ? 'PASS' : 'FAIL'}  ${r.vector}  ${r.trainer}  ${r.epochs} epochs  max rel diff ${formatDifference(r.maxRelativeDifference)}`;
  if (r.pass || r.firstFailingEpoch === null) return head;
  const where = r.firstFailingEpoch === r.epochs ? 'final cost' : `first failing epoch ${r.firstFailingEpoch}`;
  const why = r.diagnosis === null ? '' : `; ${r.diagnosis.code}: ${r.diagnosis.message}`;
  return `${head}  ${where}: got ${formatExact(r.got)} expected ${formatExact(r.expected)} (tolerance ${r.tolerance})${why}`;
}

/** The rows the --json report holds, fields in a fixed order. */
export function jsonRow(r: VectorResult) {
  return {
    vector: r.vector,
    trainer: r.trainer,
    pass: r.pass,
    epochs: r.epochs,
    maxRelativeDifference: r.maxRelativeDifference,
    firstFailingEpoch: r.firstFailingEpoch,
    diagnosis: r.diagnosis,
  };
}

export function registerVectors(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('vectors')
    .description('check conformance vectors (files, or folders of *.json): train each from its init and compare every epoch with its expected costs')
    .argument('<paths...>', 'vector files or folders of *.json files')
    .option('--json <file>', 'also write the results as JSON to this file')
    .action((paths: string[], options: { json?: string }) => {
      if (options.json !== undefined) assertWritableTarget(options.json);
      const report = checkVectors(paths, { onResult: (r) => io.stdout(`${vectorLine(r)}\n`) });
      const { runs, passed, failed } = report.totals;
      io.stdout(`Total: ${counted(runs, 'check')}, ${passed} passed, ${failed} failed\n`);
      if (options.json !== undefined) {
        writeJsonAtomic(options.json, { results: report.results.map(jsonRow), totals: report.totals });
      }
      setExit(failed === 0 ? EXIT_AGREE : EXIT_DISAGREE);
    });
}
