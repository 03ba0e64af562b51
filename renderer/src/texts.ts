import type { Resources } from '../../shared/i18n/de';
import type { Language } from '../../shared/state/settings';

/**
 * The UI texts of one language, each in a chunk of its own: the first screen loads only the language it shows,
 * the other one comes when the person switches. No i18next here, so the start can ask for them first thing.
 */
export const loadTexts: Record<Language, () => Promise<Resources>> = {
  de: () => import('../../shared/i18n/de').then((module) => module.de),
  en: () => import('../../shared/i18n/en').then((module) => module.en),
};
