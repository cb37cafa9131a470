/** A seeded source of randomness; library code never calls Math.random. */
export interface Rng {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/**
 * A seeded Rng: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * 128-bit state, passes PractRand and BigCrush), its state filled by
 * splitmix32 from the seed. Only 32-bit integer arithmetic (Math.imul, >>>), so
 * the uniform stream is bit-identical on every platform and engine.
 *
 * - `seed`: any safe integer; both its low and high 32 bits are used.
 * - `next()`: 53 bits from two 32-bit draws (27 + 26 bits), uniform in [0, 1).
 * - `int(n)`: unbiased by rejection, for integers 1 <= n <= 2^32.
 * - `normal()`: Marsaglia's polar method, which needs only sqrt (exact under
 *   IEEE 754) and Math.log; each accepted pair yields two values, the second
 *   kept for the next call.
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`createRng: seed must be a safe integer, got ${seed}`);
  }
  return new Sfc32(seed);
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private counter: number;
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(seed: number) {
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    // splitmix32 fills the state; the high word is folded into its state after
    // the first draw, so distinct seeds give distinct (a, b) pairs.
    let s = low;
    const splitmix32 = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let x = s;
      x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
      x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
      return (x ^ (x >>> 15)) >>> 0;
    };
    this.a = splitmix32();
    s = (s ^ high) >>> 0;
    this.b = splitmix32();
    this.c = splitmix32();
    this.counter = 1;
    // Mix the state before use, as the sfc32 reference seeding does.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next raw 32-bit output of sfc32, as an unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.counter) >>> 0;
    this.counter = (this.counter + 1) >>> 0;
    this.a = (this.b ^ (this.b >>> 9)) >>> 0;
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  next(): number {
    const high = this.uint32() >>> 5; // 27 bits
    const low = this.uint32() >>> 6; // 26 bits
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new RangeError(`Rng.int: n must be an integer in [1, 2^32], got ${n}`);
    }
    // Accept only draws below the largest multiple of n, so every residue is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.uint32();
    while (x >= limit) x = this.uint32();
    return x % n;
  }

  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    this.hasSpareNormal = true;
    return u * factor;
  }
}
