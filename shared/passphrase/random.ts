/**
 * Uniform random numbers for the passphrase helper, without Node or DOM imports.
 *
 * The caller hands in the only source of randomness, a function that fills a Uint32Array with random values:
 * `(a) => crypto.getRandomValues(a)` in the renderer (and in Node 22, where `globalThis.crypto` is the Web Crypto
 * API), a seeded generator in tests. Nothing here falls back to Math.random.
 */

/** Fills the array with independent, uniformly distributed 32-bit values (the shape of `crypto.getRandomValues`). */
export type FillRandom = (target: Uint32Array<ArrayBuffer>) => unknown;

/** 2^32, the number of values one draw can take. */
const RANGE_32 = 0x1_0000_0000;

/**
 * A uniform integer in [0, n) from draws that are uniform over [0, range), by rejection sampling.
 *
 * `x % n` alone is biased whenever `range` is not a multiple of `n` (the first `range % n` results come up once
 * more often). So draws at or above `limit = range - range % n`, the largest multiple of n that fits, are thrown
 * away and drawn again: every result in [0, n) then has exactly `limit / n` draws mapping to it. At most half of
 * all draws are rejected (when n is just above range / 2); for the 7,776 words it is 2^32 mod 7776 = 2,560 of
 * 2^32 values, about one draw in 1.7 million.
 *
 * `range` is a parameter only so that the tests can prove exact uniformity by enumerating a small range.
 */
export function uniformBelow(n: number, next: () => number, range: number = RANGE_32): number {
  if (!Number.isInteger(n) || n < 1 || n > range) throw new RangeError(`n must be an integer in [1, ${range}], got ${n}`);
  const limit = range - (range % n);
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/** Random draws backed by a FillRandom source, buffered so that a passphrase takes one call to the source. */
export interface RandomDraws {
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** A uniform integer in [0, n), 1 ≤ n ≤ 2^32, without modulo bias. */
  below(n: number): number;
}

const BUFFER_SIZE = 64;

export function randomDraws(fill: FillRandom): RandomDraws {
  const buffer = new Uint32Array(BUFFER_SIZE);
  let used = BUFFER_SIZE;
  const uint32 = (): number => {
    if (used === BUFFER_SIZE) {
      fill(buffer);
      used = 0;
    }
    // Each value is handed out once and then overwritten by the next fill.
    const value = buffer[used] as number;
    buffer[used] = 0;
    used += 1;
    return value;
  };
  return { uint32, below: (n) => uniformBelow(n, uint32) };
}
