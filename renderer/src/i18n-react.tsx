import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { i18n, TFunction } from 'i18next';

/**
 * The renderer's binding of i18next to React: a provider and `useTranslation`, nothing else. (react-i18next did
 * the same and much more the app never used — Trans, HOCs, SSR, namespaces — in 3.5 KiB gzip of the first
 * screen's JavaScript.) A component re-renders when the language changes; text parts are loaded before a screen
 * shows (useTexts suspends), so no re-render is needed when resources are added.
 */
const I18nContext = createContext<i18n | null>(null);

export function I18nProvider({ i18n: instance, children }: { i18n: i18n; children: ReactNode }) {
  return <I18nContext value={instance}>{children}</I18nContext>;
}

const subscribers = new WeakMap<i18n, (onChange: () => void) => () => void>();

/** One subscribe function per instance (a stable identity, so React does not resubscribe on every render). */
function subscribeTo(instance: i18n): (onChange: () => void) => () => void {
  let subscribe = subscribers.get(instance);
  if (!subscribe) {
    subscribe = (onChange) => {
      instance.on('languageChanged', onChange);
      return () => instance.off('languageChanged', onChange);
    };
    subscribers.set(instance, subscribe);
  }
  return subscribe;
}

/** `t` for the current language (a new function after a language switch) and the instance. */
export function useTranslation(): { t: TFunction; i18n: i18n } {
  const instance = useContext(I18nContext);
  if (!instance) throw new Error('useTranslation needs an I18nProvider above it');
  const language = useSyncExternalStore(subscribeTo(instance), () => instance.language);
  const t = useMemo(() => instance.getFixedT(language), [instance, language]);
  return { t, i18n: instance };
}
