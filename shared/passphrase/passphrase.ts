/**
 * Passphrases of random German words: "made to be read aloud and typed" (issue 13).
 *
 * Decisions:
 * - Every word is drawn uniformly and independently from a pool (the word list after the chosen spelling), with
 *   rejection sampling (random.ts), so the strength is exactly `words × log2(pool size)` bits.
 * - Options never make a passphrase weaker than shown: when "ohne Umlaute" or capitals make two words the same, or
 *   a maximum length drops long words, the pool shrinks and the bits are computed from the pool actually used.
 * - Maximum length: each word may have at most ⌊(maxLength − separators − digit) / words⌋ letters. A cap per word
 *   keeps drawing uniform and the bits exact; it gives up a little strength against a cap on the whole phrase.
 *   A pool below MIN_POOL_SIZE words is refused ("does not fit"): the caller then offers fewer words or a
 *   character password (characters.ts).
 * - The optional digit is one of 2–9 (no 0 and 1, which read like O and l), appended to one word chosen at random:
 *   log2(8) + log2(words) bits more. Words are letters only and the separator is not a letter, so each passphrase
 *   has exactly one way to have been made and the bits add up.
 * - Capitals ("Windows"-Variante): the first letter of every word, a fixed rule that is easy to say and adds no bits.
 * - Separators are a small fixed set of characters that are easy to name aloud: "Bindestrich", "Punkt",
 *   "Unterstrich", "Leerzeichen". No empty separator: words run together are hard to read back.
 */
import { randomDraws, type FillRandom } from './random';
import { describeStrength, type Strength } from './strength';
import { transcribeUmlauts } from './word-list';

export const SEPARATORS = ['-', '.', '_', ' '] as const;
export type Separator = (typeof SEPARATORS)[number];

export const MIN_WORDS = 4;
export const MAX_WORDS = 8;
export const DEFAULT_WORDS = 5;

/** Digits for the optional digit: no 0 and 1 (look like O and l). */
export const PASSPHRASE_DIGITS = '23456789';

/** The smallest pool a passphrase may be drawn from: at least 10 bits per word (the list has 7,776 = 12.9 bits). */
export const MIN_POOL_SIZE = 1024;

export type UmlautSpelling = 'keep' | 'transcribe';

export interface PassphraseOptions {
  /** Number of words, MIN_WORDS to MAX_WORDS. */
  words: number;
  separator: Separator;
  /** Append one digit 2–9 to one randomly chosen word. */
  digit: boolean;
  /** 'transcribe' = "ohne Umlaute": ä → ae, ö → oe, ü → ue, ß → ss in the generated passphrase. */
  umlauts: UmlautSpelling;
  /** Capitalise the first letter of every word. */
  capitalize: boolean;
  /** The longest passphrase the target system accepts, in characters; absent when there is no known limit. */
  maxLength?: number | undefined;
}

export const DEFAULT_PASSPHRASE_OPTIONS: Readonly<PassphraseOptions> = Object.freeze({
  words: DEFAULT_WORDS,
  separator: '-',
  digit: false,
  umlauts: 'keep',
  capitalize: false,
});

export interface Passphrase {
  text: string;
  /** The words as typed, the digit attached to its word: one per line in the "Buchstabieren" view. */
  words: string[];
  length: number;
  /** Entropy in bits: log2 of the number of equally likely passphrases these options produce. */
  bits: number;
  strength: Strength;
  /** How many different words each position was drawn from. */
  poolSize: number;
}

export type PassphrasePlan =
  | { fits: true; options: PassphraseOptions; pool: readonly string[]; maxWordLength: number; bits: number; strength: Strength }
  | { fits: false; options: PassphraseOptions; reason: 'max-length-too-short'; poolSize: number };

export class PassphraseOptionsError extends Error {
  override name = 'PassphraseOptionsError';
}

