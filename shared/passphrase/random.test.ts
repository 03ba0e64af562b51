import { describe, expect, it, vi } from 'vitest';
import { randomDraws, uniformBelow, type FillRandom } from './random';
import { chiSquareUniform, countsOf, seededFill } from './testing/statistics';
import { WORD_LIST_SIZE } from './word-list';

/** The real source, as the renderer will use it (Web Crypto, also global in Node 22). */
const cryptoFill: FillRandom = (target) => crypto.getRandomValues(target);

/** Fails a chi-square test only for a real bias: with p > 0.001 an unbiased source fails 1 run in 1,000 at most. */
const ALPHA = 0.001;
const DRAWS = WORD_LIST_SIZE * 50;

// Statistical tests draw hundreds of thousands of values; on a busy machine they need more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

describe('uniformBelow (rejection sampling)', () => {
  it('is exactly uniform: over every draw of an 8-bit source, each result in [0, n) comes from the same number of draws', () => {
    const range = 256;
    for (let n = 1; n <= range; n += 1) {
      const hits = new Array<number>(n).fill(0);
      let rejected = 0;
      for (let x = 0; x < range; x += 1) {
        // Feed x; if it is rejected, the sampler asks again and gets 0.
        let calls = 0;
        const result = uniformBelow(n, () => (calls++ === 0 ? x : 0), range);
        if (calls === 1) hits[result] = (hits[result] as number) + 1;
        else rejected += 1;
      }
      expect(new Set(hits).size, `n = ${n}`).toBe(1);
      expect(hits[0]).toBe(Math.floor(range / n));
      expect(rejected).toBe(range % n);
    }
  });

  it('rejects exactly the top 2^32 mod 7776 = 2,560 values of a 32-bit draw', () => {
    const limit = 2 ** 32 - (2 ** 32 % WORD_LIST_SIZE);
    expect(2 ** 32 - limit).toBe(2560);
    const sequence = (...values: number[]) => {
      let i = 0;
      return () => values[i++] as number;
    };
    expect(uniformBelow(WORD_LIST_SIZE, sequence(limit - 1))).toBe(WORD_LIST_SIZE - 1);
    expect(uniformBelow(WORD_LIST_SIZE, sequence(limit, 0xffffffff, 7777))).toBe(1);
  });

  it('refuses n outside [1, range]', () => {
    expect(() => uniformBelow(0, () => 0)).toThrow(RangeError);
    expect(() => uniformBelow(1.5, () => 0)).toThrow(RangeError);
    expect(() => uniformBelow(2 ** 32 + 1, () => 0)).toThrow(RangeError);
    expect(uniformBelow(2 ** 32, () => 123)).toBe(123);
  });
});

describe('randomDraws', () => {
  it('asks the source for 64 values at a time and hands each out once, in order', () => {
    let calls = 0;
    const draws = randomDraws((target) => {
      calls += 1;
      for (let i = 0; i < target.length; i += 1) target[i] = (calls - 1) * 1000 + i;
    });
    const values = Array.from({ length: 130 }, () => draws.uint32());
    expect(calls).toBe(3);
    expect(values.slice(0, 3)).toEqual([0, 1, 2]);
    expect(values[64]).toBe(1000);
    expect(values[129]).toBe(2001);
  });
});

describe('word indices: chi-square goodness of fit over 7,776 cells (50 per cell expected)', () => {
  it.each([
    ['seeded xoshiro128**', seededFill(20211108)],
    ['crypto.getRandomValues', cryptoFill],
  ])('%s through randomDraws.below is uniform', (_name, fill) => {
    const draws = randomDraws(fill);
    const result = chiSquareUniform(countsOf(() => draws.below(WORD_LIST_SIZE), WORD_LIST_SIZE, DRAWS));
    expect(result.degreesOfFreedom).toBe(7775);
    expect(result.p).toBeGreaterThan(ALPHA);
  });

  it('the same test catches modulo bias: a 16-bit draw taken mod 7776 favours the first 3,328 words by 9:8', () => {
    const draws = randomDraws(seededFill(1));
    const biased = () => (draws.uint32() >>> 16) % WORD_LIST_SIZE;
    const result = chiSquareUniform(countsOf(biased, WORD_LIST_SIZE, DRAWS));
    expect(result.statistic).toBeGreaterThan(8500);
    expect(result.p).toBeLessThan(1e-6);
  });

  it('and rejection sampling repairs exactly that 16-bit source', () => {
    const draws = randomDraws(seededFill(1));
    const repaired = () => uniformBelow(WORD_LIST_SIZE, () => draws.uint32() >>> 16, 2 ** 16);
    expect(chiSquareUniform(countsOf(repaired, WORD_LIST_SIZE, DRAWS)).p).toBeGreaterThan(ALPHA);
  });
});
