import { Matrix, ShapeError } from './matrix.js';

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

/** Checks that the parameters fit the layer widths; throws a ShapeError naming the parameter. */
export function assertParameterShapes(p: Parameters, layers: readonly number[]): void {
  const L = layers.length - 1;
  if (p.W.length !== L || p.b.length !== L) {
    throw new ShapeError(`parameters: ${p.W.length} weight and ${p.b.length} bias matrices for ${L} layers`);
  }
  for (let l = 1; l <= L; l++) {
    const w = p.W[l - 1]!;
    const b = p.b[l - 1]!;
    if (w.rows !== layers[l] || w.cols !== layers[l - 1]) {
      throw new ShapeError(`parameters: W${l} is ${w.shape}, expected ${layers[l]}x${layers[l - 1]}`);
    }
    if (b.rows !== layers[l] || b.cols !== 1) {
      throw new ShapeError(`parameters: b${l} is ${b.shape}, expected ${layers[l]}x1`);
    }
  }
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
  assertParameterShapes({ W, b }, [W[0]!.cols, ...W.map((w) => w.rows)]);
  return { W, b };
}
