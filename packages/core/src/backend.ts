import type { Matrix } from './matrix.js';

export interface MatmulOptions {
  /** Use aᵀ instead of a. */
  transposeA?: boolean;
  /** Use bᵀ instead of b. */
  transposeB?: boolean;
}

/**
 * The kernels the trainers need. Every method writes into `out` (already sized;
 * shape errors name the operation and the shapes) and returns it, so a training
 * loop can allocate its buffers once. `out` may alias an input for the
 * element-wise ops, never for `matmul`.
 */
export interface Backend {
  readonly name: 'typed' | 'mathjs';
  /** out = op(a) · op(b) where op transposes when asked. */
  matmul(a: Matrix, b: Matrix, out: Matrix, options?: MatmulOptions): Matrix;
  /** out[i][j] = a[i][j] + bias[i]: an n x 1 bias broadcast over the columns. */
  addColumnVector(a: Matrix, bias: Matrix, out: Matrix): Matrix;
  /** out = a + b, element-wise. */
  add(a: Matrix, b: Matrix, out: Matrix): Matrix;
  /** out = a - b, element-wise. */
  sub(a: Matrix, b: Matrix, out: Matrix): Matrix;
  /** out = a ⊙ b, element-wise (Hadamard) product. */
  mul(a: Matrix, b: Matrix, out: Matrix): Matrix;
  /** out = s · a. */
  scale(a: Matrix, s: number, out: Matrix): Matrix;
  /** out (n x 1) = the sum of each row of a (over the columns, i.e. over examples). */
  rowSums(a: Matrix, out: Matrix): Matrix;
  /** out (1 x m) = the sum of each column of a (over the rows, i.e. over units). */
  colSums(a: Matrix, out: Matrix): Matrix;

  // Optional fused layer steps. A trainer uses them when present and runs the
  // separate kernels otherwise; each gives exactly the numbers of those
  // kernels, so using them or not never changes a result.

  /**
   * A layer's forward step: z = w·a + bias (matmul, then addColumnVector) and,
   * when reluOut is given, reluOut = relu(z) (relu.forward), in one pass.
   */
  affine?(w: Matrix, a: Matrix, bias: Matrix, z: Matrix, reluOut?: Matrix): Matrix;
  /**
   * The backward step into a ReLU layer: out = (wᵀ·dZ) ⊙ relu'(zPrev), i.e.
   * matmul with transposeA then relu.backward, in one pass.
   */
  backwardRelu?(w: Matrix, dZ: Matrix, zPrev: Matrix, out: Matrix): Matrix;
}
