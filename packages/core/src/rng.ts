/** A seeded source of randomness; library code never calls Math.random. */
export interface Rng {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
}
