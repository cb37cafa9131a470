import { parse } from 'csv-parse/sync';
import { DataError } from './data-error.js';
import type { LabeledTable } from './labeled-table.js';

export interface ParseCsvOptions {
  /** Name of the column that holds the class label; every other column must be numeric. */
  label: string;
  /** What to call the input in error messages, usually the file name. Default "CSV input". */
  source?: string;
}

/** Plain decimal numbers only: Number() alone would accept "", " ", "0x1f" and "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Parses CSV text with a header row into numeric features and string labels.
 *
 * The header names the columns; the `label` column is kept as strings, every other column
 * must hold a plain decimal number in every row. Empty lines are skipped, a byte-order mark
 * and spaces around fields are ignored. Any problem throws a one-line DataError naming the
 * source, the line and what was expected.
 */
export function parseCsv(text: string, options: ParseCsvOptions): LabeledTable {
  const source = options.source ?? 'CSV input';
  const rows = readRecords(text, source);

  const header = rows[0];
  if (header === undefined) {
    throw new DataError(`${source}: the file is empty, expected a header row of column names`);
  }
  const columns = checkHeader(header.record, `${source} line ${header.info.lines}`);
  const labelIndex = columns.indexOf(options.label);
  if (labelIndex < 0) {
    throw new DataError(
      `${source} line ${header.info.lines}: no label column ${JSON.stringify(options.label)}; ` +
        `the columns are ${columns.join(', ')}`,
    );
  }
  if (columns.length === 1) {
    throw new DataError(`${source} line ${header.info.lines}: no feature columns besides the label column`);
  }
  if (rows.length === 1) {
    throw new DataError(`${source}: no examples after the header row, expected at least one data row`);
  }

  const featureNames = columns.filter((_, j) => j !== labelIndex);
  const features: number[][] = [];
  const labels: string[] = [];
  for (const { record, info } of rows.slice(1)) {
    const where = `${source} line ${info.lines}`;
    if (record.length !== columns.length) {
      throw new DataError(
        `${where}: ${record.length} values, expected ${columns.length} (one per column of the header)`,
      );
    }
    const row: number[] = [];
    record.forEach((cell, j) => {
      const name = JSON.stringify(columns[j]);
      if (j === labelIndex) {
        if (cell === '') throw new DataError(`${where}: column ${name} is empty, expected a class label`);
        labels.push(cell);
      } else if (cell === '') {
        throw new DataError(`${where}: column ${name} is empty, expected a number`);
      } else if (!DECIMAL.test(cell)) {
        throw new DataError(`${where}: column ${name} is ${JSON.stringify(cell)}, expected a number`);
      } else {
        row.push(Number(cell));
      }
    });
    features.push(row);
  }
  return { featureNames, features, labels };
}

/** Runs csv-parse, turning its errors (an unclosed quote, ...) into DataErrors with a line. */
function readRecords(text: string, source: string): ParsedRecord[] {
  try {
    return parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      // Ragged rows are reported by parseCsv itself, with the expected count.
      relax_column_count: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const err = error as { lines?: unknown; message?: unknown };
    const line = typeof err.lines === 'number' ? ` line ${err.lines}` : '';
    throw new DataError(`${source}${line}: malformed CSV (${String(err.message)})`);
  }
}

function checkHeader(names: string[], where: string): string[] {
  const seen = new Set<string>();
  names.forEach((name, j) => {
    if (name === '') throw new DataError(`${where}: column ${j + 1} of the header has no name`);
    if (seen.has(name)) throw new DataError(`${where}: column ${JSON.stringify(name)} appears twice in the header`);
    seen.add(name);
  });
  return names;
}
