import { assertSameShape, type Matrix } from '../matrix.js';

/** Shape checks shared by every activation; messages name the activation and the method. */
export function checkForward(name: string, z: Matrix, out: Matrix): void {
  assertSameShape(`${name}.forward (z, out)`, z, out);
}

export function checkBackward(name: string, dA: Matrix, z: Matrix, a: Matrix, out: Matrix): void {
  assertSameShape(`${name}.backward (z, dA)`, z, dA);
  assertSameShape(`${name}.backward (z, a)`, z, a);
  assertSameShape(`${name}.backward (z, out)`, z, out);
}

export function checkDerivative(name: string, z: Matrix, a: Matrix, out: Matrix): void {
  assertSameShape(`${name}.derivative (z, a)`, z, a);
  assertSameShape(`${name}.derivative (z, out)`, z, out);
}
