import {
  Matrix,
  ShapeError,
  assertExamples,
  assertParameters,
  bce,
  ce,
  cloneParameters,
  rejectUnknownFields,
  relu,
  requireBackend,
  requireOptionalBoolean,
  requirePositive,
  requirePositiveInteger,
  sigmoid,
  softmax,
  typedBackend,
  type Backend,
  type MatmulOptions,
  type Parameters,
} from '@lockstep/core';

// Shared option objects: a literal at each call would allocate on every epoch.
const TRANSPOSE_A: MatmulOptions = Object.freeze({ transposeA: true });
const TRANSPOSE_B: MatmulOptions = Object.freeze({ transposeB: true });

export interface HardcodedOptions {
  epochs: number;
  learningRate: number;
  /** Kernels to use; the typed-array backend by default. */
  backend?: Backend;
  /** Keep a copy of the parameters as each epoch began. */
  trace?: boolean;
}

const OPTIONS: readonly string[] = ['epochs', 'learningRate', 'backend', 'trace'] satisfies (keyof HardcodedOptions)[];

export interface HardcodedHistory {
  /** costs[e]: the cost of the parameters as they were when epoch e began. */
  costs: number[];
  /** The cost after the last update. */
  finalCost: number;
  parameters: Parameters;
  trace?: Parameters[];
  stoppedEarly: false;
}

/**
 * The fixed 4-layer network [n0, n1, n2, n3, nOut]: ReLU on the three hidden
 * layers, sigmoid + BCE for one output, softmax + CE for several; full-batch
 * gradient descent. Written out without a loop over layers, so it can be read
 * against the math line by line. Examples are columns: X is n0 x m, Y nOut x m.
 */
