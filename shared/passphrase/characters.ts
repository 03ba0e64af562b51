/**
 * A short password of random characters, for a system whose maximum length is too short for a passphrase (four words
 * need at least 23 characters with this list, see planPassphrase). Still made to be read aloud and typed:
 * - no look-alikes: no 0/O/o, no 1/l/I; no y/Y and z/Z, which swap places between German and US keyboards;
 * - no special characters (their keys differ between layouts); instead upper case, lower case and digits, each at
 *   least once, which is three of the four Windows categories (windows.ts);
 * - shown in groups of four for spelling out ("Buchstabieren").
 * Drawn uniformly over all strings of the alphabet and rejected until every class is present, so every allowed
 * password is equally likely and the bits are log2 of their exact count (inclusion–exclusion over the classes).
 */
import { randomDraws, type FillRandom } from './random';
import { describeStrength, type Strength } from './strength';

export const CHARACTER_CLASSES = {
  lower: 'abcdefghijkmnpqrstuvwx',
  upper: 'ABCDEFGHJKLMNPQRSTUVWX',
  digit: '23456789',
} as const;

const ALPHABET = CHARACTER_CLASSES.lower + CHARACTER_CLASSES.upper + CHARACTER_CLASSES.digit;
const CLASS_SIZES = Object.values(CHARACTER_CLASSES).map((chars) => chars.length);

/** At least one character of each of the three classes. */
export const MIN_CHARACTER_PASSWORD_LENGTH = 3;
export const MAX_CHARACTER_PASSWORD_LENGTH = 64;

export interface CharacterPassword {
  text: string;
  /** Groups of four characters for the "Buchstabieren" view. */
  groups: string[];
  length: number;
  bits: number;
  strength: Strength;
}

function checkLength(length: number): void {
  if (!Number.isInteger(length) || length < MIN_CHARACTER_PASSWORD_LENGTH || length > MAX_CHARACTER_PASSWORD_LENGTH)
    throw new RangeError(`length must be ${MIN_CHARACTER_PASSWORD_LENGTH} to ${MAX_CHARACTER_PASSWORD_LENGTH}, got ${length}`);
}

/** Exact number of strings of this length over the alphabet that contain every class (inclusion–exclusion). */
export function countCharacterPasswords(length: number): bigint {
  checkLength(length);
  let total = 0n;
  const classes = CLASS_SIZES.length;
  for (let missing = 0; missing < 1 << classes; missing += 1) {
    let size = ALPHABET.length;
    let sign = 1n;
    for (let k = 0; k < classes; k += 1) {
      if (missing & (1 << k)) {
        size -= CLASS_SIZES[k] as number;
        sign = -sign;
      }
    }
    total += sign * BigInt(size) ** BigInt(length);
  }
  return total;
}

function log2BigInt(value: bigint): number {
  const digits = value.toString(2).length;
  if (digits <= 53) return Math.log2(Number(value));
  // Keep the top 53 bits for the mantissa; the rest is a power of two.
  const shift = digits - 53;
  return Math.log2(Number(value >> BigInt(shift))) + shift;
}

export function characterPasswordBits(length: number): number {
  return log2BigInt(countCharacterPasswords(length));
}

export function generateCharacterPassword(length: number, fill: FillRandom): CharacterPassword {
  checkLength(length);
  const random = randomDraws(fill);
  const classes = Object.values(CHARACTER_CLASSES);
  for (;;) {
    const text = Array.from({ length }, () => ALPHABET[random.below(ALPHABET.length)] as string).join('');
    if (!classes.every((chars) => [...text].some((c) => chars.includes(c)))) continue;
    const bits = characterPasswordBits(length);
    const groups = text.match(/.{1,4}/gu) ?? [];
    return { text, groups, length, bits, strength: describeStrength(bits) };
  }
}
