import type { InitOptions } from 'i18next';
import type { Language } from '../state/settings';
import { de } from './de';
import { en } from './en';

export const resources = {
  de: { translation: de },
  en: { translation: en },
} as const;

/** The i18next options both main and renderer start from, so they speak from the same resources. */
export function i18nOptions(lng: Language): InitOptions {
  return {
    lng,
    fallbackLng: false,
    supportedLngs: ['de', 'en'],
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  };
}
