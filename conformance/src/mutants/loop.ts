import {
  Matrix,
  getActivation,
  getLoss,
  parametersFromNamed,
  parametersToNamed,
  toColumns,
  typedBackend as be,
  type NamedParameters,
  type Parameters,
} from '@lockstep/core';
import type { Run, RunResult } from '../run.js';
import type { Faults } from './faults.js';
import { PlainOptimizer } from './plain-optimizer.js';

/**
 * The generic training loop written out once more, plainly, with fault
 * switches. With no faults it is the generic trainer bit for bit (same
 * kernels, same order); each switch is one deliberate slip (faults.ts).
 * Mini-batches are consecutive column slices; each batch's cost is taken
 * before its update and weighted by its share of the examples.
 */
export function trainWithFaults(run: Run, faults: Faults = {}, options: { trace?: boolean } = {}): RunResult {
  const { layers, loss: lossName } = run.model;
  const L = layers.length - 1;
  const g = [getActivation('linear'), ...run.model.activations.map((name) => getActivation(name))];
  const loss = getLoss(lossName);
  const X = toColumns(run.data.X);
  const Y = toColumns(run.data.Y);
  const p = parametersFromNamed(run.init);
  const m = X.cols;
  const size = Math.min(run.training.batchSize ?? m, m);
  const optimizer = new PlainOptimizer(run.training.optimizer, faults);
  const paramList = [...p.W, ...p.b];
  const accumulated = paramList.map((q) => new Matrix(q.rows, q.cols));

  /** Z[l], A[l] for l = 0..L (Z[0] unused, A[0] the input). */
  function forward(A0: Matrix): { Z: Matrix[]; A: Matrix[] } {
    const Z = [new Matrix(0, 0)];
    const A = [A0];
    for (let l = 1; l <= L; l++) {
      const z = be.matmul(p.W[l - 1]!, A[l - 1]!, new Matrix(layers[l]!, A0.cols)); // Zl = Wl · A(l-1)
      be.addColumnVector(z, p.b[l - 1]!, z); //                                        + bl
      Z.push(z);
      A.push(activate(l, z));
    }
    return { Z, A };
  }

  function activate(l: number, z: Matrix): Matrix {
    if (faults.softmaxWrongAxis && run.model.activations[l - 1] === 'softmax') {
      return g[l]!.forward(z.transpose(), new Matrix(z.cols, z.rows)).transpose(); // over each row: the examples
    }
    return g[l]!.forward(z, new Matrix(z.rows, z.cols));
  }

  function cost(Z: Matrix[], A: Matrix[], Yb: Matrix): number {
    if (faults.epsilonInLog && lossName !== 'mse') return costWithEpsilon(lossName, A[L]!, Yb);
    return loss.cost(Z[L]!, A[L]!, Yb);
  }

  function scaleByInverseM(x: Matrix, mb: number): void {
    if (faults.missingInverseM) return;
    be.scale(x, 1 / mb, x);
    if (faults.inverseMTwice) be.scale(x, 1 / mb, x);
  }

  /** Backward pass and update for one batch (the update happens inside when a fault needs it). */
  function backwardAndUpdate(Z: Matrix[], A: Matrix[], Yb: Matrix): void {
    const mb = Yb.cols;
    const dW: Matrix[] = [];
    const db: Matrix[] = [];
    optimizer.beginStep();
    let dZ = loss.outputGradient(Z[L]!, A[L]!, Yb, g[L]!, new Matrix(layers[L]!, mb)); // dZL
    for (let l = L; l >= 1; l--) {
      const previous = faults.activationIndexOffByOne ? A[l]! : A[l - 1]!;
      dW[l] = be.matmul(dZ, previous, new Matrix(layers[l]!, layers[l - 1]!), { transposeB: true }); // dWl = dZl · A(l-1)ᵀ
      scaleByInverseM(dW[l]!, mb);
      db[l] = faults.biasGradientOverUnits ? sumOverEverything(dZ) : be.rowSums(dZ, new Matrix(layers[l]!, 1)); // dbl = Σ_columns dZl
      scaleByInverseM(db[l]!, mb);
      if (faults.backwardUsesUpdatedWeights) {
        update(l - 1, dW[l]!);
        update(L + l - 1, db[l]!);
      }
      if (l > 1) {
        const dA = be.matmul(p.W[l - 1]!, dZ, new Matrix(layers[l - 1]!, mb), { transposeA: true }); // W(l)ᵀ · dZl
        const at = faults.derivativeAtActivation ? A[l - 1]! : Z[l - 1]!;
        const gAt = faults.derivativeAtActivation ? g[l - 1]!.forward(at, new Matrix(at.rows, at.cols)) : A[l - 1]!;
        dZ = g[l - 1]!.backward(dA, at, gAt, new Matrix(layers[l - 1]!, mb)); // ⊙ g'(Z(l-1))
      }
    }
    if (!faults.backwardUsesUpdatedWeights) {
      for (let l = 1; l <= L; l++) {
        update(l - 1, dW[l]!);
        update(L + l - 1, db[l]!);
      }
    }
  }

  function update(k: number, grad: Matrix): void {
    if (faults.accumulateGradients) grad = be.add(accumulated[k]!, grad, accumulated[k]!);
    optimizer.update(k, paramList[k]!, grad);
  }

  /** One epoch: returns its cost (batch costs taken before each update, weighted by batch share). */
  function epochOf(epoch: number): number {
    let total = 0;
    for (let start = 0; start < m; start += size) {
      const end = Math.min(start + size, m);
      const Xb = size === m ? X : X.columns(start, end);
      const Yb = size === m ? Y : Y.columns(start, end);
      const { Z, A } = forward(Xb);
      total += ((end - start) / m) * cost(Z, A, Yb);
      const every = faults.continueOnNonReportingEpochs;
      if (every !== undefined && epoch % every !== 0) continue; // the print block's `else: continue`
      backwardAndUpdate(Z, A, Yb);
    }
    return total;
  }

  const fullCost = (): number => {
    const { Z, A } = forward(X);
    return cost(Z, A, Y);
  };

  const epochs = run.training.epochs;
  const trace: NamedParameters[] = [];
  const snapshot = (): void => {
    if (options.trace) trace.push(parametersToNamed(p as Parameters));
  };
  let costs: number[];
  if (faults.epochLoopFromOne) {
    const written = new Float64Array(epochs);
    for (let epoch = 1; epoch <= epochs; epoch++) {
      snapshot();
      written[epoch] = epochOf(epoch); // index epochs is past the end: a typed array drops it silently
    }
    costs = Array.from(written);
  } else {
    costs = [];
    const last = faults.extraEpoch ? epochs : epochs - 1;
    for (let epoch = 0; epoch <= last; epoch++) {
      snapshot();
      const before = epochOf(epoch);
      costs.push(faults.costAfterUpdate ? fullCost() : before);
    }
  }
  const result: RunResult = { costs, finalCost: fullCost() };
  if (options.trace) result.trace = trace;
  return result;
}

/** Every entry of an n x m matrix summed, as an n x 1 column of that one number. */
function sumOverEverything(dZ: Matrix): Matrix {
  let total = 0;
  for (const v of dZ.data) total += v;
  return new Matrix(dZ.rows, 1).fill(total);
}

/** -(1/m) Σ [y log(a + ε) + (1 - y) log(1 - a + ε)] for bce, -(1/m) Σ y log(a + ε) for ce. */
function costWithEpsilon(loss: 'bce' | 'ce', A: Matrix, Y: Matrix): number {
  const eps = 1e-8;
  let sum = 0;
  for (let i = 0; i < A.data.length; i++) {
    const a = A.data[i]!;
    const y = Y.data[i]!;
    sum += loss === 'bce' ? y * Math.log(a + eps) + (1 - y) * Math.log(1 - a + eps) : y * Math.log(a + eps);
  }
  return -sum / A.cols;
}
