import type { Language } from '../../shared/state/settings';
import { getApi } from './api';
import { loadTexts } from './texts';

const LANGUAGE_HINT = 'passwort-lotse.language';

/**
 * The start, kept tiny so it runs at once: main's state, the texts of the language last shown on this PC (the
 * guess; a wrong guess costs one more load, never a wrong language) and the app's code are all fetched at the same
 * time; then the first screen renders in the language the person chose, with only that language's texts loaded.
 */
async function start() {
  const guess: Language = localStorage.getItem(LANGUAGE_HINT) === 'en' ? 'en' : 'de';
  const state = getApi()
    .getState()
    .catch(() => undefined);
  const guessed = loadTexts[guess]();
  const app = import('./start');
  const first = await state;
  const language = first?.ok ? first.value.settings.language : guess;
  localStorage.setItem(LANGUAGE_HINT, language);
  const texts = language === guess ? await guessed : await loadTexts[language]();
  (await app).render(language, texts, first?.ok ? first.value : undefined);
}

void start();
