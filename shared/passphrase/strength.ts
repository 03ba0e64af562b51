/**
 * Strength in plain words, from the entropy in bits of a generated secret (the log2 of how many equally likely
 * results the generator could have given). The UI turns the key into words later; the thresholds live here.
 *
 * Assumed attacker (the reason for this app): password hashes stolen and guessed offline with fast hardware, taken
 * as 10^10 guesses per second, and knowing exactly how the passphrase was made (word list, number of words,
 * separator). Time to try half of all possibilities at that rate:
 *   40 bits ≈ 1 minute · 50 bits ≈ 16 hours · 60 bits ≈ 2 years · 80 bits ≈ 2 million years.
 * So:
 *   weak         < 50 bits  — hours to days; not for a new password after a breach.
 *   good         50–60 bits — months (4 words: 51.7 bits).
 *   strong       60–80 bits — years to hundreds of thousands of years (5 words: 64.6, 6 words: 77.5 bits).
 *   very-strong ≥ 80 bits   — out of reach (7 words: 90.5 bits).
 * These are our own round numbers (an "Allgemeine Empfehlung" in the sense of the research sheet), not a BSI figure:
 * the BSI gives lengths and character classes, not bits (shared/research/credential-areas.md § 1.2).
 *
 * Not for PINs: a card terminal PIN is guarded by a lockout after a few wrong tries, not by its number of digits
 * alone, so pin.ts reports its bits without this scale.
 */
export type Strength = 'weak' | 'good' | 'strong' | 'very-strong';

export const STRENGTH_THRESHOLDS: Readonly<Record<Exclude<Strength, 'weak'>, number>> = {
  good: 50,
  strong: 60,
  'very-strong': 80,
};

export function describeStrength(bits: number): Strength {
  if (bits >= STRENGTH_THRESHOLDS['very-strong']) return 'very-strong';
  if (bits >= STRENGTH_THRESHOLDS.strong) return 'strong';
  if (bits >= STRENGTH_THRESHOLDS.good) return 'good';
  return 'weak';
}

/** Bits rounded down to one decimal, for display: never shows more strength than there is. */
export function displayBits(bits: number): number {
  return Math.floor(bits * 10 + 1e-9) / 10;
}
