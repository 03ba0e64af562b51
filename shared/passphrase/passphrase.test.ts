import { describe, expect, it, vi } from 'vitest';
import { germanWordList } from './bundled-word-list';
import {
  bestPlanForMaxLength,
  DEFAULT_PASSPHRASE_OPTIONS,
  drawPassphrase,
  generatePassphrase,
  MIN_POOL_SIZE,
  passphraseBits,
  PassphraseOptionsError,
  planPassphrase,
  SEPARATORS,
  type PassphraseOptions,
} from './passphrase';
import { type FillRandom } from './random';
import { describeStrength, displayBits } from './strength';
import { chiSquareUniform, seededFill } from './testing/statistics';
import { hasUmlauts } from './word-list';

const cryptoFill: FillRandom = (target) => crypto.getRandomValues(target);
const list = germanWordList();
const options = (overrides: Partial<PassphraseOptions> = {}): PassphraseOptions => ({ ...DEFAULT_PASSPHRASE_OPTIONS, ...overrides });
const DRAWS = 10_000;

// Statistical tests draw hundreds of thousands of values; on a busy machine they need more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

describe('entropy figures', () => {
  it('is words × log2(7776) ≈ 12.925 bits per word for the full list', () => {
    expect(Math.log2(7776)).toBeCloseTo(12.925, 3);
    const bits = [4, 5, 6, 7, 8]
      .map((words) => planPassphrase(options({ words }), list))
      .map((plan) => (plan.fits ? displayBits(plan.bits) : 0));
    // Rounded down for display: 8 × 12.9248 = 103.399 shows as 103.3.
    expect(bits).toEqual([51.6, 64.6, 77.5, 90.4, 103.3]);
    expect(passphraseBits(7776, 5, false)).toBeCloseTo(64.62, 2);
  });

  it('adds log2(8) for the digit 2–9 and log2(words) for its place', () => {
    expect(passphraseBits(7776, 5, true) - passphraseBits(7776, 5, false)).toBeCloseTo(3 + Math.log2(5), 10);
    const plan = planPassphrase(options({ digit: true }), list);
    expect(plan.fits && displayBits(plan.bits)).toBe(69.9);
  });

  it('names the strength: 4 words good, 5 and 6 strong, 7 and 8 very strong; below 50 bits weak', () => {
    const strengths = [4, 5, 6, 7, 8].map((words) => describeStrength(passphraseBits(7776, words, false)));
    expect(strengths).toEqual(['good', 'strong', 'strong', 'very-strong', 'very-strong']);
    expect(describeStrength(49.99)).toBe('weak');
    expect(describeStrength(50)).toBe('good');
  });

  it('counts the pool actually used: words that become equal after spelling count once', () => {
    const small = ['müde', 'muede', 'straße', 'strasse', 'baum', 'Baum'];
    const letters = (i: number) => String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26), 97 + Math.floor(i / 676));
    const many = [...small, ...Array.from({ length: 2000 }, (_, i) => `wort${letters(i)}`)];
    const keep = planPassphrase(options(), many);
    const transcribed = planPassphrase(options({ umlauts: 'transcribe' }), many);
    const capitalised = planPassphrase(options({ umlauts: 'transcribe', capitalize: true }), many);
    expect(keep.fits && transcribed.fits && capitalised.fits).toBe(true);
    if (!keep.fits || !transcribed.fits || !capitalised.fits) return;
    expect(keep.pool.length - transcribed.pool.length).toBe(2);
    expect(transcribed.pool.length - capitalised.pool.length).toBe(1);
    expect(capitalised.bits).toBeCloseTo(5 * Math.log2(capitalised.pool.length), 10);
  });
});

