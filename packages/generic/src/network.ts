import {
  Matrix,
  assertExampleMatrix,
  assertParameters,
  getActivation,
  getLoss,
  typedBackend,
  type Activation,
  type Backend,
  type Loss,
  type MatmulOptions,
  type Parameters,
} from '@lockstep/core';
import type { NetworkSpec } from './types.js';
import { validateData, validateSpec } from './validate.js';

// Shared option objects: a literal at the call site would allocate on every call.
const TRANSPOSE_A: MatmulOptions = Object.freeze({ transposeA: true });
const TRANSPOSE_B: MatmulOptions = Object.freeze({ transposeB: true });

/**
 * The buffers one batch width needs, sized once. Index l holds layer l's
 * values (index 0 of Z, dZ, dA is unused; A[0] is the input).
 */
export interface Buffers {
  readonly m: number;
  readonly Z: Matrix[];
  readonly A: Matrix[];
  readonly dZ: Matrix[];
  /**
   * dA[l] = W(l+1)ᵀ · dZ(l+1), the gradient flowing into layer l's activation
   * (left untouched where a backend's fused backwardRelu goes straight to dZ[l]).
   */
  readonly dA: Matrix[];
  readonly dW: Matrix[];
  readonly db: Matrix[];
}

/**
 * An L-layer fully connected network: forward pass, cost and backward pass
 * over a batch whose examples are columns. Layer l (1..L) computes
 * Zl = Wl·A(l-1) + bl and Al = g_l(Zl).
 */
export class Network {
  readonly spec: NetworkSpec;
  readonly L: number;
  readonly backend: Backend;
  private readonly g: Activation[];
  /**
   * Where g_l is relu: there a backend's fused steps (affine, backwardRelu),
   * when it has them, replace the separate kernels with the same numbers.
   */
  private readonly reluAt: boolean[];
  private readonly loss: Loss;
  private readonly buffersByWidth = new Map<number, Buffers>();

  constructor(spec: NetworkSpec, backend: Backend = typedBackend) {
    validateSpec(spec);
    this.spec = spec;
    this.L = spec.layers.length - 1;
    this.backend = backend;
    this.g = [getActivation('linear'), ...spec.activations.map((name) => getActivation(name))];
    this.reluAt = this.g.map((g) => g.name === 'relu');
    this.loss = getLoss(spec.loss);
  }

  /** Buffers for a batch of m examples, created on first use and reused after. */
  buffers(m: number): Buffers {
    let buf = this.buffersByWidth.get(m);
    if (buf === undefined) {
      const n = this.spec.layers;
      const perLayer = (rows: (l: number) => number, cols: (l: number) => number): Matrix[] =>
        n.map((_, l) => new Matrix(l === 0 ? 0 : rows(l), l === 0 ? 0 : cols(l)));
      buf = {
        m,
        Z: perLayer((l) => n[l]!, () => m),
        A: perLayer((l) => n[l]!, () => m),
        dZ: perLayer((l) => n[l]!, () => m),
        dA: perLayer((l) => n[l]!, () => m),
        dW: perLayer((l) => n[l]!, (l) => n[l - 1]!),
        db: perLayer((l) => n[l]!, () => 1),
      };
      this.buffersByWidth.set(m, buf);
    }
    return buf;
  }

  /** Forward pass over X (n0 x m); returns the cost of the batch against Y. */
  forward(p: Parameters, X: Matrix, Y: Matrix, buf: Buffers = this.buffers(X.cols)): number {
    const { backend: be, L } = this;
    buf.A[0] = X;
    for (let l = 1; l <= L; l++) {
      if (be.affine !== undefined && this.reluAt[l]) {
        be.affine(p.W[l - 1]!, buf.A[l - 1]!, p.b[l - 1]!, buf.Z[l]!, buf.A[l]!); // the three lines below, fused
        continue;
      }
      be.matmul(p.W[l - 1]!, buf.A[l - 1]!, buf.Z[l]!); //   Zl = Wl · A(l-1)
      be.addColumnVector(buf.Z[l]!, p.b[l - 1]!, buf.Z[l]!); //     + bl
      this.g[l]!.forward(buf.Z[l]!, buf.A[l]!); //                   Al = g_l(Zl)
    }
    return this.loss.cost(buf.Z[L]!, buf.A[L]!, Y);
  }

