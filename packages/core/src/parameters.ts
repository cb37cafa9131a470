import { Matrix, ShapeError } from './matrix.js';
import { describeKind, firstNonFinite, isMatrix } from './validate.js';

/**
 * The parameters of an L-layer network: W[l-1] is layer l's weight matrix
 * (n_l x n_{l-1}, out x in) and b[l-1] its bias (n_l x 1).
 */
export interface Parameters {
  W: Matrix[];
  b: Matrix[];
}

/** Named form used in files: { W1: rows, b1: values, W2: ..., ... }. */
export type NamedParameters = Record<string, number[][] | number[]>;

export function cloneParameters(p: Parameters): Parameters {
  return { W: p.W.map((w) => w.clone()), b: p.b.map((b) => b.clone()) };
}

/** Bit-identical parameters (same shapes, same float64 values). */
export function parametersEqual(a: Parameters, b: Parameters): boolean {
  if (a.W.length !== b.W.length || a.b.length !== b.b.length) return false;
  return a.W.every((w, i) => w.equals(b.W[i]!)) && a.b.every((v, i) => v.equals(b.b[i]!));
}

/** The layer widths [n0, n1, ..., nL] the parameters imply. */
export function layerSizes(p: Parameters): number[] {
  if (p.W.length === 0) return [];
  return [p.W[0]!.cols, ...p.W.map((w) => w.rows)];
}

/**
 * Checks that the parameters fit the layer widths (inferred from W when omitted, as
 * `layerSizes` does); throws a ShapeError naming the parameter, e.g. `parameters.W2 is 8x5,
 * expected 8x4`. O(L): it reads shapes, never values.
 */
export function assertParameterShapes(p: Parameters, layers?: readonly number[], name = 'parameters'): void {
  checkShapes(p, layers, name);
}

/**
 * Checks parameters handed in from outside before anything reads them: `p` is `{ W, b }`
 * with one Matrix of each per layer, shaped for `layers` (inferred from W when omitted:
 * [W1.cols, W1.rows, W2.rows, ...]) and holding only finite values. `name` is the place
 * the messages start from (`init`, `parameters`), and W2[i][j] is row i, column j of layer
 * 2's weights: `init.W2[3][1] is NaN, expected a finite number`. TypeError when `p` or an
 * entry is not parameters at all (a plain array, a missing W), ShapeError for a wrong count
 * or shape, RangeError for a NaN or infinite value. Returns the layer widths.
 *
 * O(number of parameters): for entry points, never for a per-step loop.
 */
export function assertParameters(p: unknown, name = 'parameters', layers?: readonly number[]): number[] {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) {
    throw new TypeError(`${name} must be { W: Matrix[], b: Matrix[] } (weights and biases, one of each per layer), got ${describeKind(p)}`);
  }
  const { W, b } = p as { W?: unknown; b?: unknown };
  if (!Array.isArray(W)) throw new TypeError(`${name}.W must be an array of weight matrices, one per layer, got ${describeKind(W)}`);
  if (!Array.isArray(b)) throw new TypeError(`${name}.b must be an array of bias matrices, one per layer, got ${describeKind(b)}`);
  const checkEntries = (list: unknown[], key: string): void => {
    list.forEach((m, i) => {
      if (!isMatrix(m)) {
        throw new TypeError(`${name}.${key}${i + 1} must be a Matrix (Matrix.fromRows(rows) makes one), got ${describeKind(m)}`);
      }
    });
  };
  checkEntries(W, 'W');
  checkEntries(b, 'b');
  const params = p as Parameters;
  const widths = checkShapes(params, layers, name);
  params.W.forEach((w, i) => assertFiniteValues(`${name}.W${i + 1}`, w, false));
  params.b.forEach((v, i) => assertFiniteValues(`${name}.b${i + 1}`, v, true));
  return widths;
}

/** Counts and shapes; returns the layer widths. */
function checkShapes(p: Parameters, given: readonly number[] | undefined, name: string): number[] {
  if (p.W.length !== p.b.length) {
    throw new ShapeError(`${name} has ${p.W.length} weight and ${p.b.length} bias matrices, expected one of each per layer`);
  }
  if (given === undefined && p.W.length === 0) throw new ShapeError(`${name} has no layers (W and b are empty)`);
  const layers = given ?? layerSizes(p);
  const L = layers.length - 1;
  if (p.W.length !== L) {
    throw new ShapeError(`${name} has ${p.W.length} weight and ${p.b.length} bias matrices, expected ${L} of each (layers [${layers.join(', ')}])`);
  }
  for (let l = 1; l <= L; l++) {
    const w = p.W[l - 1]!;
    const b = p.b[l - 1]!;
    if (w.rows !== layers[l] || w.cols !== layers[l - 1]) {
      throw new ShapeError(`${name}.W${l} is ${w.shape}, expected ${layers[l]}x${layers[l - 1]}`);
    }
    if (b.rows !== layers[l] || b.cols !== 1) {
      throw new ShapeError(`${name}.b${l} is ${b.shape}, expected ${layers[l]}x1`);
    }
  }
  return [...layers];
}

/** Throws a RangeError naming the first NaN or infinite value of m: `init.W2[3][1]`, `init.b2[3]`. */
function assertFiniteValues(place: string, m: Matrix, column: boolean): void {
  const i = firstNonFinite(m.data);
  if (i < 0) return;
  const at = column ? `[${i}]` : `[${Math.floor(i / m.cols)}][${i % m.cols}]`;
  throw new RangeError(`${place}${at} is ${m.data[i]}, expected a finite number`);
}

export function parametersToNamed(p: Parameters): NamedParameters {
  const out: NamedParameters = {};
  p.W.forEach((w, i) => {
    out[`W${i + 1}`] = w.toRows();
    out[`b${i + 1}`] = p.b[i]!.toArray();
  });
  return out;
}

/** Reads { W1, b1, ..., WL, bL }; L is found from the names present. */
export function parametersFromNamed(named: NamedParameters): Parameters {
  const W: Matrix[] = [];
  const b: Matrix[] = [];
  for (let l = 1; `W${l}` in named; l++) {
    const w = named[`W${l}`];
    const bias = named[`b${l}`];
    if (!Array.isArray(w) || !w.every((row) => Array.isArray(row))) {
      throw new ShapeError(`parameters: W${l} must be an array of rows`);
    }
    if (!Array.isArray(bias) || !bias.every((v) => typeof v === 'number')) {
      throw new ShapeError(`parameters: b${l} must be an array of numbers`);
    }
    W.push(Matrix.fromRows(w as number[][]));
    b.push(Matrix.column(bias as number[]));
  }
  if (W.length === 0) throw new ShapeError('parameters: no W1 found');
  assertParameterShapes({ W, b });
  return { W, b };
}
