import type { NamedParameters } from '@lockstep/core';

/** One parameter of one epoch's snapshot, flattened row by row. */
type Flat = Map<string, number[]>;

/** Parameter names ordered from the output down: WL, bL, ..., W1, b1 (the backward pass's order). */
export function backwardOrder(names: Iterable<string>): string[] {
  const parsed = [...names]
    .map((name) => /^([Wb])(\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[0], kind: m[1]!, layer: Number(m[2]) }));
  parsed.sort((a, b) => b.layer - a.layer || (a.kind === 'W' ? -1 : 1));
  return parsed.map((p) => p.name);
}

export function layerOf(parameter: string): number {
  return Number(parameter.slice(1));
}

function flatten(snapshot: NamedParameters): Flat {
  const out: Flat = new Map();
  for (const [name, value] of Object.entries(snapshot)) {
    out.set(name, (value as (number | number[])[]).flat());
  }
  return out;
}

/**
 * Two traces that can be compared entry by entry: same length as the costs,
 * same parameter names and sizes in every snapshot. Anything else is ignored
 * (the diagnosis falls back to the costs).
 */
export function comparableTraces(
  reference: readonly NamedParameters[] | undefined,
  candidate: readonly NamedParameters[] | undefined,
  epochs: number,
): { reference: Flat[]; candidate: Flat[]; names: string[] } | null {
  if (!reference || !candidate || reference.length !== epochs || candidate.length !== epochs || epochs === 0) {
    return null;
  }
  const ref = reference.map(flatten);
  const cand = candidate.map(flatten);
  const names = backwardOrder(ref[0]!.keys());
  if (names.length === 0) return null;
  for (let e = 0; e < epochs; e++) {
    for (const name of names) {
      const r = ref[e]!.get(name);
      const c = cand[e]!.get(name);
      if (!r || !c || r.length !== c.length) return null;
    }
  }
  return { reference: ref, candidate: cand, names };
}

/**
 * How far a candidate parameter is from the reference's, relative to the
 * reference's size: max|c - r| / max|r| (a norm, not entry by entry, so
 * weights near zero do not inflate it). NaN anywhere counts as Infinity.
 */
export function parameterDifference(candidate: readonly number[], reference: readonly number[]): number {
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < reference.length; i++) {
    const c = candidate[i]!;
    const r = reference[i]!;
    if (!Number.isFinite(c) || !Number.isFinite(r)) {
      if (Object.is(c, r)) continue;
      return Infinity;
    }
    maxDiff = Math.max(maxDiff, Math.abs(c - r));
    maxRef = Math.max(maxRef, Math.abs(r));
  }
  if (maxDiff === 0) return 0;
  return maxRef === 0 ? Infinity : maxDiff / maxRef;
}

/** The parameters (in backward order) that differ at one epoch by more than the tolerance. */
export function differingParameters(reference: Flat, candidate: Flat, names: readonly string[], tolerance: number): string[] {
  return names.filter((name) => parameterDifference(candidate.get(name)!, reference.get(name)!) > tolerance);
}

/** First epoch whose snapshot differs anywhere, or -1. */
export function firstDifferingSnapshot(
  traces: { reference: Flat[]; candidate: Flat[]; names: string[] },
  tolerance: number,
): number {
  for (let e = 0; e < traces.reference.length; e++) {
    if (differingParameters(traces.reference[e]!, traces.candidate[e]!, traces.names, tolerance).length > 0) return e;
  }
  return -1;
}

/** The change each parameter made from epoch e to e + 1. */
export function updateOf(trace: readonly Flat[], e: number, names: readonly string[]): Flat {
  const out: Flat = new Map();
  for (const name of names) {
    const before = trace[e]!.get(name)!;
    const after = trace[e + 1]!.get(name)!;
    out.set(name, after.map((v, i) => v - before[i]!));
  }
  return out;
}

function maxAbs(update: Flat): number {
  let m = 0;
  for (const values of update.values()) for (const v of values) m = Math.max(m, Math.abs(v));
  return m;
}

export function isZeroUpdate(update: Flat): boolean {
  return maxAbs(update) === 0;
}

/**
 * The factor k with candidate update = k x reference update for every
 * parameter, or null when the updates are not proportional. k comes from a
 * least-squares fit over all entries; the fit must hold to `fitTolerance` of
 * the largest candidate change, entry by entry.
 */
export function proportionalFactor(candidate: Flat, reference: Flat, fitTolerance = 1e-6): number | null {
  let dot = 0;
  let norm = 0;
  for (const [name, r] of reference) {
    const c = candidate.get(name)!;
    for (let i = 0; i < r.length; i++) {
      dot += c[i]! * r[i]!;
      norm += r[i]! * r[i]!;
    }
  }
  if (norm === 0 || !Number.isFinite(dot) || !Number.isFinite(norm)) return null;
  const k = dot / norm;
  const scale = maxAbs(candidate);
  if (scale === 0 || !Number.isFinite(k)) return null;
  for (const [name, r] of reference) {
    const c = candidate.get(name)!;
    for (let i = 0; i < r.length; i++) {
      if (Math.abs(c[i]! - k * r[i]!) > fitTolerance * scale) return null;
    }
  }
  return k;
}
