import { describeValue, rejectUnknownFields } from '@lockstep/core';

/**
 * The options object itself: an object with only the `known` keys (a misspelt
 * one is refused, not ignored) and a whole-number seed, which every draw needs.
 */
export function checkOptions(op: string, options: unknown, known: readonly string[]): void {
  rejectUnknownFields(op, options, known, 'option');
  const { seed } = options as { seed?: unknown };
  if (!Number.isSafeInteger(seed)) {
    throw new TypeError(`${op}: seed must be a whole number (the points are drawn from createRng(seed)), got ${describeValue(seed)}`);
  }
}

/** Checks shared by the generators; a bad option is a RangeError that names it. */
export function checkSize(op: string, m: number): void {
  if (!Number.isInteger(m) || m < 2) {
    throw new RangeError(`${op}: m must be an integer >= 2 (two classes), got ${m}`);
  }
}

export function checkNonNegative(op: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${op}: ${name} must be a finite number >= 0, got ${value}`);
  }
}

/** Class sizes as scikit-learn splits them: the first class gets floor(m/2), the second the rest. */
export function halves(m: number): [number, number] {
  const first = Math.floor(m / 2);
  return [first, m - first];
}