  /**
   * Backward pass after `forward` on the same buffers: fills buf.dW and buf.db
   * with the gradients of the batch cost. Uses the weights as they are now,
   * i.e. before this step's update.
   */
  backward(p: Parameters, Y: Matrix, buf: Buffers): void {
    const { backend: be, L } = this;
    const invM = 1 / buf.m;
    this.loss.outputGradient(buf.Z[L]!, buf.A[L]!, Y, this.g[L]!, buf.dZ[L]!); // dZL (fused A - Y where it applies)
    for (let l = L; l >= 1; l--) {
      be.matmul(buf.dZ[l]!, buf.A[l - 1]!, buf.dW[l]!, TRANSPOSE_B); // dWl = dZl · A(l-1)ᵀ
      be.scale(buf.dW[l]!, invM, buf.dW[l]!); //                                     / m
      be.rowSums(buf.dZ[l]!, buf.db[l]!); //                                         dbl = Σ_columns dZl
      be.scale(buf.db[l]!, invM, buf.db[l]!); //                                     / m
      if (l > 1 && be.backwardRelu !== undefined && this.reluAt[l - 1]) {
        be.backwardRelu(p.W[l - 1]!, buf.dZ[l]!, buf.Z[l - 1]!, buf.dZ[l - 1]!); // the two lines below, fused
      } else if (l > 1) {
        be.matmul(p.W[l - 1]!, buf.dZ[l]!, buf.dA[l - 1]!, TRANSPOSE_A); // dA(l-1) = Wlᵀ · dZl
        this.g[l - 1]!.backward(buf.dA[l - 1]!, buf.Z[l - 1]!, buf.A[l - 1]!, buf.dZ[l - 1]!); // ⊙ g'(Z(l-1))
      }
    }
  }

  /**
   * The cost of the parameters on (X, Y). Checks its input first, as trainGeneric does
   * (parameters that fit the spec, matrices of finite values with examples as columns);
   * `forward` is the unchecked form for loops.
   */
  cost(p: Parameters, X: Matrix, Y: Matrix): number {
    this.checkExamples(p, X, Y);
    return this.forward(p, X, Y);
  }

  /** The network's outputs AL for X (a copy, n_L x m); X and p are checked as in `cost`. */
  predict(p: Parameters, X: Matrix): Matrix {
    assertParameters(p, 'parameters', this.spec.layers);
    assertExampleMatrix('X', X, this.spec.layers[0]!, 'feature');
    const buf = this.buffers(X.cols);
    const { backend: be, L } = this;
    let input = X;
    for (let l = 1; l <= L; l++) {
      be.matmul(p.W[l - 1]!, input, buf.Z[l]!);
      be.addColumnVector(buf.Z[l]!, p.b[l - 1]!, buf.Z[l]!);
      this.g[l]!.forward(buf.Z[l]!, buf.A[l]!);
      input = buf.A[l]!;
    }
    return buf.A[L]!.clone();
  }

  /** Gradients of the cost on (X, Y) as fresh matrices (for checks and tools, not the hot loop). */
  gradients(p: Parameters, X: Matrix, Y: Matrix): { cost: number; dW: Matrix[]; db: Matrix[] } {
    this.checkExamples(p, X, Y);
    const buf = this.buffers(X.cols);
    const cost = this.forward(p, X, Y, buf);
    this.backward(p, Y, buf);
    return { cost, dW: buf.dW.slice(1).map((m) => m.clone()), db: buf.db.slice(1).map((m) => m.clone()) };
  }

  /** The checks of the entry points that are not the hot loop: O(values), once per call. */
  private checkExamples(p: Parameters, X: Matrix, Y: Matrix): void {
    validateData(this.spec, p, X, Y, 'parameters');
  }
}
