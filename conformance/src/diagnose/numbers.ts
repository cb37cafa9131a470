import { relativeDifference } from '../compare.js';

/**
 * Agreement of two numbers, by the same relative difference the comparison
 * uses (compare.ts: |a - b| / max(|a|, |b|), identical non-finite values
 * agree), so a diagnosis appears exactly when the comparison fails.
 */
export function agrees(got: number, want: number, tolerance: number): boolean {
  return relativeDifference(want, got) <= tolerance;
}

export { relativeDifference };

/** Index of the first position where the two lists disagree (over the shorter length), or -1. */
export function firstDisagreement(reference: readonly number[], candidate: readonly number[], tolerance: number): number {
  const n = Math.min(reference.length, candidate.length);
  for (let i = 0; i < n; i++) {
    if (!agrees(candidate[i]!, reference[i]!, tolerance)) return i;
  }
  return -1;
}

/** Short, stable rendering of a cost for messages. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  return abs >= 1e-4 && abs < 1e6 ? String(Number(x.toPrecision(8))) : x.toExponential(4);
}

/** A factor like 150 or 1/150 or 0.01, in words a person recognises. */
export function formatFactor(k: number): string {
  if (!Number.isFinite(k)) return String(k);
  if (Math.abs(k) >= 1) return `${Number(k.toPrecision(4))}x`;
  const inverse = 1 / k;
  const roundInverse = Math.round(inverse);
  if (Math.abs(inverse - roundInverse) < 1e-3 * Math.abs(inverse)) return `1/${roundInverse} x`;
  return `${Number(k.toPrecision(4))}x`;
}
