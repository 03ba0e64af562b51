/**
 * PIN suggestions for card terminals (Admin-PIN) and similar digit-only secrets.
 *
 * Rule source: shared/research/advisory-facts.md, "TI-Konnektor and card terminals": "ORGA 6141 online: Admin-PIN
 * via "Service" → "PIN ändern"; avoid repeated/ascending digits, dates, staff numbers. ORGA 930 M online: 8-digit
 * Admin-PIN, 3 wrong tries lock for 24 h."
 *
 * How we read "repeated/ascending digits, dates" (staff numbers cannot be checked: the practice's are unknown to us,
 * and a random PIN is no more likely to be one than any other number). A PIN is refused when it contains
 *   1. the same digit twice in a row ("44"), which also rules out "all the same digit";
 *   2. a pair repeated at once ("4545");
 *   3. three digits counting up or down by one ("345", "876"; no wrap-around, so "890" passes);
 *   4. four digits that read as a date part: day+month (DDMM) or month+day (MMDD), days 01–31 and months 01–12 with
 *      the month's real length (29.02 allowed), or a year 1900–2099.
 * Rule 4 on every window of four digits catches the whole dates DDMMYYYY, DDMMYY, YYYYMMDD, YYMMDD and MMDDYYYY,
 * because each contains DDMM or MMDD. Not caught: month+two-digit-year alone ("1299"); refusing every MMYY would
 * refuse one four-digit window in eight.
 *
 * All four rules look at no more than four digits in a row, so the number of allowed PINs of a length is counted
 * exactly by a walk over the last three digits (countAllowedPins); the tests check it against brute force. A PIN
 * is drawn by rejection sampling over uniform digits, so every allowed PIN is equally likely and the bits are
 * log2(allowed PINs): 27,471,015 allowed 8-digit PINs, 24.7 bits (counted, not assumed; log2(10^8) would be 26.6).
 */
import { randomDraws, type FillRandom } from './random';

export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 12;
export const DEFAULT_PIN_LENGTH = 8;

export type PinProblem = 'repeated-digit' | 'repeated-pair' | 'run' | 'date';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDayMonth(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] as number);
}

/** Whether four digits read as DDMM, MMDD or a year 1900–2099. */
function isDateWindow(a: number, b: number, c: number, d: number): boolean {
  const first = a * 10 + b;
  const second = c * 10 + d;
  if (isDayMonth(first, second) || isDayMonth(second, first)) return true;
  const year = first * 100 + second;
  return year >= 1900 && year <= 2099;
}

/** The problems of the digits ending at position i, looking back at most three digits (shared with the counter). */
function problemsEndingAt(digits: readonly number[], i: number): PinProblem[] {
  const problems: PinProblem[] = [];
  const d = digits[i] as number;
  const c = digits[i - 1];
  const b = digits[i - 2];
  const a = digits[i - 3];
  if (c !== undefined && c === d) problems.push('repeated-digit');
  if (b !== undefined && c !== undefined && ((b + 1 === c && c + 1 === d) || (b - 1 === c && c - 1 === d))) problems.push('run');
  if (a !== undefined && b !== undefined && c !== undefined) {
    if (a === c && b === d) problems.push('repeated-pair');
    if (isDateWindow(a, b, c, d)) problems.push('date');
  }
  return problems;
}

/** What is wrong with a PIN under the rules above; empty when it is fine. Non-digits are not the PIN's business here. */
export function pinProblems(pin: string): PinProblem[] {
  if (!/^\d+$/u.test(pin)) throw new RangeError('a PIN is made of digits only');
  const digits = [...pin].map(Number);
  const found = new Set<PinProblem>();
  for (let i = 0; i < digits.length; i += 1) for (const problem of problemsEndingAt(digits, i)) found.add(problem);
  return [...found];
}

function checkLength(length: number): void {
  if (!Number.isInteger(length) || length < MIN_PIN_LENGTH || length > MAX_PIN_LENGTH)
    throw new RangeError(`PIN length must be ${MIN_PIN_LENGTH} to ${MAX_PIN_LENGTH}, got ${length}`);
}

const countCache = new Map<number, number>();

/**
 * The exact number of PINs of this length that pass pinProblems, by dynamic programming over the last three
 * digits (state = the suffix of up to three digits; 1,110 states, 10 digits per step). At most 10^12, exact in a double.
 */
export function countAllowedPins(length: number): number {
  checkLength(length);
  const cached = countCache.get(length);
  if (cached !== undefined) return cached;
  // Key: the last min(i, 3) digits as a string.
  let states = new Map<string, number>([['', 1]]);
  for (let i = 0; i < length; i += 1) {
    const next = new Map<string, number>();
    for (const [suffix, count] of states) {
      const prefix = [...suffix].map(Number);
      for (let d = 0; d <= 9; d += 1) {
        const digits = [...prefix, d];
        if (problemsEndingAt(digits, digits.length - 1).length > 0) continue;
        const key = digits.slice(-3).join('');
        next.set(key, (next.get(key) ?? 0) + count);
      }
    }
    states = next;
  }
  const total = [...states.values()].reduce((sum, count) => sum + count, 0);
  countCache.set(length, total);
  return total;
}

export interface Pin {
  pin: string;
  /** log2 of the number of allowed PINs of this length: the honest strength of a PIN drawn uniformly from them. */
  bits: number;
  length: number;
}

/** A random PIN of `length` digits (default 8) that passes pinProblems, every such PIN equally likely. */
export function generatePin(fill: FillRandom, length: number = DEFAULT_PIN_LENGTH): Pin {
  checkLength(length);
  const random = randomDraws(fill);
  for (;;) {
    const pin = Array.from({ length }, () => random.below(10)).join('');
    if (pinProblems(pin).length === 0) return { pin, bits: Math.log2(countAllowedPins(length)), length };
  }
}
