import type { RunResult } from '../run.js';
import { agrees, firstDisagreement, formatFactor, formatNumber, formatPair } from './numbers.js';
import { findShift } from './shift.js';
import {
  comparableTraces,
  differingParameters,
  firstDifferingSnapshot,
  isZeroUpdate,
  layerOf,
  proportionalFactor,
  updateOf,
} from './trace.js';
import type { DiagnoseContext, Diagnosis } from './types.js';

/** A first-step cost change within this fraction of a named factor counts as that factor. */
const STEP_FACTOR_MATCH = 0.1;
/** Proportional updates whose factor is within this of 1 are not a scaling fault. */
const UNIT_FACTOR = 1e-6;

type Traces = NonNullable<ReturnType<typeof comparableTraces>>;

/**
 * Says what kind of fault makes `candidate` disagree with `reference`, or
 * null when every epoch's cost and the final cost agree within `tolerance`
 * (relative). Never returns a diagnosis for curves that agree, so a correct
 * trainer is never flagged.
 *
 * Checks in order: length-mismatch, a non-finite cost at the first divergent
 * epoch, curve-shifted, then (with traces from both sides) what the parameter
 * snapshots say, else what the costs say: cost-definition at epoch 0,
 * update-skipped, step-scaled; a later non-finite cost; diverged.
 */
export function diagnose(
  reference: RunResult,
  candidate: RunResult,
  tolerance: number,
  context: DiagnoseContext = {},
): Diagnosis | null {
  const ref = reference.costs;
  const cand = candidate.costs;
  if (cand.length !== ref.length) return lengthMismatch(ref, cand, tolerance);

  const d = firstDisagreement(ref, cand, tolerance);
  if (d === -1) {
    if (agrees(candidate.finalCost, reference.finalCost, tolerance)) return null;
    return finalOnly(reference.finalCost, candidate.finalCost, ref.length);
  }
  if (!Number.isFinite(cand[d]!)) return nonFinite(cand, d, d, ref[d]!);

  const shift = findShift(ref, reference.finalCost, cand, tolerance);
  if (shift !== null) return curveShifted(shift, d);

  const traces = comparableTraces(reference.trace, candidate.trace, ref.length);
  const specific = traces
    ? fromTraces(traces, ref, cand, d, tolerance, context)
    : fromCosts(ref, cand, d, tolerance, context);
  const laterNonFinite = firstNonFinite(cand, candidate.finalCost);
  if (specific && !(specific.code === 'diverged' && laterNonFinite !== -1)) return specific;
  if (laterNonFinite !== -1) {
    const blowUp = nonFinite(cand, laterNonFinite, d, ref[laterNonFinite] ?? reference.finalCost);
    // A fault with no simpler pattern that ends in NaN: the blow-up is the news, the parameter still helps.
    return specific ? { ...specific, code: 'non-finite', epoch: laterNonFinite, message: `${blowUp.message}; ${specific.message}` } : blowUp;
  }

  return {
    code: 'diverged',
    epoch: d,
    message: `the curves part at epoch ${d} (cost ${formatPair(cand[d]!, ref[d]!)}) in a way that fits no simpler pattern; the update made during epoch ${Math.max(0, d - 1)} is the place to look`,
  };
}

function lengthMismatch(ref: readonly number[], cand: readonly number[], tolerance: number): Diagnosis {
  const common = Math.min(ref.length, cand.length);
  const d = firstDisagreement(ref, cand, tolerance);
  const extra = cand.length - ref.length;
  const count = `${Math.abs(extra)} epoch${Math.abs(extra) === 1 ? '' : 's'} too ${extra > 0 ? 'many' : 'few'}`;
  const agreement =
    d === -1
      ? `the first ${common} agree, so the epoch loop runs ${count} (off by one?)`
      : `they already differ at epoch ${d}`;
  return {
    code: 'length-mismatch',
    epoch: d === -1 ? common : d,
    message: `the candidate recorded ${cand.length} costs for ${ref.length} epochs; ${agreement}`,
  };
}

function finalOnly(refFinal: number, candFinal: number, epochs: number): Diagnosis {
  if (!Number.isFinite(candFinal)) {
    return {
      code: 'non-finite',
      epoch: epochs,
      message: `every epoch's cost agrees but the final cost is ${formatNumber(candFinal)} (reference ${formatNumber(refFinal)}): the last update blew up`,
    };
  }
  return {
    code: 'diverged',
    epoch: epochs,
    message: `every epoch's cost agrees but the final cost differs (${formatPair(candFinal, refFinal)}): the last update, or the final evaluation, is made differently (an extra or a missing update after the last epoch?)`,
  };
}

function firstNonFinite(cand: readonly number[], candFinal: number): number {
  const i = cand.findIndex((c) => !Number.isFinite(c));
  if (i !== -1) return i;
  return Number.isFinite(candFinal) ? -1 : cand.length;
}

function nonFinite(cand: readonly number[], epoch: number, firstDivergent: number, refValue: number): Diagnosis {
  const value = epoch < cand.length ? cand[epoch]! : NaN;
  const where = epoch < cand.length ? `at epoch ${epoch}` : 'after the last epoch';
  const earlier = firstDivergent < epoch ? `; the curves already part at epoch ${firstDivergent}` : '';
  return {
    code: 'non-finite',
    epoch,
    message: `the candidate's cost is ${formatNumber(value)} ${where} (reference ${formatNumber(refValue)})${earlier}: the updates blew up, or a log or exp overflowed`,
  };
}

function curveShifted(shift: number, d: number): Diagnosis {
  const k = Math.abs(shift);
  const epochs = `${k} epoch${k === 1 ? '' : 's'}`;
  const message =
    shift > 0
      ? `the candidate's curve is the reference's shifted ${epochs} earlier: each cost is recorded after that epoch's update instead of before it`
      : `the candidate's curve is the reference's delayed by ${epochs}: the epoch loop is off by one, or each epoch records the previous epoch's cost`;
  return { code: 'curve-shifted', epoch: d, shift, message };
}

