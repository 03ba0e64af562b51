import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { InitOptions } from 'i18next';
import type { Resources } from '../../shared/i18n/de';
import { loadTexts } from './texts';
import type { Language } from '../../shared/state/settings';

const options = (language: Language, texts: Resources): InitOptions => ({
  lng: language,
  fallbackLng: false,
  supportedLngs: ['de', 'en'],
  resources: { [language]: { translation: texts } },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** A renderer i18next instance for `language`, with exactly these texts loaded (tests pass them in directly). */
export function createRendererI18n(language: Language, texts: Resources): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init(options(language, texts));
  return instance;
}

/** Load a language's texts (once) and switch to it. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation'))
    instance.addResourceBundle(language, 'translation', await loadTexts[language]());
  if (instance.language !== language) await instance.changeLanguage(language);
}
