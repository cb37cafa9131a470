import { describe, expect, it } from 'vitest';
import type { NamedParameters } from '@lockstep/core';
import type { RunResult } from '../run.js';
import { diagnose } from './diagnose.js';

/**
 * A small synthetic trainer: parameters W1 (2x2), b1 (2), W2 (1x2), b2 (1) on
 * the quadratic cost sum(a_i (p_i - t_i)^2) / 2 + 0.1, trained by gradient
 * descent. Each fault switch changes it the way a real loop goes wrong.
 */
interface Faults {
  lrScale?: number;
  skipUpdate?: (epoch: number) => boolean;
  recordAfterUpdate?: boolean;
  lagOneEpoch?: boolean;
  costOffset?: number;
  costOffsetFrom?: number;
  biasGradientScale?: number;
  extraEpochs?: number;
  explodeFrom?: number;
  traceNotCopied?: boolean;
}

const CURVATURE = [1.5, 0.8, 1.1, 0.6, 1.3, 0.9, 0.7];
const TARGET = [0.3, -0.2, 0.5, 0.1, -0.4, 0.25, 0.05];
const INIT = [0.9, 0.4, -0.6, 1.2, 0.2, -0.7, 0.8];
const NAMES = ['W1', 'b1', 'W2', 'b2'];

function cost(p: number[]): number {
  return p.reduce((s, v, i) => s + (CURVATURE[i]! * (v - TARGET[i]!) ** 2) / 2, 0.1);
}

function named(p: number[]): NamedParameters {
  return { W1: [p.slice(0, 2), p.slice(2, 4)], b1: p.slice(4, 6), W2: [p.slice(6, 7)], b2: [] } as NamedParameters;
}

function train(epochs: number, lr: number, faults: Faults = {}): RunResult {
  const p = [...INIT];
  const costs: number[] = [];
  const trace: NamedParameters[] = [];
  let previous = cost(p);
  const total = epochs + (faults.extraEpochs ?? 0);
  for (let epoch = 0; epoch < total; epoch++) {
    trace.push(faults.traceNotCopied ? named(INIT.map((_, i) => p[i]! + lr)) : named(p));
    let c = cost(p);
    if (faults.costOffset && epoch >= (faults.costOffsetFrom ?? 0)) c += faults.costOffset;
    if (faults.explodeFrom !== undefined && epoch >= faults.explodeFrom) c = NaN;
    if (!faults.recordAfterUpdate) costs.push(faults.lagOneEpoch ? previous : c);
    previous = c;
    if (faults.skipUpdate?.(epoch)) continue;
    for (let i = 0; i < p.length; i++) {
      const scale = i >= 4 && i < 6 ? (faults.biasGradientScale ?? 1) : 1;
      p[i]! -= lr * (faults.lrScale ?? 1) * scale * CURVATURE[i]! * (p[i]! - TARGET[i]!);
    }
    if (faults.recordAfterUpdate) costs.push(cost(p));
  }
  return { costs, finalCost: cost(p), trace };
}

const TOL = 1e-9;
const withoutTrace = ({ costs, finalCost }: RunResult): RunResult => ({ costs, finalCost });

