import { getApi } from './api';

/**
 * Evaluated before any other module of the start chunk (main.tsx imports it first): main's state is asked for
 * while React, i18next and the app's modules are still being set up, not after.
 */
export const earlyState = getApi()
  .getState()
  .catch(() => undefined);

export { languageGuess, rememberLanguage } from './language-hint';
