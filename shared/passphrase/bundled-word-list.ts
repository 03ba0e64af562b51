/**
 * The bundled German word list (assets/wordlists/de-7776-v1.txt, dys2p/wordlists-de, CC0; see
 * assets/wordlists/SOURCE.md), put into the build by Vite's `?raw` import, so that no file is read at run time.
 * Parsed and checked on first use; a broken list throws instead of giving weaker passphrases than shown.
 */
import text from '../../assets/wordlists/de-7776-v1.txt?raw';
import { parseWordList } from './word-list';

let words: readonly string[] | undefined;

export function germanWordList(): readonly string[] {
  words ??= Object.freeze(parseWordList(text));
  return words;
}
