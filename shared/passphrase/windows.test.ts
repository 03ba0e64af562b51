import { describe, expect, it } from 'vitest';
import { containsWindowsAccountName, meetsWindowsComplexity, windowsCategories } from './windows';

describe('Windows complexity (Microsoft, "Password must meet complexity requirements")', () => {
  it('needs three of the categories; the space is not a special character', () => {
    expect(meetsWindowsComplexity('baum-haus-hund')).toBe(false);
    expect(meetsWindowsComplexity('Baum-Haus-Hund')).toBe(true);
    expect(meetsWindowsComplexity('Baum Haus Hund')).toBe(false);
    expect(meetsWindowsComplexity('Baum Haus Hund7')).toBe(true);
    expect([...windowsCategories('Ä ß 1 € ~')].sort()).toEqual(['digit', 'lower', 'special', 'upper']);
  });

  it('refuses the account name (3+ characters) and display-name tokens of 3+ characters, ignoring case', () => {
    expect(containsWindowsAccountName('Empfang-Baum7', { accountName: 'empfang' })).toBe(true);
    expect(containsWindowsAccountName('Baum-Haus7', { accountName: 'ba' })).toBe(false);
    expect(containsWindowsAccountName('Hagens-Baum7', { displayName: 'Erin M. Hagens' })).toBe(true);
    expect(containsWindowsAccountName('Mast-Baum7', { displayName: 'Erin M. Hagens' })).toBe(false);
    expect(meetsWindowsComplexity('Erin-Baum7', { displayName: 'Erin M. Hagens' })).toBe(false);
  });
});