export function trainHardcoded(init: Parameters, X: Matrix, Y: Matrix, options: HardcodedOptions): HardcodedHistory {
  // The same core checks trainGeneric makes, so both refuse bad input with the same messages.
  rejectUnknownFields('training', options, OPTIONS, 'option');
  requirePositiveInteger('training', 'epochs', options.epochs);
  requirePositive('training', 'learningRate', options.learningRate);
  requireBackend('training', options.backend);
  requireOptionalBoolean('training', 'trace', options.trace);
  const layers = assertParameters(init, 'init'); // widths [n0, n1, n2, n3, nOut] as init implies them
  if (layers.length !== 5) throw new ShapeError(`hardcoded: needs exactly 4 layers, got ${layers.length - 1}`);
  const [n0, n1, n2, n3, nOut] = layers as [number, number, number, number, number];
  assertExamples(X, Y, n0, nOut);

  const be = options.backend ?? typedBackend;
  const lr = options.learningRate;
  const m = X.cols;
  const binary = nOut === 1;
  const output = binary ? sigmoid : softmax;
  const loss = binary ? bce : ce;

  const p = cloneParameters(init);
  const [W1, W2, W3, W4] = p.W as [Matrix, Matrix, Matrix, Matrix];
  const [b1, b2, b3, b4] = p.b as [Matrix, Matrix, Matrix, Matrix];

  // Every buffer is sized once, here.
  const Z1 = new Matrix(n1, m), A1 = new Matrix(n1, m), dZ1 = new Matrix(n1, m), dA1 = new Matrix(n1, m);
  const Z2 = new Matrix(n2, m), A2 = new Matrix(n2, m), dZ2 = new Matrix(n2, m), dA2 = new Matrix(n2, m);
  const Z3 = new Matrix(n3, m), A3 = new Matrix(n3, m), dZ3 = new Matrix(n3, m), dA3 = new Matrix(n3, m);
  const Z4 = new Matrix(nOut, m), A4 = new Matrix(nOut, m), dZ4 = new Matrix(nOut, m);
  const dW1 = new Matrix(n1, n0), dW2 = new Matrix(n2, n1), dW3 = new Matrix(n3, n2), dW4 = new Matrix(nOut, n3);
  const db1 = new Matrix(n1, 1), db2 = new Matrix(n2, 1), db3 = new Matrix(n3, 1), db4 = new Matrix(nOut, 1);

  // A ReLU layer forward (Z = W·In + b, A = relu(Z)) and the step back into one
  // (dZ = Wᵀ·dZnext ⊙ relu'(Z)): one fused call when the backend has it, giving
  // the same numbers as the separate kernels it replaces.
  const reluLayer = (W: Matrix, In: Matrix, b: Matrix, Z: Matrix, A: Matrix): void => {
    if (be.affine !== undefined) {
      be.affine(W, In, b, Z, A);
    } else {
      be.matmul(W, In, Z); be.addColumnVector(Z, b, Z); relu.forward(Z, A);
    }
  };
  const intoRelu = (W: Matrix, dZnext: Matrix, Z: Matrix, A: Matrix, dA: Matrix, dZ: Matrix): void => {
    if (be.backwardRelu !== undefined) {
      be.backwardRelu(W, dZnext, Z, dZ);
    } else {
      be.matmul(W, dZnext, dA, TRANSPOSE_A); relu.backward(dA, Z, A, dZ);
    }
  };

  const forward = (): number => {
    reluLayer(W1, X, b1, Z1, A1); //                                                   Z1 = W1·X  + b1, A1 = relu(Z1)   n1 x m
    reluLayer(W2, A1, b2, Z2, A2); //                                                  Z2 = W2·A1 + b2, A2 = relu(Z2)   n2 x m
    reluLayer(W3, A2, b3, Z3, A3); //                                                  Z3 = W3·A2 + b3, A3 = relu(Z3)   n3 x m
    be.matmul(W4, A3, Z4); be.addColumnVector(Z4, b4, Z4); output.forward(Z4, A4); //  Z4 = W4·A3 + b4   nOut x m
    return loss.cost(Z4, A4, Y); //                                    J from the logits Z4 (softplus / log-sum-exp)
  };

  const costs: number[] = [];
  const trace: Parameters[] | undefined = options.trace ? [] : undefined;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    trace?.push(cloneParameters(p));
    costs.push(forward());

    // Backward. dZ4 = A4 - Y is the fused gradient of sigmoid+BCE and of softmax+CE.
    loss.outputGradient(Z4, A4, Y, output, dZ4); //                                         dZ4 = A4 - Y      nOut x m
    be.matmul(dZ4, A3, dW4, TRANSPOSE_B); be.scale(dW4, 1 / m, dW4); //                   dW4 = dZ4·A3ᵀ / m   nOut x n3
    be.rowSums(dZ4, db4); be.scale(db4, 1 / m, db4); //                                     db4 = Σ dZ4 / m     nOut x 1
    intoRelu(W4, dZ4, Z3, A3, dA3, dZ3); //                                               dZ3 = W4ᵀ·dZ4 ⊙ relu'(Z3)   n3 x m
    be.matmul(dZ3, A2, dW3, TRANSPOSE_B); be.scale(dW3, 1 / m, dW3); //                   dW3 = dZ3·A2ᵀ / m   n3 x n2
    be.rowSums(dZ3, db3); be.scale(db3, 1 / m, db3); //                                     db3                 n3 x 1
    intoRelu(W3, dZ3, Z2, A2, dA2, dZ2); //                                               dZ2 = W3ᵀ·dZ3 ⊙ relu'(Z2)   n2 x m
    be.matmul(dZ2, A1, dW2, TRANSPOSE_B); be.scale(dW2, 1 / m, dW2); //                   dW2 = dZ2·A1ᵀ / m   n2 x n1
    be.rowSums(dZ2, db2); be.scale(db2, 1 / m, db2); //                                     db2                 n2 x 1
    intoRelu(W2, dZ2, Z1, A1, dA1, dZ1); //                                               dZ1 = W2ᵀ·dZ2 ⊙ relu'(Z1)   n1 x m
    be.matmul(dZ1, X, dW1, TRANSPOSE_B); be.scale(dW1, 1 / m, dW1); //                    dW1 = dZ1·Xᵀ / m    n1 x n0
    be.rowSums(dZ1, db1); be.scale(db1, 1 / m, db1); //                                     db1                 n1 x 1

    // Update: plain gradient descent, after the whole backward pass used the old weights.
    descend(W1, dW1, lr); descend(b1, db1, lr); //   W1 -= lr·dW1   b1 -= lr·db1   n1 x n0, n1 x 1
    descend(W2, dW2, lr); descend(b2, db2, lr); //   W2 -= lr·dW2   b2 -= lr·db2   n2 x n1, n2 x 1
    descend(W3, dW3, lr); descend(b3, db3, lr); //   W3 -= lr·dW3   b3 -= lr·db3   n3 x n2, n3 x 1
    descend(W4, dW4, lr); descend(b4, db4, lr); //   W4 -= lr·dW4   b4 -= lr·db4   nOut x n3, nOut x 1
  }

  const history: HardcodedHistory = { costs, finalCost: forward(), parameters: p, stoppedEarly: false };
  if (trace) history.trace = trace;
  return history;
}

/** P -= lr·G, element by element, exactly as the sgd optimizer does it. */
function descend(P: Matrix, G: Matrix, lr: number): void {
  const p = P.data;
  const g = G.data;
  for (let i = 0; i < p.length; i++) p[i] = p[i]! - lr * g[i]!;
}
