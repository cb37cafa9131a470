export { Matrix, ShapeError, assertSameShape, assertShape } from './matrix.js';
export type { Backend, MatmulOptions } from './backend.js';
export * from './kernels/index.js';
export * from './activations/index.js';
export * from './losses/index.js';
export * from './optimizers/index.js';
export * from './init/index.js';
export * from './data/index.js';
export * from './rng.js';
export * from './parameters.js';
export * from './gradcheck.js';
export {
  describeKind,
  describeValue,
  isMatrix,
  rejectUnknownFields,
  requireBackend,
  requireOptionalBoolean,
  requirePositive,
  requirePositiveInteger,
} from './validate.js';
