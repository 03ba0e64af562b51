import { use } from 'react';
import i18next, { type i18n } from 'i18next';
import { useTranslation } from './i18n-react';
import type { InitOptions } from 'i18next';
import type { RendererPart } from '../../shared/i18n/parts';
import { loadTexts, type Texts } from './texts';
import type { Language } from '../../shared/state/settings';

const options = (language: Language, texts: Texts): InitOptions => ({
  lng: language,
  fallbackLng: false,
  supportedLngs: ['de', 'en'],
  resources: { [language]: { translation: texts } },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** A promise React's `use` reads at once when it has already settled (its status is set on it, as React expects). */
type Tracked = Promise<void> & { status?: 'fulfilled' | 'rejected'; reason?: unknown };

interface PartState {
  /** The parts this instance has shown: a language switch loads all of them in the new language first. */
  used: Set<RendererPart>;
  /** The language last asked for: a switch that finishes loading after a newer one was asked for gives way. */
  wanted?: Language;
  /** `language/part` → its loading (or loaded) promise. */
  loads: Map<string, Tracked>;
}
/** Kept on the instance itself: every copy of this module (tests may load it more than once) sees the same. */
const PARTS = Symbol.for('passwort-lotse.textParts');

function stateOf(instance: i18n): PartState {
  const holder = instance as i18n & { [PARTS]?: PartState };
  holder[PARTS] ??= { used: new Set(), loads: new Map() };
  return holder[PARTS];
}

function settled(): Tracked {
  const done: Tracked = Promise.resolve();
  done.status = 'fulfilled';
  return done;
}

/**
 * A renderer i18next instance for `language`, with `texts` loaded: the given parts of that language's texts (the
 * start passes the first screen's part; tests pass the whole dictionary, so every part).
 */
export function createRendererI18n(
  language: Language,
  texts: Texts,
  loaded: readonly RendererPart[] = Object.keys(loadTexts[language]) as RendererPart[],
): i18n {
  const instance = i18next.createInstance();
  void instance.init(options(language, texts));
  const state = stateOf(instance);
  for (const part of loaded) {
    state.used.add(part);
    state.loads.set(`${language}/${part}`, settled());
  }
  return instance;
}

/** Load one part of a language's texts into the instance, once. */
export function loadPart(instance: i18n, language: Language, part: RendererPart): Tracked {
  const state = stateOf(instance);
  state.used.add(part);
  const key = `${language}/${part}`;
  const known = state.loads.get(key);
  if (known && known.status !== 'rejected') return known;
  const loading: Tracked = loadTexts[language][part]().then((texts) => {
    instance.addResourceBundle(language, 'translation', texts, true, true);
  });
  loading.then(
    () => (loading.status = 'fulfilled'),
    (reason: unknown) => {
      loading.status = 'rejected';
      loading.reason = reason;
    },
  );
  state.loads.set(key, loading);
  return loading;
}

/**
 * The text parts a screen shows, in the language shown: suspends (to the nearest Suspense) until they are loaded.
 * A part already loaded costs nothing.
 */
export function useTexts(...wanted: RendererPart[]): void {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  for (const part of wanted) use<void>(loadPart(i18n, language, part) as Promise<void>);
}

/** Load, in `language`, every text part shown so far (once each), and switch to it. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  const state = stateOf(instance);
  state.wanted = language;
  await Promise.all([...state.used].map((part) => loadPart(instance, language, part)));
  if (state.wanted !== language) return;
  if (instance.language !== language) await instance.changeLanguage(language);
}
