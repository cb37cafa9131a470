import type { Backend } from '../backend.js';
import { mathjsBackend } from './mathjs.js';
import { typedBackend } from './typed.js';

export { typedBackend } from './typed.js';
export { mathjsBackend } from './mathjs.js';
export { matmulNaive } from './matmul-naive.js';
export { kernelThreads, setKernelThreads } from './matmul-wasm.js';

/** Every backend by its name. */
export const backends: Readonly<Record<Backend['name'], Backend>> = Object.freeze({
  typed: typedBackend,
  mathjs: mathjsBackend,
});

/** The backend called `name` ('typed' or 'mathjs'). */
export function getBackend(name: string): Backend {
  if (Object.hasOwn(backends, name)) return backends[name as Backend['name']];
  const valid = Object.keys(backends).map((n) => `'${n}'`).join(', ');
  throw new Error(`unknown backend '${name}': expected one of ${valid}`);
}
