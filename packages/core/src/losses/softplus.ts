/**
 * softplus(x) = log(1 + e^x), computed as max(x, 0) + log1p(e^-|x|) so e^x
 * never overflows and small results keep their precision. softplus(800) is
 * exactly 800 and softplus(-800) exactly 0.
 */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}
