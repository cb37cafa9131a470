import type { Matrix } from './matrix.js';

// Checks of values handed in from outside (options, settings, matrices), shared by the
// optimizers, the parameter and data checks, and the trainers. Each failure is one line:
// `<place>: <field> must be <what was expected>, got <what was given>`. TypeError for a
// value of the wrong kind, RangeError for a value out of range; nothing allocates unless
// it throws.

/** A value as a message shows it: numbers as they are, strings quoted, anything large by its kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === undefined || value === null) return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && !ArrayBuffer.isView(value)) {
    try {
      const json = JSON.stringify(value);
      if (json !== undefined && json.length <= 40) return json;
    } catch {
      // cyclic: fall through to its kind
    }
  }
  return describeKind(value);
}

/** What kind of thing a value is: `an array`, `a Float64Array`, `null`, `undefined`, `a number`, `an object`, ... */
export function describeKind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  const kind = typeof value;
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/**
 * True for a Matrix (or a structurally identical one from another copy of this package): a
 * Float64Array `data` holding rows x cols values. Plain arrays of rows are not matrices.
 */
export function isMatrix(value: unknown): value is Matrix {
  const m = value as Partial<Matrix> | null | undefined;
  return (
    typeof m === 'object' && m !== null &&
    m.data instanceof Float64Array &&
    Number.isInteger(m.rows) && Number.isInteger(m.cols) &&
    m.data.length === m.rows! * m.cols!
  );
}

/** The index of the first NaN or infinite value, or -1 when every value is finite. */
export function firstNonFinite(data: Float64Array): number {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) return i;
  }
  return -1;
}

/** A positive finite number (a learning rate, an epsilon). */
export function requirePositive(place: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${place}: ${field} must be a positive finite number, got ${describeValue(value)}`);
  }
  return value;
}

/** A positive integer (a number of epochs, a batch size). */
export function requirePositiveInteger(place: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${place}: ${field} must be a positive integer, got ${describeValue(value)}`);
  }
  return value;
}

/** A number in [0, 1) (a decay rate such as momentum, beta1, beta2, rho). */
export function requireDecay(place: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new RangeError(`${place}: ${field} must be a number in [0, 1), got ${describeValue(value)}`);
  }
  return value;
}

/** A number in [0, 1] (dampening). */
export function requireUnitInterval(place: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new RangeError(`${place}: ${field} must be a number in [0, 1], got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Checks that `options` is an object and has only the `known` keys, so a typo such as
 * "beta_1" or "learningrate" is refused instead of silently ignored. `noun` names what a
 * key is in the message: `sgd: unknown field "momentum" (expected learningRate)`.
 */
export function rejectUnknownFields(place: string, options: unknown, known: readonly string[], noun = 'field'): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${place}: expected an object of ${noun}s (${known.join(', ')}), got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new RangeError(`${place}: unknown ${noun} "${key}" (expected ${known.join(', ')})`);
    }
  }
}

/** The kernels a Backend must have (the fused steps are optional). */
const BACKEND_METHODS = ['matmul', 'addColumnVector', 'add', 'sub', 'mul', 'scale', 'rowSums', 'colSums'] as const;

/** Checks an optional `backend` option: undefined, or an object with every Backend kernel. */
export function requireBackend(place: string, value: unknown): void {
  if (value === undefined) return;
  const complete =
    typeof value === 'object' && value !== null && BACKEND_METHODS.every((m) => typeof (value as Record<string, unknown>)[m] === 'function');
  if (!complete) {
    throw new TypeError(`${place}: backend must be a Backend (typedBackend or mathjsBackend from @lockstep/core), got ${describeValue(value)}`);
  }
}

/** Checks an optional boolean option such as `trace`. */
export function requireOptionalBoolean(place: string, field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new TypeError(`${place}: ${field} must be true or false, got ${describeValue(value)}`);
  }
}
