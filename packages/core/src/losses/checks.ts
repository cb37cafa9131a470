import { ShapeError, type Matrix } from '../matrix.js';

// Shape checks shared by the losses. The message (a new string) is built only
// on failure, so the checks allocate nothing on the hot path.

function requireSameShape(name: string, method: string, what: string, z: Matrix, other: Matrix): void {
  if (z.rows !== other.rows || z.cols !== other.cols) {
    throw new ShapeError(`${name}.${method} (z, ${what}): shapes ${z.shape} and ${other.shape} differ`);
  }
}

/** Checks the inputs of a cost; returns m, the number of examples (columns). */
export function checkCostInputs(name: string, z: Matrix, a: Matrix, y: Matrix): number {
  requireSameShape(name, 'cost', 'a', z, a);
  requireSameShape(name, 'cost', 'y', z, y);
  if (z.cols === 0) throw new ShapeError(`${name}.cost: the batch is empty (${z.shape}), its mean is undefined`);
  return z.cols;
}

export function checkGradientInputs(name: string, z: Matrix, a: Matrix, y: Matrix, out: Matrix): void {
  requireSameShape(name, 'outputGradient', 'a', z, a);
  requireSameShape(name, 'outputGradient', 'y', z, y);
  requireSameShape(name, 'outputGradient', 'out', z, out);
}

/** out = a - y: the fused output gradient of sigmoid+bce and softmax+ce. */
export function subtractInto(a: Matrix, y: Matrix, out: Matrix): Matrix {
  const as = a.data;
  const ys = y.data;
  const o = out.data;
  for (let i = 0; i < as.length; i++) o[i] = as[i]! - ys[i]!;
  return out;
}
