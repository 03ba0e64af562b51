import { describe, expect, it, vi } from 'vitest';
import { CHARACTER_CLASSES, characterPasswordBits, countCharacterPasswords, generateCharacterPassword } from './characters';
import type { FillRandom } from './random';
import { meetsWindowsComplexity } from './windows';

const cryptoFill: FillRandom = (target) => crypto.getRandomValues(target);
const sizes = [22, 22, 8];

// Statistical tests draw hundreds of thousands of values; on a busy machine they need more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

describe('character passwords (for short maximum lengths)', () => {
  it.each([3, 4])('counts the strings of length %i with all three classes exactly (brute force over class sequences)', (length) => {
    let count = 0;
    for (let code = 0; code < 3 ** length; code += 1) {
      const classes = Array.from({ length }, (_, k) => Math.floor(code / 3 ** k) % 3);
      if (new Set(classes).size === 3) count += classes.reduce((product, c) => product * (sizes[c] as number), 1);
    }
    expect(countCharacterPasswords(length)).toBe(BigInt(count));
  });

  it('bits: 12 characters ≈ 67.2 (below the 68.4 of 52^12, because all classes must appear)', () => {
    expect(characterPasswordBits(12)).toBeLessThan(12 * Math.log2(52));
    expect(characterPasswordBits(12)).toBeGreaterThan(67);
    expect(characterPasswordBits(64)).toBeCloseTo(64 * Math.log2(52), 2);
  });

  it('10,000 passwords of 12: length, all classes, no look-alikes (0 O o 1 l I) nor y/z, Windows complexity, groups of four', () => {
    const alphabet = new Set([...Object.values(CHARACTER_CLASSES).join('')]);
    for (const c of '0Oo1lIyzYZ') expect(alphabet.has(c)).toBe(false);
    for (let i = 0; i < 10_000; i += 1) {
      const password = generateCharacterPassword(12, cryptoFill);
      expect(password.text).toHaveLength(12);
      expect(password.text).toMatch(/[a-x]/u);
      expect(password.text).toMatch(/[A-X]/u);
      expect(password.text).toMatch(/[2-9]/u);
      expect([...password.text].every((c) => alphabet.has(c))).toBe(true);
      expect(meetsWindowsComplexity(password.text)).toBe(true);
      expect(password.groups.join('')).toBe(password.text);
      expect(password.groups).toHaveLength(3);
    }
  });
});
