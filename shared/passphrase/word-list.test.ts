import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { germanWordList } from './bundled-word-list';
import { hasUmlauts, parseWordList, transcribeUmlauts, WORD_LIST_SIZE, WordListError } from './word-list';

const file = fileURLToPath(new URL('../../assets/wordlists/de-7776-v1.txt', import.meta.url));
const text = readFileSync(file, 'utf8');

describe('the bundled word list assets/wordlists/de-7776-v1.txt', () => {
  it('is the upstream file unchanged (SHA-256 as noted in assets/wordlists/SOURCE.md)', () => {
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(hash).toBe('440fa02c65591328d6351435d3824c27b483a049f4eca0b13456d8c5090442e7');
    const source = readFileSync(fileURLToPath(new URL('../../assets/wordlists/SOURCE.md', import.meta.url)), 'utf8');
    expect(source).toContain(hash);
  });

  it('has 7,776 different words, one per LF-ended line, lowercase a–z only, 5 to 19 letters', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    const words = parseWordList(text);
    expect(words).toHaveLength(WORD_LIST_SIZE);
    expect(new Set(words).size).toBe(7776);
    expect(words.every((word) => /^[a-z]+$/u.test(word))).toBe(true);
    expect(words.some(hasUmlauts)).toBe(false);
    const lengths = words.map((word) => word.length);
    expect(Math.min(...lengths)).toBe(5);
    expect(Math.max(...lengths)).toBe(19);
  });

  it('is what the ?raw import bundles', () => {
    expect(germanWordList()).toEqual(parseWordList(text));
    expect(Object.isFrozen(germanWordList())).toBe(true);
  });

  it('has no word that is the first part of another word followed by a separator-free join (checked: none is needed, words are separated)', () => {
    // The separator is never a letter, so a passphrase splits back into its words; this documents that words differ
    // from the 5th letter on (upstream README), which keeps words apart when read aloud.
    const prefixes = new Set(parseWordList(text).map((word) => word.slice(0, 5)));
    expect(prefixes.size).toBeGreaterThan(7000);
  });
});

describe('parseWordList', () => {
  const list = (n: number) =>
    Array.from({ length: n }, (_, i) => `wort${String.fromCharCode(97 + (i % 26))}${'x'.repeat(Math.floor(i / 26))}`);

  it('accepts LF and CRLF, with or without a final newline', () => {
    const words = ['aber', 'baum', 'chor'];
    for (const text of ['aber\nbaum\nchor', 'aber\nbaum\nchor\n', 'aber\r\nbaum\r\nchor\r\n'])
      expect(parseWordList(text, 3)).toEqual(words);
  });

  it('refuses empty lines, repeated words, dice-numbered lines, spaces, digits and a wrong count', () => {
    expect(() => parseWordList('aber\n\nchor', 3)).toThrow(/line 2 is empty/u);
    expect(() => parseWordList('aber\nbaum\naber', 3)).toThrow(/repeats/u);
    expect(() => parseWordList('11111\taalen\n11112\tabarbeiten', 2)).toThrow(WordListError);
    expect(() => parseWordList('gut haus\nbaum', 2)).toThrow(WordListError);
    expect(() => parseWordList('haus2\nbaum', 2)).toThrow(WordListError);
    expect(() => parseWordList(list(7775).join('\n'))).toThrow(/expected 7776 words, found 7775/u);
    expect(parseWordList(list(7776).join('\n'))).toHaveLength(7776);
  });

  it('accepts umlauts and ß as letters (for other lists)', () => {
    expect(parseWordList('müde\nstraße', 2)).toEqual(['müde', 'straße']);
  });
});

describe('transcribeUmlauts ("ohne Umlaute")', () => {
  it('writes ä ö ü ß as ae oe ue ss, capitals alike, and leaves the rest', () => {
    expect(transcribeUmlauts('Ärger-öde-über-Straße-ÖL-Übel-GROẞ')).toBe('Aerger-oede-ueber-Strasse-OeL-Uebel-GROSS');
    expect(transcribeUmlauts('baum')).toBe('baum');
    expect(hasUmlauts(transcribeUmlauts('äöüÄÖÜßẞ'))).toBe(false);
  });
});
