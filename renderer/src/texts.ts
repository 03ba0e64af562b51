import deStart from 'virtual:texts/de/start';
import type { RendererPart } from '../../shared/i18n/parts';
import type { Language } from '../../shared/state/settings';

/** Some of one language's UI texts, nested as in shared/i18n/de.ts. */
export type Texts = Record<string, unknown>;

const texts = (module: { default: Texts }) => module.default;

/**
 * Each part of each language's UI texts in a chunk of its own (shared/i18n/parts.ts): a screen loads the parts it
 * shows, in the language shown; the other language's come when the person switches. No i18next here. The German
 * texts of the first screen are in the first chunk itself (German is the app's first language).
 */
export const loadTexts: Record<Language, Record<RendererPart, () => Promise<Texts>>> = {
  de: {
    // In the first chunk: German is the app's first language.
    start: () => Promise.resolve(deStart),
    exchangeImport: () => import('virtual:texts/de/exchangeImport').then(texts),
    notices: () => import('virtual:texts/de/notices').then(texts),
    tasks: () => import('virtual:texts/de/tasks').then(texts),
    guide: () => import('virtual:texts/de/guide').then(texts),
    protocol: () => import('virtual:texts/de/protocol').then(texts),
    setup: () => import('virtual:texts/de/setup').then(texts),
    settings: () => import('virtual:texts/de/settings').then(texts),
    incident: () => import('virtual:texts/de/incident').then(texts),
    passphrase: () => import('virtual:texts/de/passphrase').then(texts),
  },
  en: {
    start: () => import('virtual:texts/en/start').then(texts),
    exchangeImport: () => import('virtual:texts/en/exchangeImport').then(texts),
    notices: () => import('virtual:texts/en/notices').then(texts),
    tasks: () => import('virtual:texts/en/tasks').then(texts),
    guide: () => import('virtual:texts/en/guide').then(texts),
    protocol: () => import('virtual:texts/en/protocol').then(texts),
    setup: () => import('virtual:texts/en/setup').then(texts),
    settings: () => import('virtual:texts/en/settings').then(texts),
    incident: () => import('virtual:texts/en/incident').then(texts),
    passphrase: () => import('virtual:texts/en/passphrase').then(texts),
  },
};
