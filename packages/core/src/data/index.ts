export { DataError } from './data-error.js';
export type { LabeledTable } from './labeled-table.js';
export { parseCsv, type ParseCsvOptions } from './parse-csv.js';
export { readCsvFile } from './read-csv-file.js';
export { fitStandardizer, type Standardizer } from './standardizer.js';
export { oneHot } from './one-hot.js';
export { trainValidationSplit } from './train-validation-split.js';
export { toColumns, fromColumns } from './columns.js';
export { assertExampleMatrix, assertExamples } from './examples.js';
