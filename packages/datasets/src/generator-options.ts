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
