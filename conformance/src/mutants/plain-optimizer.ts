import type { Matrix, OptimizerSpec } from '@lockstep/core';
import type { Faults } from './faults.js';

/**
 * sgd, momentum and adam written out per parameter, with the same arithmetic
 * as core's optimizers (so without faults they agree bit for bit), plus the
 * optimizer faults. `beginStep` once per batch, then `update` each parameter.
 */
export class PlainOptimizer {
  private t = 0;
  private readonly first: Float64Array[] = [];
  private readonly second: Float64Array[] = [];

  constructor(
    private readonly spec: OptimizerSpec,
    private readonly faults: Faults,
  ) {}

  beginStep(): void {
    this.t += 1;
  }

  /** Parameter k (a fixed position: the same parameter every step) moves by its gradient. */
  update(k: number, param: Matrix, grad: Matrix): void {
    const p = param.data;
    const g = grad.data;
    const spec = this.spec;
    const lr = spec.learningRate;
    if (spec.kind === 'sgd') {
      for (let i = 0; i < p.length; i++) p[i] = p[i]! - lr * g[i]!;
    } else if (spec.kind === 'momentum') {
      const mu = spec.momentum;
      const gradientWeight = 1 - (spec.dampening ?? 0);
      const fresh = this.first[k] === undefined;
      const v = (this.first[k] ??= new Float64Array(p.length));
      for (let i = 0; i < p.length; i++) {
        if (fresh) v[i] = g[i]!;
        else v[i] = this.faults.momentumOnGradient ? mu * g[i]! + gradientWeight * g[i]! : mu * v[i]! + gradientWeight * g[i]!;
        p[i] = p[i]! - lr * v[i]!;
      }
    } else if (spec.kind === 'adam') {
      const beta1 = spec.beta1 ?? 0.9;
      const beta2 = spec.beta2 ?? 0.999;
      const epsilon = spec.epsilon ?? 1e-8;
      const m = (this.first[k] ??= new Float64Array(p.length));
      const s = (this.second[k] ??= new Float64Array(p.length));
      const correction1 = 1 - beta1 ** this.t;
      const correction2 = 1 - beta2 ** this.t;
      for (let i = 0; i < p.length; i++) {
        const gi = g[i]!;
        const mi = beta1 * m[i]! + (1 - beta1) * gi;
        const si = beta2 * s[i]! + (1 - beta2) * (gi * gi);
        const mHat = mi / correction1;
        const sHat = si / correction2;
        m[i] = this.faults.adamStoresCorrectedMoments ? mHat : mi;
        s[i] = this.faults.adamStoresCorrectedMoments ? sHat : si;
        p[i] = p[i]! - (lr * mHat) / (Math.sqrt(sHat) + epsilon);
      }
    } else {
      throw new RangeError(`mutant loop: no ${spec.kind} optimizer here (sgd, momentum, adam)`);
    }
  }
}