describe('diagnose', () => {
  const reference = train(40, 0.1);

  it('returns null when the curves agree, and within tolerance', () => {
    expect(diagnose(reference, train(40, 0.1), TOL)).toBeNull();
    const nudged = { ...reference, costs: reference.costs.map((c) => c * (1 + 1e-12)) };
    expect(diagnose(reference, nudged, TOL)).toBeNull();
    expect(diagnose(reference, withoutTrace(reference), TOL)).toBeNull();
  });

  it('flags a different number of epochs and says whether the common part agrees', () => {
    const extra = diagnose(reference, train(40, 0.1, { extraEpochs: 1 }), TOL);
    expect(extra).toMatchObject({ code: 'length-mismatch', epoch: 40 });
    expect(extra?.message).toMatch(/1 epoch too many/);
    const fewer = diagnose(reference, train(38, 0.1), TOL);
    expect(fewer?.message).toMatch(/2 epochs too few/);
  });

  it('names the first non-finite epoch', () => {
    const d = diagnose(reference, train(40, 0.1, { explodeFrom: 7 }), TOL);
    expect(d).toMatchObject({ code: 'non-finite', epoch: 7 });
    expect(d?.message).toMatch(/NaN at epoch 7/);
  });

  it('flags a non-finite final cost when every epoch agrees', () => {
    const d = diagnose(reference, { ...reference, finalCost: Infinity }, TOL);
    expect(d).toMatchObject({ code: 'non-finite', epoch: 40 });
  });

  it('calls an epoch-0 difference a cost definition fault, with or without traces', () => {
    const candidate = train(40, 0.1, { costOffset: 1e-6 });
    expect(diagnose(reference, candidate, TOL)?.code).toBe('cost-definition');
    expect(diagnose(reference, withoutTrace(candidate), TOL)).toMatchObject({ code: 'cost-definition', epoch: 0 });
  });

  it('with traces, finds a cost fault that only shows late', () => {
    const candidate = train(40, 0.1, { costOffset: 1e-6, costOffsetFrom: 12 });
    expect(diagnose(reference, candidate, TOL)).toMatchObject({ code: 'cost-definition', epoch: 12 });
  });

  it('finds the skipped update of the continue fault at epoch 2, from costs and from traces', () => {
    const candidate = train(40, 0.1, { skipUpdate: (e) => e % 10 !== 0 });
    expect(diagnose(reference, candidate, TOL)).toMatchObject({ code: 'update-skipped', epoch: 2 });
    expect(diagnose(reference, withoutTrace(candidate), TOL)).toMatchObject({ code: 'update-skipped', epoch: 2 });
  });

  it('recognises a cost recorded after the update as a curve shifted one epoch earlier', () => {
    const candidate = train(40, 0.1, { recordAfterUpdate: true });
    expect(diagnose(reference, candidate, TOL)).toMatchObject({ code: 'curve-shifted', epoch: 0, shift: 1 });
  });

  it('recognises a lagging curve (stale first cost) as shifted one epoch later', () => {
    const candidate = train(40, 0.1, { lagOneEpoch: true });
    expect(diagnose(reference, candidate, TOL)).toMatchObject({ code: 'curve-shifted', epoch: 1, shift: -1 });
  });

  it('finds a learning rate scaled by a constant from the traces, with the factor', () => {
    const candidate = train(40, 0.1, { lrScale: 1 / 150 });
    const d = diagnose(reference, candidate, TOL);
    expect(d).toMatchObject({ code: 'step-scaled', epoch: 1 });
    expect(d?.factor).toBeCloseTo(1 / 150, 10);
    expect(d?.message).toMatch(/1\/150/);
    const doubled = diagnose(reference, train(40, 0.1, { lrScale: 2 }), TOL);
    expect(doubled).toMatchObject({ code: 'step-scaled', epoch: 1 });
    expect(doubled?.factor).toBeCloseTo(2, 10);
  });

  it('finds a scaled step from the costs alone only when the factor is one it was told about', () => {
    const candidate = withoutTrace(train(40, 0.1, { lrScale: 1 / 150 }));
    expect(diagnose(reference, candidate, TOL, { stepFactors: [150, 1 / 150] })).toMatchObject({
      code: 'step-scaled',
      epoch: 1,
      factor: 1 / 150,
    });
    expect(diagnose(reference, candidate, TOL)?.code).toBe('diverged');
  });

  it('names the parameter nearest the output that differs when only part of the update is wrong', () => {
    const candidate = train(40, 0.1, { biasGradientScale: 3 });
    expect(diagnose(reference, candidate, TOL)).toMatchObject({ code: 'diverged', epoch: 1, layer: 1, parameter: 'b1' });
    expect(diagnose(reference, withoutTrace(candidate), TOL)).toMatchObject({ code: 'diverged', epoch: 1 });
  });

  it('ignores traces whose first snapshot is not the starting point', () => {
    const candidate = train(40, 0.1, { traceNotCopied: true, skipUpdate: (e) => e % 10 !== 0 });
    expect(diagnose(reference, candidate, TOL)).toMatchObject({ code: 'update-skipped', epoch: 2 });
  });

  it('reports a diverged fault that later blows up as non-finite, keeping the parameter', () => {
    const candidate = train(40, 0.1, { biasGradientScale: 3, explodeFrom: 20 });
    expect(diagnose(reference, candidate, TOL)).toMatchObject({ code: 'non-finite', epoch: 20, parameter: 'b1' });
  });

  it('with mini-batches, an epoch-0 difference whose snapshots part at epoch 1 is an update fault', () => {
    const candidate = train(40, 0.1, { biasGradientScale: 3 });
    // Pretend the first epoch's cost saw the bad in-epoch update.
    const shifted = { ...candidate, costs: [candidate.costs[0]! + 1e-6, ...candidate.costs.slice(1)] };
    expect(diagnose(reference, shifted, TOL, { miniBatch: true })).toMatchObject({ code: 'diverged', parameter: 'b1' });
    expect(diagnose(reference, shifted, TOL, { miniBatch: false })?.code).toBe('cost-definition');
  });

  it('with mini-batches and no traces, does not claim a cost definition fault at epoch 0', () => {
    const candidate = withoutTrace(train(40, 0.1, { costOffset: 1e-6 }));
    const d = diagnose(reference, candidate, TOL, { miniBatch: true });
    expect(d).toMatchObject({ code: 'diverged', epoch: 0 });
    expect(d?.message).toMatch(/traces would tell them apart/);
  });
});
