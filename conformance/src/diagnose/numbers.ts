/**
 * The relative difference the comparison uses (compare.ts): |a - b| /
 * max(|a|, |b|), 0 for identical values including NaN against NaN and the
 * same infinity, Infinity for one non-finite value against anything else.
 * Written out here so diagnosis stays a pure module with no runtime
 * dependency on core; numbers.test.ts checks it against compare.ts value for
 * value, so a diagnosis appears exactly when the comparison fails.
 */
export function relativeDifference(reference: number, candidate: number): number {
  if (Object.is(reference, candidate) || (Number.isNaN(reference) && Number.isNaN(candidate))) return 0;
  if (!Number.isFinite(reference) || !Number.isFinite(candidate)) return Number.POSITIVE_INFINITY;
  if (reference === candidate) return 0;
  return Math.abs(reference - candidate) / Math.max(Math.abs(reference), Math.abs(candidate), Number.MIN_VALUE);
}

export function agrees(got: number, want: number, tolerance: number): boolean {
  return relativeDifference(want, got) <= tolerance;
}

/** Index of the first position where the two lists disagree (over the shorter length), or -1. */
export function firstDisagreement(reference: readonly number[], candidate: readonly number[], tolerance: number): number {
  const n = Math.min(reference.length, candidate.length);
  for (let i = 0; i < n; i++) {
    if (!agrees(candidate[i]!, reference[i]!, tolerance)) return i;
  }
  return -1;
}

/** Short, stable rendering of a cost for messages (8 significant digits, more when asked). */
export function formatNumber(x: number, digits = 8): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  return abs >= 1e-4 && abs < 1e6 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 4);
}

/**
 * "x, reference y" with enough digits that two different costs read
 * differently (1.8932812 vs 1.8932812 would hide an epsilon in the log).
 */
export function formatPair(candidate: number, reference: number): string {
  let digits = 8;
  while (digits < 17 && candidate !== reference && formatNumber(candidate, digits) === formatNumber(reference, digits)) digits++;
  return `${formatNumber(candidate, digits)}, reference ${formatNumber(reference, digits)}`;
}

/** A factor in words a person recognises: "150 times", "1/150", "0.37 times". */
export function formatFactor(k: number): string {
  if (!Number.isFinite(k)) return `${k} times`;
  if (Math.abs(k) >= 1) return `${Number(k.toPrecision(4))} times`;
  const inverse = 1 / k;
  const roundInverse = Math.round(inverse);
  if (Math.abs(inverse - roundInverse) < 1e-3 * Math.abs(inverse)) return `1/${roundInverse}`;
  return `${Number(k.toPrecision(4))} times`;
}
