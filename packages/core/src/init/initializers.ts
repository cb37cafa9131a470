import { Matrix } from '../matrix.js';
import type { Rng } from '../rng.js';
import type { Initializer, InitScheme } from './types.js';

function checkFans(name: string, fanOut: number, fanIn: number): void {
  if (!Number.isInteger(fanOut) || !Number.isInteger(fanIn) || fanOut < 1 || fanIn < 1) {
    throw new RangeError(`${name}: fanOut and fanIn must be positive integers, got ${fanOut}x${fanIn}`);
  }
}

/** std · N(0, 1), drawn row-major. */
function normalMatrix(fanOut: number, fanIn: number, rng: Rng, std: number): Matrix {
  const w = new Matrix(fanOut, fanIn);
  for (let i = 0; i < w.size; i++) w.data[i] = std * rng.normal();
  return w;
}

/** Uniform in [-limit, limit), drawn row-major. */
function uniformMatrix(fanOut: number, fanIn: number, rng: Rng, limit: number): Matrix {
  const w = new Matrix(fanOut, fanIn);
  for (let i = 0; i < w.size; i++) w.data[i] = limit * (2 * rng.next() - 1);
  return w;
}

/** He (Kaiming) normal, for relu layers: N(0, 2/fanIn), std sqrt(2/fanIn), not truncated. */
export const heNormal: Initializer = (fanOut, fanIn, rng) => {
  checkFans('heNormal', fanOut, fanIn);
  return normalMatrix(fanOut, fanIn, rng, Math.sqrt(2 / fanIn));
};

/** He (Kaiming) uniform: U[-limit, limit) with limit sqrt(6/fanIn), so the variance is 2/fanIn. */
export const heUniform: Initializer = (fanOut, fanIn, rng) => {
  checkFans('heUniform', fanOut, fanIn);
  return uniformMatrix(fanOut, fanIn, rng, Math.sqrt(6 / fanIn));
};

/** Xavier (Glorot) normal, for tanh and sigmoid layers: std sqrt(2/(fanIn+fanOut)), not truncated. */
export const xavierNormal: Initializer = (fanOut, fanIn, rng) => {
  checkFans('xavierNormal', fanOut, fanIn);
  return normalMatrix(fanOut, fanIn, rng, Math.sqrt(2 / (fanIn + fanOut)));
};

/** Xavier (Glorot) uniform: U[-limit, limit) with limit sqrt(6/(fanIn+fanOut)). */
export const xavierUniform: Initializer = (fanOut, fanIn, rng) => {
  checkFans('xavierUniform', fanOut, fanIn);
  return uniformMatrix(fanOut, fanIn, rng, Math.sqrt(6 / (fanIn + fanOut)));
};

/** All zeros; draws nothing from rng. (Every unit of a layer then learns the same thing.) */
export const zeros: Initializer = (fanOut, fanIn) => {
  checkFans('zeros', fanOut, fanIn);
  return new Matrix(fanOut, fanIn);
};

/** Every initializer by scheme name. */
export const initializers: Readonly<Record<InitScheme, Initializer>> = Object.freeze({
  'he-normal': heNormal,
  'he-uniform': heUniform,
  'xavier-normal': xavierNormal,
  'xavier-uniform': xavierUniform,
  zeros,
});

/** The initializer for `scheme`; throws naming the valid schemes otherwise. */
export function getInitializer(scheme: string): Initializer {
  if (Object.hasOwn(initializers, scheme)) return initializers[scheme as InitScheme];
  throw new Error(`unknown init scheme "${scheme}": expected one of ${Object.keys(initializers).join(', ')}`);
}
