import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from './data-error.js';
import { readCsvFile } from './read-csv-file.js';

const dir = mkdtempSync(join(tmpdir(), 'lockstep-read-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readCsvFile', () => {
  it('reads and parses a file', () => {
    const path = join(dir, 'ok.csv');
    writeFileSync(path, 'x,y,label\n1,2,a\n3,4,b\n');
    expect(readCsvFile(path, { label: 'label' })).toEqual({
      featureNames: ['x', 'y'],
      features: [
        [1, 2],
        [3, 4],
      ],
      labels: ['a', 'b'],
    });
  });

  it('names the file in parse errors', () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'x,label\n1,a\nabc,b\n');
    expect(() => readCsvFile(path, { label: 'label' })).toThrow(
      new DataError(`${path} line 3: column "x" is "abc", expected a number`),
    );
  });

  it('reports a missing file and a directory as DataErrors', () => {
    const missing = join(dir, 'missing.csv');
    expect(() => readCsvFile(missing, { label: 'label' })).toThrow(DataError);
    expect(() => readCsvFile(missing, { label: 'label' })).toThrow(`${missing}: no such file`);
    expect(() => readCsvFile(dir, { label: 'label' })).toThrow(`${dir}: is a directory, expected a CSV file`);
  });
});
