import { type MutantOutcome, type MutantReport, MUTANTS, runMutants } from '@lockstep/conformance';
import type { Command } from 'commander';
import { counted, formatRow, formatSeconds } from '../format.js';
import type { CliIo } from '../io.js';
import { EXIT_AGREE, EXIT_DISAGREE, UsageError } from '../usage-error.js';
import { assertWritableTarget, writeJsonAtomic } from '../write-json.js';

const HEADER = ['mutant', 'runs', 'verdict', 'diverges', 'diagnosis'];
const WIDTHS = [30, 4, 7, 8, 30];

function diagnosisLabel(d: { code: string; parameter?: string } | null | undefined): string {
  if (!d) return '-';
  return d.parameter === undefined ? d.code : `${d.code} (${d.parameter})`;
}

/** One line per mutant: caught or missed on all its runs, the first run's divergent epoch and diagnosis. */
export function mutantLine(m: MutantOutcome): string {
  const first = m.runs[0];
  const epochs = [...new Set(m.runs.map((r) => (r.firstDivergentEpoch === null ? '-' : String(r.firstDivergentEpoch))))].join(',');
  const codes = [...new Set(m.runs.map((r) => diagnosisLabel(r.diagnosis)))].join(', ');
  const note = m.asExpected ? '' : `  (expected ${diagnosisLabel(m.expected)})`;
  return formatRow([m.id, String(m.runs.length), m.caught ? 'caught' : 'MISSED', epochs, `${codes}${note}`], WIDTHS) + (first?.error ? `  crashed: ${first.error}` : '');
}

/** Per run: where it parted and the diagnosis sentence. */
export function mutantDetails(m: MutantOutcome): string[] {
  return m.runs.map((r) => {
    const at = r.firstDivergentEpoch === null ? 'never diverges' : `epoch ${r.firstDivergentEpoch}`;
    const what = r.error ?? (r.diagnosis === null ? 'no diagnosis' : `${diagnosisLabel(r.diagnosis)}: ${r.diagnosis.message}`);
    return `    ${r.run}: ${at}: ${what}`;
  });
}

export function renderMutantTotals(report: MutantReport, ms: number): string {
  const { mutants, caught, missed, asExpected } = report.totals;
  return `Total: ${counted(mutants, 'mutant')}, ${caught} caught, ${missed} missed; ${asExpected} diagnosed as expected (${formatSeconds(ms)})`;
}

export function registerMutants(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('mutants')
    .description('train a catalog of faulty variants of the generic trainer (a skipped update, an off-by-one loop, 1/m twice, ...) and check that conformance catches each, with its diagnosis')
    .option('--json <file>', 'also write the report as JSON to this file')
    .option('--no-traces', 'diagnose from the cost curves alone, as for a candidate that sends no parameter traces')
    .option('--only <ids>', 'only these mutants (comma-separated ids)')
    .option('--verbose', 'print each run of each mutant with its diagnosis sentence')
    .addHelpText('after', `\nMutants: ${MUTANTS.map((m) => m.id).join(', ')}\nExit codes: 0 every mutant caught, 1 any missed, 2 bad usage.`)
    .action((options: { json?: string; traces: boolean; only?: string; verbose?: boolean }) => {
      if (options.json !== undefined) assertWritableTarget(options.json);
      const only = options.only?.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const unknown = (only ?? []).filter((id) => !MUTANTS.some((m) => m.id === id));
      if (unknown.length > 0) throw new UsageError(`--only: unknown mutant ${unknown.join(', ')}; see lockstep mutants --help`);
      if (only?.length === 0) throw new UsageError(`--only: expected comma-separated mutant ids, got ${JSON.stringify(options.only)}; see lockstep mutants --help`);
      const started = performance.now();
      io.stdout(`${formatRow(HEADER, WIDTHS)}\n`);
      const report = runMutants({
        traces: options.traces,
        ...(only === undefined ? {} : { only }),
        onMutant: (m) => {
          io.stdout(`${mutantLine(m)}\n`);
          if (options.verbose === true) for (const line of mutantDetails(m)) io.stdout(`${line}\n`);
        },
      });
      io.stdout(`${renderMutantTotals(report, performance.now() - started)}\n`);
      if (options.json !== undefined) writeJsonAtomic(options.json, report);
      setExit(report.totals.missed === 0 ? EXIT_AGREE : EXIT_DISAGREE);
    });
}
