/**
 * Test helpers for the passphrase tests: a seeded random source and Pearson's chi-square goodness-of-fit test.
 * Test-only (shipped code may not import from testing/, see eslint.config.js).
 */
import type { FillRandom } from '../random';

/** xoshiro128** (Blackman & Vigna), seeded by splitmix32: reproducible, good enough for statistics tests. */
export function seededFill(seed: number): FillRandom {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state = [splitmix(), splitmix(), splitmix(), splitmix()] as [number, number, number, number];
  const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(state[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (state[1] << 9) >>> 0;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11);
    return result;
  };
  return (target) => {
    for (let i = 0; i < target.length; i += 1) target[i] = next();
    return target;
  };
}

export interface ChiSquare {
  statistic: number;
  degreesOfFreedom: number;
  /** Upper-tail probability (Wilson–Hilferty approximation, good for the large degrees of freedom used here). */
  p: number;
}

/** erfc with relative error below 1.2e-7 (Numerical Recipes, erfcc). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Pearson's chi-square test of observed counts against equal expected counts. */
export function chiSquareUniform(counts: ArrayLike<number>): ChiSquare {
  const k = counts.length;
  let total = 0;
  for (let i = 0; i < k; i += 1) total += counts[i] as number;
  const expected = total / k;
  let statistic = 0;
  for (let i = 0; i < k; i += 1) statistic += ((counts[i] as number) - expected) ** 2 / expected;
  const df = k - 1;
  const z = (Math.cbrt(statistic / df) - (1 - 2 / (9 * df))) / Math.sqrt(2 / (9 * df));
  return { statistic, degreesOfFreedom: df, p: 0.5 * erfc(z / Math.SQRT2) };
}

/** Counts how often each of 0 … n−1 comes up in `draws` calls of `draw`. */
export function countsOf(draw: () => number, n: number, draws: number): Uint32Array {
  const counts = new Uint32Array(n);
  for (let i = 0; i < draws; i += 1) {
    const value = draw();
    if (!Number.isInteger(value) || value < 0 || value >= n) throw new RangeError(`draw out of range: ${value}`);
    counts[value] = (counts[value] as number) + 1;
  }
  return counts;
}
