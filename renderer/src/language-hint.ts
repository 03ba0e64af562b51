import type { Language } from '../../shared/state/settings';

const LANGUAGE_HINT = 'passwort-lotse.language';

/** The language last shown on this PC: the guess for which texts to load before main's state is there. */
export const languageGuess: Language = (() => {
  try {
    return localStorage.getItem(LANGUAGE_HINT) === 'en' ? 'en' : 'de';
  } catch {
    // Storage refused (a damaged profile): German, the app's first language; the real language comes from main.
    return 'de';
  }
})();

/** Keep the language shown for the next start's guess; a storage that refuses costs only that guess. */
export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_HINT, language);
  } catch {
    // Only the guess is lost.
  }
}