describe('generatePassphrase', () => {
  it('by default gives 5 list words joined by "-", and the words for spelling out', () => {
    const phrase = generatePassphrase(options(), list, cryptoFill);
    expect(phrase.words).toHaveLength(5);
    expect(phrase.text).toBe(phrase.words.join('-'));
    expect(phrase.length).toBe(phrase.text.length);
    expect(phrase.words.every((word) => list.includes(word))).toBe(true);
    expect(phrase.poolSize).toBe(7776);
    expect(phrase.strength).toBe('strong');
  });

  it('refuses word counts outside 4–8, unknown separators and a bad maximum length', () => {
    expect(() => generatePassphrase(options({ words: 3 }), list, cryptoFill)).toThrow(PassphraseOptionsError);
    expect(() => generatePassphrase(options({ words: 9 }), list, cryptoFill)).toThrow(PassphraseOptionsError);
    expect(() => generatePassphrase(options({ words: 5.5 }), list, cryptoFill)).toThrow(PassphraseOptionsError);
    expect(() => generatePassphrase({ ...options(), separator: '+' as never }, list, cryptoFill)).toThrow(PassphraseOptionsError);
    expect(() => generatePassphrase(options({ maxLength: 0 }), list, cryptoFill)).toThrow(PassphraseOptionsError);
  });

  it.each(SEPARATORS.map((s) => [JSON.stringify(s), s] as const))(
    'separator %s: the text splits back into its words',
    (_name, separator) => {
      const fill = seededFill(7);
      const plan = planPassphrase(options({ separator, digit: true, words: 6 }), list);
      if (!plan.fits) throw new Error('unreachable');
      for (let i = 0; i < DRAWS; i += 1) {
        const phrase = drawPassphrase(plan, fill);
        expect(phrase.text.split(separator)).toEqual(phrase.words);
      }
    },
  );

  it(`with a digit: exactly one digit 2–9, at the end of one word, place and digit uniform (${DRAWS} draws)`, () => {
    const places = new Uint32Array(5);
    const digits = new Uint32Array(8);
    const plan = planPassphrase(options({ digit: true }), list);
    if (!plan.fits) throw new Error('unreachable');
    for (let i = 0; i < DRAWS; i += 1) {
      const phrase = drawPassphrase(plan, cryptoFill);
      const withDigit = phrase.words.map((word, at) => [word, at] as const).filter(([word]) => /\d/u.test(word));
      expect(withDigit).toHaveLength(1);
      const [word, at] = withDigit[0] as readonly [string, number];
      expect(word).toMatch(/^[a-z]+[2-9]$/u);
      places[at] = (places[at] as number) + 1;
      const digit = Number(word.at(-1)) - 2;
      digits[digit] = (digits[digit] as number) + 1;
    }
    expect(chiSquareUniform(places).p).toBeGreaterThan(0.001);
    expect(chiSquareUniform(digits).p).toBeGreaterThan(0.001);
  });

  it(`"ohne Umlaute" leaves no ä, ö, ü, ß in ${DRAWS} passphrases, also from a list that has them`, () => {
    const umlautList = [...list.slice(0, 7000), ...['müde', 'straße', 'öl', 'übel', 'ärger'].map((w) => `${w}zeit`)];
    const plan = planPassphrase(options({ umlauts: 'transcribe', words: 8 }), umlautList);
    if (!plan.fits) throw new Error('unreachable');
    expect(plan.pool).toContain('muedezeit');
    for (let i = 0; i < DRAWS; i += 1) expect(hasUmlauts(drawPassphrase(plan, cryptoFill).text)).toBe(false);
  });

  it(`capitals: every word starts with a capital, the rest stays lower case (${DRAWS} draws)`, () => {
    const plan = planPassphrase(options({ capitalize: true }), list);
    if (!plan.fits) throw new Error('unreachable');
    for (let i = 0; i < DRAWS; i += 1) for (const word of drawPassphrase(plan, cryptoFill).words) expect(word).toMatch(/^[A-Z][a-z]+$/u);
  });

  it('the word positions of real passphrases are uniform over the list (chi-square, 7,776 cells)', () => {
    const index = new Map(list.map((word, i) => [word, i]));
    const counts = new Uint32Array(list.length);
    const plan = planPassphrase(options(), list);
    if (!plan.fits) throw new Error('unreachable');
    for (let i = 0; i < 80_000; i += 1)
      for (const word of drawPassphrase(plan, cryptoFill).words) {
        const at = index.get(word) as number;
        counts[at] = (counts[at] as number) + 1;
      }
    expect(chiSquareUniform(counts).p).toBeGreaterThan(0.001);
  });
});

describe('maximum length', () => {
  it.each([23, 27, 30, 35, 40, 50, 64])(
    `maxLength %i is never exceeded (${DRAWS} draws) and the bits come from the shortened pool`,
    (maxLength) => {
      const plan = bestPlanForMaxLength(maxLength, { separator: '-', digit: true, umlauts: 'transcribe', capitalize: true }, list);
      if (maxLength < 28) {
        // 4 words + 3 separators + 1 digit need 4 × 6 + 4 = 28 characters for a pool of ≥ 1,024 words (words ≤ 6 letters: 2,044).
        expect(plan).toBeUndefined();
        return;
      }
      expect(plan).toBeDefined();
      if (!plan) return;
      const allowed = list.filter((word) => word.length <= plan.maxWordLength).length;
      expect(plan.pool).toHaveLength(allowed);
      expect(plan.bits).toBeCloseTo(passphraseBits(allowed, plan.options.words, true), 10);
      for (let i = 0; i < DRAWS; i += 1) expect(drawPassphrase(plan, cryptoFill).length).toBeLessThanOrEqual(maxLength);
    },
  );

  it('picks the word count with the most bits that fits', () => {
    const plan = bestPlanForMaxLength(40, { separator: '-', digit: false, umlauts: 'keep', capitalize: false }, list);
    const each = [4, 5, 6, 7, 8].map((words) => planPassphrase(options({ words, maxLength: 40 }), list)).map((p) => (p.fits ? p.bits : 0));
    expect(plan?.bits).toBe(Math.max(...each));
  });

  it('says when a passphrase does not fit, and generatePassphrase refuses', () => {
    const plan = planPassphrase(options({ words: 4, maxLength: 20 }), list);
    expect(plan).toMatchObject({ fits: false, reason: 'max-length-too-short' });
    expect(!plan.fits && plan.poolSize).toBeLessThan(MIN_POOL_SIZE);
    expect(() => generatePassphrase(options({ words: 4, maxLength: 20 }), list, cryptoFill)).toThrow(PassphraseOptionsError);
  });
});
