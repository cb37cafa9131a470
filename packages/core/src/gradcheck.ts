/**
 * Finite-difference checks of analytic gradients. These helpers are for tests
 * and diagnostics: they call the objective twice per checked value.
 */

/** The smallest positive double, used only to keep relativeDifference off 0/0. */
const TINY = Number.MIN_VALUE;

/**
 * The central difference (f(x + h) - f(x - h)) / (2h) with respect to
 * values[index]. The value is perturbed in place and restored bit-exactly
 * afterwards, even if f throws. The divisor is the step actually taken,
 * (x + h) - (x - h) in floating point, which is not always exactly 2h.
 *
 * Its error is about h²·|f⁽³⁾|/6 (truncation) plus 1e-16·|f|/h (rounding):
 * near 1e-11 at best for f of order 1, with h ≈ 1e-5.
 */
export function centralDifference(f: () => number, values: Float64Array, index: number, h = 1e-6): number {
  checkIndexAndStep('centralDifference', values, index, h);
  const original = values[index]!;
  try {
    return symmetricQuotient(f, values, index, original, h);
  } finally {
    values[index] = original;
  }
}

/**
 * The fourth-order central difference: Richardson's combination
 * (4·D(h) - D(2h)) / 3 of two central differences, i.e. the five-point stencil
 * (-f(x+2h) + 8f(x+h) - 8f(x-h) + f(x-2h)) / 12h. Its truncation error is
 * O(h⁴), so a larger step (1e-3 by default) keeps rounding small as well:
 * about 1e-13 for f of order 1. values[index] is restored bit-exactly.
 */
export function centralDifference4(f: () => number, values: Float64Array, index: number, h = 1e-3): number {
  checkIndexAndStep('centralDifference4', values, index, h);
  const original = values[index]!;
  try {
    const near = symmetricQuotient(f, values, index, original, h);
    const far = symmetricQuotient(f, values, index, original, 2 * h);
    return (4 * near - far) / 3;
  } finally {
    values[index] = original;
  }
}

/** (f(x+h) - f(x-h)) / (actual step); leaves values[index] perturbed (callers restore it). */
function symmetricQuotient(f: () => number, values: Float64Array, index: number, x: number, h: number): number {
  const up = x + h;
  const down = x - h;
  values[index] = up;
  const fUp = f();
  values[index] = down;
  const fDown = f();
  return (fUp - fDown) / (up - down);
}

function checkIndexAndStep(op: string, values: Float64Array, index: number, h: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= values.length) {
    throw new RangeError(`${op}: index ${index} outside [0, ${values.length})`);
  }
  if (!(h > 0) || !Number.isFinite(h)) {
    throw new RangeError(`${op}: step h must be a positive finite number, got ${h}`);
  }
}

/**
 * |a - b| / max(|a|, |b|, tiny): 0 when a and b are equal (including both 0,
 * where the formula would be 0/0), 1 when exactly one of them is 0, NaN when
 * either is NaN. `tiny` is Number.MIN_VALUE, so it only ever guards 0/0.
 */
export function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), TINY);
}

export interface GradientCheckOptions {
  /**
   * 2 for centralDifference (the default), 4 for centralDifference4, which is
   * accurate enough to check components as small as 1e-4 to 1e-7 relative.
   */
  order?: 2 | 4;
  /** Finite-difference step; 1e-6 for order 2 and 1e-3 for order 4 by default. */
  h?: number;
  /**
   * Differences this small in absolute terms count as agreement (reported as
   * 0): for components whose true value is 0 up to rounding, where a relative
   * measure is meaningless. 0 by default (purely relative).
   */
  absoluteTolerance?: number;
}

/** The worst component of a gradient check. */
export interface GradientCheckResult {
  /** The largest relative difference over all components (NaN if any is NaN). */
  maxRelativeDifference: number;
  /** Where it occurred (-1 for an empty array). */
  index: number;
  analytic: number;
  numeric: number;
}

/**
 * Compares analytic[i] with the central difference (of `order` 2 or 4) of f with respect to
 * values[i], for every i, and reports the worst component. f must read
 * `values` (for example a parameter matrix's `.data`); `values` is left as it
 * was.
 */
export function gradientCheckDetailed(
  f: () => number,
  values: Float64Array,
  analytic: ArrayLike<number>,
  options: GradientCheckOptions = {},
): GradientCheckResult {
  if (analytic.length !== values.length) {
    throw new RangeError(
      `gradientCheck: ${analytic.length} analytic values for ${values.length} parameters`,
    );
  }
  const order = options.order ?? 2;
  const difference = order === 4 ? centralDifference4 : centralDifference;
  const h = options.h ?? (order === 4 ? 1e-3 : 1e-6);
  const absoluteTolerance = options.absoluteTolerance ?? 0;
  let worst: GradientCheckResult = { maxRelativeDifference: 0, index: -1, analytic: Number.NaN, numeric: Number.NaN };
  for (let i = 0; i < values.length; i++) {
    const numeric = difference(f, values, i, h);
    const exact = analytic[i]!;
    const close = Math.abs(exact - numeric) <= absoluteTolerance;
    const rel = close ? 0 : relativeDifference(exact, numeric);
    // `!(rel <= worst)` also lets a NaN through, so it is never hidden.
    if (worst.index === -1 || !(rel <= worst.maxRelativeDifference)) {
      worst = { maxRelativeDifference: rel, index: i, analytic: exact, numeric };
      if (Number.isNaN(rel)) break;
    }
  }
  return worst;
}

/** The largest relative difference between analytic and central-difference gradients (see gradientCheckDetailed). */
export function gradientCheck(
  f: () => number,
  values: Float64Array,
  analytic: ArrayLike<number>,
  options: GradientCheckOptions = {},
): number {
  return gradientCheckDetailed(f, values, analytic, options).maxRelativeDifference;
}
