import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions } from '../../shared/i18n/resources';
import type { Language } from '../../shared/state/settings';

/** One i18next instance for the renderer, started in German until main's snapshot says otherwise. */
export function createRendererI18n(language: Language = 'de'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init(i18nOptions(language));
  return instance;
}
