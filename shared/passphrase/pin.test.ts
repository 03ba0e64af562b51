import { describe, expect, it, vi } from 'vitest';
import { countAllowedPins, generatePin, pinProblems } from './pin';
import type { FillRandom } from './random';
import { chiSquareUniform } from './testing/statistics';

const cryptoFill: FillRandom = (target) => crypto.getRandomValues(target);

/** An independent, naive check for whole dates inside a PIN, written without the rules in pin.ts. */
function containsWholeDate(pin: string): boolean {
  const valid = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && day <= new Date(2000, month, 0).getDate();
  for (let i = 0; i + 6 <= pin.length; i += 1) {
    const s = pin.slice(i);
    const n = (from: number, len: number) => Number(s.slice(from, from + len));
    if (valid(n(0, 2), n(2, 2))) return true; // DDMMYY / DDMMYYYY
    if (valid(n(2, 2), n(0, 2))) return true; // MMDDYY / MMDDYYYY
    if (valid(n(4, 2), n(2, 2))) return true; // YYMMDD
    if (s.length >= 8 && n(0, 4) >= 1900 && n(0, 4) <= 2099 && valid(n(6, 2), n(4, 2))) return true; // YYYYMMDD
  }
  return false;
}

// Statistical tests draw hundreds of thousands of values; on a busy machine they need more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

describe('pinProblems (ORGA 6141 online: avoid repeated and ascending digits, dates)', () => {
  it.each([
    ['11111111', 'repeated-digit'],
    ['58832694', 'repeated-digit'],
    ['12345678', 'run'],
    ['86543927', 'run'],
    ['47473829', 'repeated-pair'],
    ['24121987', 'date'],
    ['31129968', 'date'],
    ['19870512', 'date'],
    ['05234968', 'date'],
    ['69472058', 'date'],
  ] as const)('%s: %s', (pin, problem) => {
    expect(pinProblems(pin)).toContain(problem);
  });

  it('lets through PINs without those patterns ("890" is not a run: no wrap-around)', () => {
    expect(pinProblems('58394726')).toEqual([]);
    expect(pinProblems('89047396')).toEqual([]);
  });

  it('refuses non-digits', () => {
    expect(() => pinProblems('1234a678')).toThrow(RangeError);
  });
});

describe('countAllowedPins', () => {
  it.each([4, 5])('matches brute force over all 10^%i PINs', (length) => {
    let allowed = 0;
    for (let i = 0; i < 10 ** length; i += 1) if (pinProblems(String(i).padStart(length, '0')).length === 0) allowed += 1;
    expect(countAllowedPins(length)).toBe(allowed);
  });

  it('gives the honest strength of an 8-digit PIN', () => {
    const count = countAllowedPins(8);
    expect(count).toBe(27_471_015);
    expect(Math.log2(count)).toBeCloseTo(24.71, 2);
    expect(generatePin(cryptoFill).bits).toBeCloseTo(Math.log2(count), 10);
    expect(Math.log2(count)).toBeLessThan(Math.log2(1e8));
  });

  it('refuses lengths outside 4–12', () => {
    expect(() => countAllowedPins(3)).toThrow(RangeError);
    expect(() => generatePin(cryptoFill, 13)).toThrow(RangeError);
  });
});

describe('generatePin', () => {
  it('10,000 eight-digit PINs: 8 digits, no repeats, no runs, no repeated pairs, no date (also by an independent date check)', () => {
    for (let i = 0; i < 10_000; i += 1) {
      const { pin, length } = generatePin(cryptoFill);
      expect(length).toBe(8);
      expect(pin).toMatch(/^\d{8}$/u);
      expect(pin).not.toMatch(/(\d)\1/u);
      expect(pinProblems(pin)).toEqual([]);
      expect(containsWholeDate(pin)).toBe(false);
      for (let k = 0; k + 3 <= 8; k += 1) {
        const [a, b, c] = [...pin.slice(k, k + 3)].map(Number) as [number, number, number];
        expect(b - a === 1 && c - b === 1).toBe(false);
        expect(a - b === 1 && b - c === 1).toBe(false);
      }
    }
  });

  it('draws every allowed 4-digit PIN equally often (chi-square over all of them)', () => {
    const allowed = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0')).filter((pin) => pinProblems(pin).length === 0);
    const index = new Map(allowed.map((pin, i) => [pin, i]));
    const counts = new Uint32Array(allowed.length);
    for (let i = 0; i < allowed.length * 10; i += 1) {
      const at = index.get(generatePin(cryptoFill, 4).pin) as number;
      counts[at] = (counts[at] as number) + 1;
    }
    expect(chiSquareUniform(counts).p).toBeGreaterThan(0.001);
  }, 30_000);
});
