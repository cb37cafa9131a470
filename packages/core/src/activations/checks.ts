import { ShapeError, type Matrix } from '../matrix.js';

// Shape checks shared by every activation. The message (a new string) is built
// only on failure, so the checks allocate nothing on the hot path.

function requireSameShape(name: string, method: string, what: string, z: Matrix, other: Matrix): void {
  if (z.rows !== other.rows || z.cols !== other.cols) {
    throw new ShapeError(`${name}.${method} (z, ${what}): shapes ${z.shape} and ${other.shape} differ`);
  }
}

export function checkForward(name: string, z: Matrix, out: Matrix): void {
  requireSameShape(name, 'forward', 'out', z, out);
}

export function checkBackward(name: string, dA: Matrix, z: Matrix, a: Matrix, out: Matrix): void {
  requireSameShape(name, 'backward', 'dA', z, dA);
  requireSameShape(name, 'backward', 'a', z, a);
  requireSameShape(name, 'backward', 'out', z, out);
}

export function checkDerivative(name: string, z: Matrix, a: Matrix, out: Matrix): void {
  requireSameShape(name, 'derivative', 'a', z, a);
  requireSameShape(name, 'derivative', 'out', z, out);
}