function fromCosts(
  ref: readonly number[],
  cand: readonly number[],
  d: number,
  tolerance: number,
  context: DiagnoseContext,
): Diagnosis | null {
  if (d === 0 && context.miniBatch) {
    // Epoch 0's cost also saw the updates made inside it: without traces the two causes look alike.
    return {
      code: 'diverged',
      epoch: 0,
      message: `the costs differ already at epoch 0 (${formatPair(cand[0]!, ref[0]!)}): with mini-batches either the cost is computed differently or an update inside epoch 0 differs; per-epoch traces would tell them apart`,
    };
  }
  if (d === 0) {
    return {
      code: 'cost-definition',
      epoch: 0,
      message: `the costs differ already at epoch 0 (${formatPair(cand[0]!, ref[0]!)}), before any update: the cost is computed differently, e.g. an epsilon inside the log or a different mean`,
    };
  }
  const candMoved = !agrees(cand[d]!, cand[d - 1]!, tolerance);
  const refMoved = !agrees(ref[d]!, ref[d - 1]!, tolerance);
  if (!candMoved && refMoved) return updateSkipped(d, ref, cand);

  const refChange = ref[d]! - ref[d - 1]!;
  const candChange = cand[d]! - cand[d - 1]!;
  const ratio = candChange / refChange;
  if (refMoved && Number.isFinite(ratio) && ratio > 0) {
    const factor = (context.stepFactors ?? []).find(
      (f) => Math.abs(f - 1) > STEP_FACTOR_MATCH && Math.abs(ratio / f - 1) <= STEP_FACTOR_MATCH,
    );
    if (factor !== undefined) return stepScaled(d, factor, 'changed the cost about', 'as much as');
  }
  return null;
}

function updateSkipped(epoch: number, ref: readonly number[], cand: readonly number[]): Diagnosis {
  return {
    code: 'update-skipped',
    epoch,
    message: `the candidate's cost did not move from epoch ${epoch - 1} to ${epoch} (${formatNumber(cand[epoch]!)}) while the reference's did (${formatNumber(ref[epoch - 1]!)} -> ${formatNumber(ref[epoch]!)}): the update of epoch ${epoch - 1} was skipped (a \`continue\` before the backward pass?)`,
  };
}

function stepScaled(
  epoch: number,
  factor: number,
  how: string,
  measure: string,
  step = epoch - 1,
): Diagnosis {
  return {
    code: 'step-scaled',
    epoch,
    factor,
    message: `the update of epoch ${step} ${how} ${formatFactor(factor)} ${measure} the reference's: the learning rate or 1/m is applied twice or not at all`,
  };
}

/**
 * With snapshots of the parameters as each epoch began: compare them to find
 * the update that went wrong and the parameter, nearest the output, where it
 * shows (the backward pass runs from the output down, so that is where the
 * fault enters).
 */
function fromTraces(
  traces: Traces,
  ref: readonly number[],
  cand: readonly number[],
  d: number,
  tolerance: number,
  context: DiagnoseContext,
): Diagnosis | null {
  const t = firstDifferingSnapshot(traces, tolerance);
  // Different first snapshots with the same first cost: the trace is not "as each epoch
  // began" (taken after the update, or not copied), so it cannot be trusted.
  if (t === 0 && d !== 0) return fromCosts(ref, cand, d, tolerance, context);
  if (t === 0) {
    const parameter = differingParameters(traces.reference[0]!, traces.candidate[0]!, traces.names, tolerance)[0]!;
    return {
      code: 'diverged',
      epoch: 0,
      layer: layerOf(parameter),
      parameter,
      message: `the candidate did not start from the run's initial parameters: ${parameter} differs at epoch 0`,
    };
  }
  // Epoch d's cost depends on the parameters at epoch d, and with mini-batches also on
  // the updates made inside epoch d (which show at epoch d + 1).
  const lastInfluence = context.miniBatch ? d + 1 : d;
  if (t === -1 || t > lastInfluence) {
    return {
      code: 'cost-definition',
      epoch: d,
      message: `at epoch ${d} the parameters still agree but the cost differs (${formatPair(cand[d]!, ref[d]!)}): the cost is computed differently, e.g. an epsilon inside the log or a different mean`,
    };
  }
  const step = t - 1;
  // With mini-batches the cost of epoch t - 1 already saw the faulty updates: report the earlier epoch.
  const epoch = Math.min(t, d);
  const refUpdate = updateOf(traces.reference, step, traces.names);
  const candUpdate = updateOf(traces.candidate, step, traces.names);
  if (isZeroUpdate(candUpdate) && !isZeroUpdate(refUpdate)) {
    return {
      code: 'update-skipped',
      epoch,
      message: `no parameter changed during epoch ${step} while the reference's did, so epoch ${t} starts from stale parameters: the update was skipped (a \`continue\` before the backward pass?)`,
    };
  }
  const parameter = differingParameters(traces.reference[t]!, traces.candidate[t]!, traces.names, tolerance)[0]!;
  const where = { layer: layerOf(parameter), parameter };
  const factor = proportionalFactor(candUpdate, refUpdate);
  if (factor !== null && Math.abs(factor - 1) > UNIT_FACTOR) {
    return stepScaled(epoch, factor, 'moved every parameter', 'as far as', step);
  }
  return {
    code: 'diverged',
    epoch,
    ...where,
    message: `the update made during epoch ${step} differs; nearest the output, the first parameter to differ is ${parameter} (layer ${where.layer}), so the fault enters the backward pass there`,
  };
}
