import { assertSameShape, ShapeError, type Matrix } from '../matrix.js';

/** Shape checks shared by the losses; returns m, the number of examples (columns). */
export function checkCostInputs(name: string, z: Matrix, a: Matrix, y: Matrix): number {
  assertSameShape(`${name}.cost (z, a)`, z, a);
  assertSameShape(`${name}.cost (z, y)`, z, y);
  if (z.cols === 0) throw new ShapeError(`${name}.cost: the batch is empty (${z.shape}), its mean is undefined`);
  return z.cols;
}

export function checkGradientInputs(name: string, z: Matrix, a: Matrix, y: Matrix, out: Matrix): void {
  assertSameShape(`${name}.outputGradient (z, a)`, z, a);
  assertSameShape(`${name}.outputGradient (z, y)`, z, y);
  assertSameShape(`${name}.outputGradient (z, out)`, z, out);
}

/** out = a - y: the fused output gradient of sigmoid+bce and softmax+ce. */
export function subtractInto(a: Matrix, y: Matrix, out: Matrix): Matrix {
  const as = a.data;
  const ys = y.data;
  const o = out.data;
  for (let i = 0; i < as.length; i++) o[i] = as[i]! - ys[i]!;
  return out;
}
