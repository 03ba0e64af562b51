import type { Language } from '../../shared/state/settings';
import { getApi } from './api';
import { render } from './start';
import { loadTexts } from './texts';

const LANGUAGE_HINT = 'passwort-lotse.language';

/**
 * The start: one chunk with the app's frame, the Übersicht and its German texts (German is the app's first
 * language). Main's state is asked for first thing; the English texts of the first screen, when the language last
 * shown on this PC was English (the guess; a wrong guess costs one more load, never a wrong language), at the same
 * time. Then the first screen renders in the language the person chose.
 */
async function start() {
  const state = getApi()
    .getState()
    .catch(() => undefined);
  const guess: Language = localStorage.getItem(LANGUAGE_HINT) === 'en' ? 'en' : 'de';
  const guessed = loadTexts[guess].start();
  const first = await state;
  const language = first?.ok ? first.value.settings.language : guess;
  localStorage.setItem(LANGUAGE_HINT, language);
  const texts = await (language === guess ? guessed : loadTexts[language].start());
  render(language, texts, first?.ok ? first.value : undefined);
}

void start();
