import { DataError, rejectUnknownFields } from '@lockstep/core';
import { loadBreastCancer, loadDigits, loadIris, loadWine } from './bundled.js';
import type { Dataset } from './dataset.js';
import { flower } from './flower.js';
import { moons } from './moons.js';

/** Every name loadDataset knows: the bundled sets, then the generated ones. */
export const datasetNames = ['iris', 'breast-cancer', 'wine', 'digits', 'flower', 'moons'] as const;
export type DatasetName = (typeof datasetNames)[number];

export interface LoadDatasetOptions {
  /** Required for the generated sets (flower, moons); the bundled ones ignore it. */
  seed?: number;
  /** Number of points of a generated set (default 400). Not allowed for bundled sets. */
  m?: number;
  /** Noise of a generated set (its own default). Not allowed for bundled sets. */
  noise?: number;
}

const bundled: Record<string, () => Dataset> = {
  iris: loadIris,
  'breast-cancer': loadBreastCancer,
  wine: loadWine,
  digits: loadDigits,
};

export function isDatasetName(name: string): name is DatasetName {
  return (datasetNames as readonly string[]).includes(name);
}

/**
 * Loads a data set by name. An unknown name, a generated set without a seed, or m/noise
 * given for a bundled set is a DataError whose message says what is valid.
 */
export function loadDataset(name: string, options: LoadDatasetOptions = {}): Dataset {
  if (!isDatasetName(name)) {
    throw new DataError(`unknown dataset ${JSON.stringify(name)}; the datasets are ${datasetNames.join(', ')}`);
  }
  rejectUnknownFields('loadDataset', options, ['seed', 'm', 'noise'], 'option');
  const { seed, m, noise } = options;
  const load = bundled[name];
  if (load !== undefined) {
    if (m !== undefined || noise !== undefined) {
      throw new DataError(`dataset "${name}" is bundled: m and noise apply only to flower and moons`);
    }
    return load();
  }
  if (seed === undefined) {
    throw new DataError(`dataset "${name}" is generated and needs a seed`);
  }
  const sizeAndNoise = { ...(m === undefined ? {} : { m }), ...(noise === undefined ? {} : { noise }) };
  return name === 'flower' ? flower({ seed, ...sizeAndNoise }) : moons({ seed, ...sizeAndNoise });
}
