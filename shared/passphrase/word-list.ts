/**
 * The word list behind the passphrases: parsing and checking it, and writing words without umlauts.
 *
 * Pure functions on text, so that the renderer (which gets the file through Vite's `?raw` import, see
 * bundled-word-list.ts) and Node tests (which read the file) use the same code.
 */

/** Words in the bundled list `assets/wordlists/de-7776-v1.txt` (dys2p/wordlists-de): 6^5, one per five dice. */
export const WORD_LIST_SIZE = 7776;

export class WordListError extends Error {
  override name = 'WordListError';
}

/**
 * Splits a word list file into its words and checks it: one word per line (LF or CRLF, a final newline allowed),
 * every word made of letters only (no spaces, tabs, digits, hyphens, so a dice-numbered "11111<TAB>aalen" file is
 * refused rather than misread), no word twice, and exactly `expectedSize` words, because the strength shown to the
 * user is computed from the list size.
 */
export function parseWordList(text: string, expectedSize: number = WORD_LIST_SIZE): string[] {
  const body = text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
  const words = body.split(/\r?\n/u);
  const seen = new Set<string>();
  words.forEach((word, index) => {
    const line = index + 1;
    if (word.length === 0) throw new WordListError(`line ${line} is empty`);
    if (!/^\p{L}+$/u.test(word)) throw new WordListError(`line ${line} is not a single word of letters: ${JSON.stringify(word)}`);
    if (seen.has(word)) throw new WordListError(`line ${line} repeats the word ${JSON.stringify(word)}`);
    seen.add(word);
  });
  if (words.length !== expectedSize) throw new WordListError(`expected ${expectedSize} words, found ${words.length}`);
  return words;
}

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' };

/**
 * "ohne Umlaute": ä → ae, ö → oe, ü → ue (capitals alike), ß → ss, for systems that do not accept them (BSI
 * "Sichere Passwörter erstellen" advises avoiding ä, ö, ü, ß, see shared/research/credential-areas.md § 1.2).
 * Applied only to generated passphrases, never to the app's own texts. Expects NFC text (the list is NFC).
 */
export function transcribeUmlauts(text: string): string {
  return text.replace(/[äöüÄÖÜßẞ]/gu, (c) => UMLAUTS[c] ?? c);
}

/** Whether a text contains a character that `transcribeUmlauts` would replace. */
export function hasUmlauts(text: string): boolean {
  return /[äöüÄÖÜßẞ]/u.test(text);
}
