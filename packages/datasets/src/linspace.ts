/**
 * `count` evenly spaced values from `start` to `stop` inclusive, computed as numpy's
 * linspace does (start + i·step, the last value set to `stop` exactly).
 */
export function linspace(start: number, stop: number, count: number): number[] {
  if (count === 1) return [start];
  const step = (stop - start) / (count - 1);
  const out = Array.from({ length: count }, (_, i) => start + i * step);
  if (count > 1) out[count - 1] = stop;
  return out;
}
