// Validation of optimizer settings. Messages name the optimizer, the field,
// what was expected and what was given.

function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
}

/** A positive finite number (a learning rate, an epsilon). */
export function requirePositive(kind: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${kind}: ${field} must be a positive finite number, got ${show(value)}`);
  }
  return value;
}

/** A number in [0, 1) (a decay rate such as momentum, beta1, beta2, rho). */
export function requireDecay(kind: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new RangeError(`${kind}: ${field} must be a number in [0, 1), got ${show(value)}`);
  }
  return value;
}

/** A number in [0, 1] (dampening). */
export function requireUnitInterval(kind: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new RangeError(`${kind}: ${field} must be a number in [0, 1], got ${show(value)}`);
  }
  return value;
}

/** Rejects fields the optimizer does not have, so a typo such as "beta_1" is not silently ignored. */
export function rejectUnknownFields(kind: string, options: object, known: readonly string[]): void {
  for (const field of Object.keys(options)) {
    if (!known.includes(field)) {
      throw new RangeError(`${kind}: unknown field "${field}" (expected ${known.join(', ')})`);
    }
  }
}
