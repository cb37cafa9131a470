import { describe, expect, it } from 'vitest';
import { DataError } from './data-error.js';
import { parseCsv } from './parse-csv.js';

const iris = [
  'sepal_length_cm,sepal_width_cm,label',
  '5.1,3.5,setosa',
  '7.0,3.2,versicolor',
  '6.3,3.3,virginica',
].join('\n');

function errorOf(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError, nothing was thrown');
}

describe('parseCsv', () => {
  it('splits numeric features from the label column named in the options', () => {
    const table = parseCsv(iris, { label: 'label' });
    expect(table.featureNames).toEqual(['sepal_length_cm', 'sepal_width_cm']);
    expect(table.features).toEqual([
      [5.1, 3.5],
      [7.0, 3.2],
      [6.3, 3.3],
    ]);
    expect(table.labels).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('takes the label from any position and keeps it as a string, even when it looks numeric', () => {
    const table = parseCsv('digit,px0,px1\n7,0,16\n0,3,1e1\n', { label: 'digit' });
    expect(table.featureNames).toEqual(['px0', 'px1']);
    expect(table.features).toEqual([
      [0, 16],
      [3, 10],
    ]);
    expect(table.labels).toEqual(['7', '0']);
  });

  it('accepts CRLF line ends, a byte-order mark, quoted fields, spaces and blank lines', () => {
    const text = '\uFEFFa,"b",label\r\n 1.5 , -2 ,"class, one"\r\n\r\n.5,+3E-2,two\r\n';
    const table = parseCsv(text, { label: 'label' });
    expect(table.featureNames).toEqual(['a', 'b']);
    expect(table.features).toEqual([
      [1.5, -2],
      [0.5, 0.03],
    ]);
    expect(table.labels).toEqual(['class, one', 'two']);
  });

  it('names the source, the line, the column and the bad value', () => {
    const text = iris.replace('3.2', 'abc');
    expect(errorOf(() => parseCsv(text, { label: 'label', source: 'iris.csv' })).message).toBe(
      'iris.csv line 3: column "sepal_width_cm" is "abc", expected a number',
    );
  });

  it('counts skipped blank lines in the line number', () => {
    const text = 'a,label\n\n1,x\n\n2x,y\n';
    expect(errorOf(() => parseCsv(text, { label: 'label', source: 'f.csv' })).message).toBe(
      'f.csv line 5: column "a" is "2x", expected a number',
    );
  });

  it.each([['0x1f'], ['Infinity'], ['NaN'], ['1,5'], ['1.2.3'], ['e5']])('rejects %j as a number', (cell) => {
    const text = `a,label\n"${cell}",x\n`;
    expect(errorOf(() => parseCsv(text, { label: 'label', source: 's' })).message).toBe(
      `s line 2: column "a" is ${JSON.stringify(cell)}, expected a number`,
    );
  });

  it('reports an empty numeric cell and an empty label', () => {
    expect(errorOf(() => parseCsv('a,label\n,x\n', { label: 'label', source: 's' })).message).toBe(
      's line 2: column "a" is empty, expected a number',
    );
    expect(errorOf(() => parseCsv('a,label\n1,\n', { label: 'label', source: 's' })).message).toBe(
      's line 2: column "label" is empty, expected a class label',
    );
  });

  it('lists the columns there are when the label column is missing', () => {
    expect(errorOf(() => parseCsv(iris, { label: 'species', source: 'iris.csv' })).message).toBe(
      'iris.csv line 1: no label column "species"; the columns are sepal_length_cm, sepal_width_cm, label',
    );
  });

  it('reports ragged rows with the count expected from the header', () => {
    const text = 'a,b,label\n1,2,x\n1,2\n';
    expect(errorOf(() => parseCsv(text, { label: 'label', source: 'r.csv' })).message).toBe(
      'r.csv line 3: 2 values, expected 3 (one per column of the header)',
    );
    const long = 'a,b,label\n1,2,x,9\n';
    expect(errorOf(() => parseCsv(long, { label: 'label', source: 'r.csv' })).message).toBe(
      'r.csv line 2: 4 values, expected 3 (one per column of the header)',
    );
  });

  it('reports an empty file, a header without rows and a header without features', () => {
    expect(errorOf(() => parseCsv('', { label: 'label', source: 'e.csv' })).message).toBe(
      'e.csv: the file is empty, expected a header row of column names',
    );
    expect(errorOf(() => parseCsv('\n\n', { label: 'label', source: 'e.csv' })).message).toMatch(/^e\.csv: the file is empty/);
    expect(errorOf(() => parseCsv('a,label\n', { label: 'label', source: 'h.csv' })).message).toBe(
      'h.csv: no examples after the header row, expected at least one data row',
    );
    expect(errorOf(() => parseCsv('label\nx\n', { label: 'label', source: 'h.csv' })).message).toBe(
      'h.csv line 1: no feature columns besides the label column',
    );
  });

  it('reports duplicate and unnamed header columns', () => {
    expect(errorOf(() => parseCsv('a,a,label\n1,2,x\n', { label: 'label', source: 'd.csv' })).message).toBe(
      'd.csv line 1: column "a" appears twice in the header',
    );
    expect(errorOf(() => parseCsv('a,,label\n1,2,x\n', { label: 'label', source: 'd.csv' })).message).toBe(
      'd.csv line 1: column 2 of the header has no name',
    );
  });

  it('turns malformed CSV from the parser into a one-line DataError with the line', () => {
    const message = errorOf(() => parseCsv('a,label\n1,"x\n', { label: 'label', source: 'q.csv' })).message;
    expect(message).toMatch(/^q\.csv line \d+: malformed CSV \(.*quote/i);
    expect(message).not.toContain('\n');
  });

  it('calls the input "CSV input" when no source is given', () => {
    expect(errorOf(() => parseCsv('', { label: 'label' })).message).toMatch(/^CSV input: /);
  });
});
