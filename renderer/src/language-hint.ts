import type { Language } from '../../shared/state/settings';

const LANGUAGE_HINT = 'passwort-lotse.language';

/** What this PC's storage holds for the guess (null: nothing yet, or storage refused). */
let stored: string | null = (() => {
  try {
    return localStorage.getItem(LANGUAGE_HINT);
  } catch {
    // Storage refused (a damaged profile): German, the app's first language; the real language comes from main.
    return null;
  }
})();

/** The language last shown on this PC: the guess for which texts to load before main's state is there. */
export const languageGuess: Language = stored === 'en' ? 'en' : 'de';

/**
 * Keep the language shown for the next start's guess (written only when it differs from what is kept); a storage
 * that refuses costs only that guess.
 */
export function rememberLanguage(language: Language): void {
  if (stored === language) return;
  try {
    localStorage.setItem(LANGUAGE_HINT, language);
    stored = language;
  } catch {
    // Only the guess is lost.
  }
}
