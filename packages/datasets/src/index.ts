export type { Dataset } from './dataset.js';
export { loadIris, loadBreastCancer, loadWine, loadDigits } from './bundled.js';
export { flower, type FlowerOptions } from './flower.js';
export { moons, type MoonsOptions } from './moons.js';
export {
  loadDataset,
  datasetNames,
  isDatasetName,
  type DatasetName,
  type LoadDatasetOptions,
} from './load-dataset.js';
