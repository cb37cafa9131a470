export { trainGeneric } from './train.js';
export { Network, type Buffers } from './network.js';
export { Batcher } from './batches.js';
export { validateSpec } from './validate.js';
export type { NetworkSpec, ProgressReport, TrainOptions, TrainingHistory } from './types.js';
