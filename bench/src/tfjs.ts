import * as tf from '@tensorflow/tfjs';
import type { ActivationName, Matrix, Parameters } from '@lockstep/core';
import type { TrainingWorkload } from './workloads.js';

/** Selects TensorFlow.js's pure-JS CPU backend (float32); call once before any tensor work. */
export async function useTfjsCpu(): Promise<string> {
  // Production mode: no debug checks, and no console banner suggesting tfjs-node.
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
  return `@tensorflow/tfjs ${tf.version.tfjs}, backend ${tf.getBackend()} (float32)`;
}

const ACTIVATIONS: Partial<Record<ActivationName, 'relu' | 'sigmoid' | 'softmax' | 'tanh' | 'linear'>> = {
  relu: 'relu',
  sigmoid: 'sigmoid',
  softmax: 'softmax',
  tanh: 'tanh',
  linear: 'linear',
};

/**
 * lockstep's weights are out x in (Z = W·A + b, examples as columns); a tfjs
 * Dense kernel is in x out (y = x·K + b, examples as rows). So K = Wᵀ.
 */
export function tfjsWeights(p: Parameters): tf.Tensor[] {
  const out: tf.Tensor[] = [];
  p.W.forEach((W, l) => {
    out.push(tf.tensor2d(transposed(W), [W.cols, W.rows], 'float32'));
    out.push(tf.tensor1d(Float32Array.from(p.b[l]!.data), 'float32'));
  });
  return out;
}

/** Examples as rows (m x n), the layout tfjs wants, from lockstep's n x m. */
export function examplesAsRows(M: Matrix): tf.Tensor2D {
  return tf.tensor2d(transposed(M), [M.cols, M.rows], 'float32');
}

function transposed(M: Matrix): Float32Array {
  const out = new Float32Array(M.rows * M.cols);
  for (let i = 0; i < M.rows; i++) for (let j = 0; j < M.cols; j++) out[j * M.rows + i] = M.data[i * M.cols + j]!;
  return out;
}

/** A Dense stack with the workload's widths and activations, compiled with plain SGD at its learning rate. */
export function buildModel(w: TrainingWorkload): tf.Sequential {
  const { layers, activations, loss } = w.spec;
  const model = tf.sequential();
  for (let l = 1; l < layers.length; l++) {
    const activation = ACTIVATIONS[activations[l - 1]!];
    if (activation === undefined) throw new Error(`tfjs runner: activation ${activations[l - 1]} has no tfjs twin`);
    model.add(
      tf.layers.dense({
        units: layers[l]!,
        activation,
        useBias: true,
        kernelInitializer: 'zeros',
        ...(l === 1 ? { inputShape: [layers[0]!] } : {}),
      }),
    );
  }
  const tfLoss = loss === 'bce' ? 'binaryCrossentropy' : loss === 'ce' ? 'categoricalCrossentropy' : 'meanSquaredError';
  model.compile({ optimizer: tf.train.sgd(w.learningRate), loss: tfLoss });
  return model;
}

/** One workload set up for tfjs: the model, the data as tensors, the initial weights. */
export class TfjsTrainer {
  private readonly model: tf.Sequential;
  private readonly xs: tf.Tensor2D;
  private readonly ys: tf.Tensor2D;
  private readonly init: tf.Tensor[];
  private readonly m: number;
  private readonly loss: (y: tf.Tensor, p: tf.Tensor) => tf.Tensor;
  private readonly learningRate: number;

  constructor(w: TrainingWorkload) {
    this.model = buildModel(w);
    this.loss = w.spec.loss === 'bce' ? tf.metrics.binaryCrossentropy : tf.metrics.categoricalCrossentropy;
    this.learningRate = w.learningRate;
    this.xs = examplesAsRows(w.X);
    this.ys = examplesAsRows(w.Y);
    this.init = tfjsWeights(w.init);
    this.m = w.X.cols;
  }

  /**
   * Resets to the initial weights and trains with model.fit: one batch of all
   * examples, no shuffling, so each epoch is one gradient-descent step and its
   * loss is taken before the step, as lockstep's is. Returns the loss per epoch.
   */
  async fit(epochs: number): Promise<number[]> {
    this.model.setWeights(this.init);
    const history = await this.model.fit(this.xs, this.ys, {
      batchSize: this.m,
      epochs,
      shuffle: false,
      verbose: 0,
    });
    return (history.history['loss'] as number[]).map(Number);
  }

  /**
   * The same training as `fit` without model.fit's per-epoch bookkeeping
   * (callbacks, history, yielding to the event loop): optimizer.minimize over
   * the same loss, one step per epoch, reading each epoch's loss back.
   */
  minimizeLoop(epochs: number): number[] {
    this.model.setWeights(this.init);
    const optimizer = tf.train.sgd(this.learningRate);
    const costs: number[] = [];
    for (let e = 0; e < epochs; e++) {
      const cost = optimizer.minimize(
        () => this.loss(this.ys, this.model.apply(this.xs) as tf.Tensor).mean() as tf.Scalar,
        true,
      )!;
      costs.push(cost.dataSync()[0]!);
      cost.dispose();
    }
    optimizer.dispose();
    return costs;
  }

  /** The loss of the initial weights, as tfjs computes it (float32). */
  initialCost(): number {
    this.model.setWeights(this.init);
    const value = this.model.evaluate(this.xs, this.ys, { batchSize: this.m }) as tf.Scalar;
    const cost = value.dataSync()[0]!;
    value.dispose();
    return cost;
  }

  dispose(): void {
    this.model.dispose();
    this.xs.dispose();
    this.ys.dispose();
    for (const t of this.init) t.dispose();
  }
}

/** A float32 tfjs product of two lockstep matrices, ready to time. */
export class TfjsMatmul {
  private readonly a: tf.Tensor2D;
  private readonly b: tf.Tensor2D;

  constructor(A: Matrix, B: Matrix) {
    this.a = tf.tensor2d(Float32Array.from(A.data), [A.rows, A.cols], 'float32');
    this.b = tf.tensor2d(Float32Array.from(B.data), [B.rows, B.cols], 'float32');
  }

  /** Computes a·b and reads the result back (the CPU backend computes eagerly; reading makes sure). */
  product(): Float32Array {
    const c = tf.matMul(this.a, this.b);
    const values = c.dataSync() as Float32Array;
    c.dispose();
    return values;
  }

  dispose(): void {
    this.a.dispose();
    this.b.dispose();
  }
}
