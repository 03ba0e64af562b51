import { act, render, screen } from '@testing-library/react';
import { memo } from 'react';
import { describe, expect, it } from 'vitest';
import { de } from '../../shared/i18n/de';
import { en } from '../../shared/i18n/en';
import { createRendererI18n, switchLanguage } from './i18n';
import { I18nProvider, useTranslation } from './i18n-react';

let renders = 0;
/** Memoised, with no props: only the hook's own subscription can make it show the new language. */
const Title = memo(function Title() {
  const { t, i18n } = useTranslation();
  renders += 1;
  return (
    <h1 lang={i18n.language}>
      {t('nav.overview')} · {t('nav.settings')}
    </h1>
  );
});

describe('the renderer binding of i18next', () => {
  it('shows the texts of the instance, and a language switch re-renders even a memoised component', async () => {
    const instance = createRendererI18n('de', de);
    render(
      <I18nProvider i18n={instance}>
        <Title />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe(`${de.nav.overview} · ${de.nav.settings}`);
    const before = renders;
    await act(() => switchLanguage(instance, 'en'));
    expect(screen.getByRole('heading').textContent).toBe(`${en.nav.overview} · ${en.nav.settings}`);
    expect(screen.getByRole('heading').getAttribute('lang')).toBe('en');
    expect(renders).toBeGreaterThan(before);
  });

  it('stops listening when the component goes', () => {
    const instance = createRendererI18n('de', de);
    const listeners = () =>
      (instance as unknown as { observers: Record<string, Map<unknown, number>> }).observers.languageChanged?.size ?? 0;
    const { unmount } = render(
      <I18nProvider i18n={instance}>
        <Title />
      </I18nProvider>,
    );
    expect(listeners()).toBeGreaterThan(0);
    unmount();
    expect(listeners()).toBe(0);
  });

  it('refuses to run without a provider (a missing provider is a mistake, not an empty text)', () => {
    expect(() => render(<Title />)).toThrow(/I18nProvider/);
  });

  it('a switch that finishes loading after a newer one was asked for gives way to it', async () => {
    const instance = createRendererI18n('de', de);
    // English still has to load its parts; German is there: the way back finishes first.
    const toEnglish = switchLanguage(instance, 'en');
    await switchLanguage(instance, 'de');
    await toEnglish;
    expect(instance.language).toBe('de');
  });
});
