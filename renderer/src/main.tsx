// First: main's state is asked for before the rest of the chunk's modules are evaluated.
import { earlyState, languageGuess, rememberLanguage } from './early';
import { render } from './start';
import { loadTexts } from './texts';

/**
 * The start: one chunk with the app's frame, the Übersicht and its German texts (German is the app's first
 * language). Main's state is asked for first thing (early.ts); the English texts of the first screen, when the
 * language last shown on this PC was English (the guess; a wrong guess costs one more load, never a wrong
 * language), at the same time. Then the first screen renders in the language the person chose.
 */
async function start() {
  const guessed = loadTexts[languageGuess].start();
  const first = await earlyState;
  const language = first?.ok ? first.value.settings.language : languageGuess;
  rememberLanguage(language);
  const texts = await (language === languageGuess ? guessed : loadTexts[language].start());
  render(language, texts, first?.ok ? first.value : undefined);
}

void start();
