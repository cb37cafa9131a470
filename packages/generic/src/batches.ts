import { Matrix, createRng, type Rng } from '@lockstep/core';

/**
 * Hands out mini-batches of columns. Batches are consecutive slices of the
 * (optionally shuffled) example order; the last one is shorter when m is not a
 * multiple of the batch size. Batch matrices are reused buffers: a batch is
 * valid until the next call to `batch`.
 */
export class Batcher {
  readonly m: number;
  readonly size: number;
  readonly count: number;
  private readonly order: Int32Array;
  private readonly rng: Rng | undefined;
  private readonly buffers = new Map<number, { X: Matrix; Y: Matrix }>();
  /** The whole data set as one batch, made once so a full-batch epoch allocates nothing. */
  private readonly all: { X: Matrix; Y: Matrix };

  constructor(
    private readonly X: Matrix,
    private readonly Y: Matrix,
    batchSize: number | null | undefined,
    shuffleSeed?: number,
  ) {
    this.m = X.cols;
    this.size = batchSize == null ? this.m : Math.min(batchSize, this.m);
    this.count = Math.ceil(this.m / this.size);
    this.order = Int32Array.from({ length: this.m }, (_, i) => i);
    this.rng = shuffleSeed === undefined ? undefined : createRng(shuffleSeed);
    this.all = { X, Y };
  }

  /** True when every batch is the whole data set in file order: no copying needed. */
  get isFullBatch(): boolean {
    return this.count === 1 && this.rng === undefined;
  }

  /** Starts an epoch: reshuffles the order when shuffling is on (Fisher-Yates). */
  startEpoch(): void {
    const rng = this.rng;
    if (rng === undefined) return;
    const order = this.order;
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
  }

  /** Batch k of the current epoch. */
  batch(k: number): { X: Matrix; Y: Matrix } {
    if (this.isFullBatch) return this.all;
    const start = k * this.size;
    const width = Math.min(this.size, this.m - start);
    let buf = this.buffers.get(width);
    if (buf === undefined) {
      buf = { X: new Matrix(this.X.rows, width), Y: new Matrix(this.Y.rows, width) };
      this.buffers.set(width, buf);
    }
    gatherColumns(this.X, this.order, start, buf.X);
    gatherColumns(this.Y, this.order, start, buf.Y);
    return buf;
  }
}

/** out[:, j] = src[:, order[start + j]] */
function gatherColumns(src: Matrix, order: Int32Array, start: number, out: Matrix): void {
  const { rows, cols: m } = src;
  const width = out.cols;
  const s = src.data;
  const o = out.data;
  for (let i = 0; i < rows; i++) {
    const srcRow = i * m;
    const outRow = i * width;
    for (let j = 0; j < width; j++) o[outRow + j] = s[srcRow + order[start + j]!]!;
  }
}

/**
 * An epoch's cost from its batches: the batch costs' mean weighted by batch
 * size, so every example counts once (m = 10, batch 4: costs 0.5, 0.4, 0.1 give
 * 0.4·0.5 + 0.4·0.4 + 0.2·0.1 = 0.38, not their plain mean 0.333). A single
 * batch has weight exactly 1, so a full-batch epoch's cost is its batch's cost.
 */
export class EpochCost {
  private sum = 0;

  constructor(private readonly m: number) {}

  /** Starts a new epoch. */
  reset(): void {
    this.sum = 0;
  }

  /** Adds a batch of `size` examples whose cost (before its update) was `batchCost`. */
  add(batchCost: number, size: number): void {
    this.sum += (size / this.m) * batchCost;
  }

  get value(): number {
    return this.sum;
  }
}
