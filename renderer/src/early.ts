import type { Language } from '../../shared/state/settings';
import { getApi } from './api';

const LANGUAGE_HINT = 'passwort-lotse.language';

/**
 * Evaluated before any other module of the start chunk (main.tsx imports it first): main's state is asked for
 * while React, i18next and the app's modules are still being set up, not after.
 */
export const earlyState = getApi()
  .getState()
  .catch(() => undefined);

/** The language last shown on this PC: the guess for which texts to load before main's state is there. */
export const languageGuess: Language = localStorage.getItem(LANGUAGE_HINT) === 'en' ? 'en' : 'de';

export function rememberLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_HINT, language);
}
