export type { Initializer, InitScheme } from './types.js';
export {
  getInitializer,
  heNormal,
  heUniform,
  initializers,
  xavierNormal,
  xavierUniform,
  zeros,
} from './initializers.js';
export { initializeParameters } from './initialize-parameters.js';
