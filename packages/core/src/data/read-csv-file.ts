import { readFileSync } from 'node:fs';
import { DataError } from './data-error.js';
import type { LabeledTable } from './labeled-table.js';
import { parseCsv } from './parse-csv.js';

/**
 * Reads a CSV file with a header row (see parseCsv). Errors, including a missing or
 * unreadable file, are DataErrors whose message starts with the path as given.
 */
export function readCsvFile(path: string, options: { label: string }): LabeledTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new DataError(`${path}: no such file`);
    if (code === 'EISDIR') throw new DataError(`${path}: is a directory, expected a CSV file`);
    const reason = typeof code === 'string' ? code : String((error as Error).message);
    throw new DataError(`${path}: cannot read the file (${reason})`);
  }
  return parseCsv(text, { label: options.label, source: path });
}
