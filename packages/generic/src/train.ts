import { cloneParameters, createOptimizer, type Matrix, type Parameters } from '@lockstep/core';
import { Batcher, EpochCost } from './batches.js';
import { Network } from './network.js';
import type { NetworkSpec, TrainOptions, TrainingHistory } from './types.js';
import { validateData, validateOptions } from './validate.js';

/**
 * Trains a copy of `init` on (X, Y), examples as columns. Each epoch: for each
 * batch, forward (its cost is taken before its update), backward, one optimizer
 * step. The epoch's cost is the batch costs' mean weighted by batch size.
 *
 * Reporting and early stopping sit after the update and only read: they can
 * never skip or repeat an update (the bug this project exists to catch).
 */
export function trainGeneric(
  spec: NetworkSpec,
  init: Parameters,
  X: Matrix,
  Y: Matrix,
  options: TrainOptions,
): TrainingHistory {
  validateOptions(options);
  const net = new Network(spec, options.backend);
  validateData(spec, init, X, Y);

  const params = cloneParameters(init);
  const paramList = [...params.W, ...params.b];
  const optimizer = createOptimizer(options.optimizer);
  const batcher = new Batcher(X, Y, options.batchSize, options.shuffleSeed);
  const epochCost = new EpochCost(X.cols);
  const costs = new Float64Array(options.epochs);
  const trace: Parameters[] | undefined = options.trace ? [] : undefined;
  const gradLists = new Map<number, Matrix[]>();
  let epochsRun = 0;
  let stoppedEarly = false;
  const reportEvery = options.reportEvery ?? 1;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    trace?.push(cloneParameters(params));
    batcher.startEpoch();
    epochCost.reset();
    for (let k = 0; k < batcher.count; k++) {
      const batch = batcher.batch(k);
      const buf = net.buffers(batch.X.cols);
      const batchCost = net.forward(params, batch.X, batch.Y, buf);
      epochCost.add(batchCost, buf.m);
      net.backward(params, batch.Y, buf);
      let grads = gradLists.get(buf.m);
      if (grads === undefined) {
        grads = [...buf.dW.slice(1), ...buf.db.slice(1)];
        gradLists.set(buf.m, grads);
      }
      optimizer.step(paramList, grads);
    }
    const cost = epochCost.value;
    costs[epoch] = cost;
    epochsRun = epoch + 1;

    const last = epoch === options.epochs - 1;
    if (options.onReport && (epoch % reportEvery === 0 || last)) {
      options.onReport({ epoch, cost });
    }
    if (options.stopBelow !== undefined && cost < options.stopBelow) {
      stoppedEarly = !last;
      break;
    }
  }

  // forward, not cost: a run that diverged to NaN parameters reports a NaN cost, it is not bad input.
  const finalCost = net.forward(params, X, Y);
  const history: TrainingHistory = {
    costs: Array.from(costs.subarray(0, epochsRun)),
    finalCost,
    parameters: params,
    stoppedEarly,
  };
  if (trace) history.trace = trace;
  return history;
}
