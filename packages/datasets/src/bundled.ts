import { fileURLToPath } from 'node:url';
import { DataError, fitStandardizer, oneHot, readCsvFile, type LabeledTable } from '@lockstep/core';
import type { Dataset } from './dataset.js';

// The CSVs ship in ../data beside both src/ and dist/, so the same relative URL works
// from sources (tests) and from the built package. Conventions: ../data/README.md.

/** Iris: 150 x 4, standardized per column (population std); 3 classes one-hot in file order. */
export function loadIris(): Dataset {
  const table = readBundled(new URL('../data/iris.csv', import.meta.url));
  return multiclass('iris', standardized(table), table);
}

/**
 * Breast cancer (Wisconsin diagnostic): 569 x 30, standardized per column (population
 * std); binary with malignant = 1, so classes are ['benign', 'malignant'] and Y has one column.
 */
export function loadBreastCancer(): Dataset {
  const table = readBundled(new URL('../data/breast-cancer.csv', import.meta.url));
  return binary('breast-cancer', standardized(table), table, 'malignant', 'benign');
}

/** Wine: 178 x 13, standardized per column (population std); 3 classes one-hot in file order. */
export function loadWine(): Dataset {
  const table = readBundled(new URL('../data/wine.csv', import.meta.url));
  return multiclass('wine', standardized(table), table);
}

/** Digits: 1797 x 64 pixels of 8 x 8 images, 0-16 divided by 16 into [0, 1]; 10 classes one-hot in file order. */
export function loadDigits(): Dataset {
  const table = readBundled(new URL('../data/digits.csv', import.meta.url));
  const X = table.features.map((row) => row.map((v) => v / 16));
  return multiclass('digits', X, table);
}

function readBundled(url: URL): LabeledTable {
  return readCsvFile(fileURLToPath(url), { label: 'label' });
}

function standardized(table: LabeledTable): number[][] {
  return fitStandardizer(table.features).apply(table.features);
}

function multiclass(name: string, X: number[][], table: LabeledTable): Dataset {
  const { classes, Y } = oneHot(table.labels);
  return { name, featureNames: table.featureNames, classes, X, Y, labels: table.labels };
}

function binary(name: string, X: number[][], table: LabeledTable, positive: string, negative: string): Dataset {
  const Y = table.labels.map((label, i) => {
    if (label === positive) return [1];
    if (label === negative) return [0];
    throw new DataError(`${name}: label ${JSON.stringify(label)} of example ${i} is neither ${positive} nor ${negative}`);
  });
  return { name, featureNames: table.featureNames, classes: [negative, positive], X, Y, labels: table.labels };
}