export function validatePassphraseOptions(options: PassphraseOptions): void {
  const { words, separator, maxLength } = options;
  if (!Number.isInteger(words) || words < MIN_WORDS || words > MAX_WORDS)
    throw new PassphraseOptionsError(`words must be ${MIN_WORDS} to ${MAX_WORDS}, got ${words}`);
  if (!(SEPARATORS as readonly string[]).includes(separator))
    throw new PassphraseOptionsError(`separator must be one of ${JSON.stringify(SEPARATORS)}`);
  if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < 1))
    throw new PassphraseOptionsError(`maxLength must be a positive integer, got ${maxLength}`);
}

function spell(word: string, options: PassphraseOptions): string {
  const spelled = options.umlauts === 'transcribe' ? transcribeUmlauts(word) : word;
  return options.capitalize ? spelled.charAt(0).toLocaleUpperCase('de-DE') + spelled.slice(1) : spelled;
}

/** Bits of a passphrase with these options drawn from a pool of `poolSize` words. */
export function passphraseBits(poolSize: number, words: number, digit: boolean): number {
  return words * Math.log2(poolSize) + (digit ? Math.log2(PASSPHRASE_DIGITS.length) + Math.log2(words) : 0);
}

/**
 * What a passphrase with these options is drawn from, and its strength, without drawing one: the pool after
 * spelling (duplicates removed) and the length cap per word.
 */
export function planPassphrase(options: PassphraseOptions, list: readonly string[]): PassphrasePlan {
  validatePassphraseOptions(options);
  let pool = [...new Set(list.map((word) => spell(word, options)))];
  let maxWordLength = Math.max(...pool.map((word) => word.length));
  if (options.maxLength !== undefined) {
    const overhead = (options.words - 1) * options.separator.length + (options.digit ? 1 : 0);
    maxWordLength = Math.floor((options.maxLength - overhead) / options.words);
    pool = pool.filter((word) => word.length <= maxWordLength);
  }
  if (pool.length < MIN_POOL_SIZE) return { fits: false, options, reason: 'max-length-too-short', poolSize: pool.length };
  const bits = passphraseBits(pool.length, options.words, options.digit);
  return { fits: true, options, pool, maxWordLength, bits, strength: describeStrength(bits) };
}

/**
 * For a system with a maximum length: the word count (MIN_WORDS–MAX_WORDS) that gives the most bits within
 * `maxLength`, other options as given; fewer words on a tie. Undefined when not even MIN_WORDS words fit.
 */
export function bestPlanForMaxLength(
  maxLength: number,
  base: Omit<PassphraseOptions, 'words' | 'maxLength'>,
  list: readonly string[],
): Extract<PassphrasePlan, { fits: true }> | undefined {
  let best: Extract<PassphrasePlan, { fits: true }> | undefined;
  for (let words = MIN_WORDS; words <= MAX_WORDS; words += 1) {
    const plan = planPassphrase({ ...base, words, maxLength }, list);
    if (plan.fits && (best === undefined || plan.bits > best.bits)) best = plan;
  }
  return best;
}

/** Draws a passphrase from a plan (see planPassphrase). */
export function drawPassphrase(plan: Extract<PassphrasePlan, { fits: true }>, fill: FillRandom): Passphrase {
  const { options, pool } = plan;
  const random = randomDraws(fill);
  const words = Array.from({ length: options.words }, () => pool[random.below(pool.length)] as string);
  if (options.digit) {
    const at = random.below(words.length);
    words[at] = `${words[at]}${PASSPHRASE_DIGITS[random.below(PASSPHRASE_DIGITS.length)]}`;
  }
  const text = words.join(options.separator);
  return { text, words, length: text.length, bits: plan.bits, strength: plan.strength, poolSize: pool.length };
}

/** A passphrase of random words; throws PassphraseOptionsError when the options cannot be met (check planPassphrase). */
export function generatePassphrase(options: PassphraseOptions, list: readonly string[], fill: FillRandom): Passphrase {
  const plan = planPassphrase(options, list);
  if (!plan.fits)
    throw new PassphraseOptionsError(`${options.words} words do not fit in ${options.maxLength} characters with this word list`);
  return drawPassphrase(plan, fill);
}
