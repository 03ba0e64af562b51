import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Guide, LocalText, Pack } from '../../../../shared/advisory/pack-schema';
import { defaultProfile } from '../../../../shared/domain/profile';
import type { Language } from '../../../../shared/state/settings';
import { App } from '../../app/app';
import { bundledTestPack, createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

/**
 * The x.comfort guide with texts of this test's own, so what is checked here does not depend on the English the
 * bundled pack carries. `germanOnlyStep` leaves that one step's text without English.
 */
function packWithOwnGuide({ germanOnlyStep }: { germanOnlyStep?: string } = {}): Pack {
  const pack = bundledTestPack();
  const index = pack.guides.findIndex((g) => g.id === 'pvs-x.comfort');
  const stepText = (id: string, text: LocalText): LocalText => (id === germanOnlyStep ? { de: text.de } : text);
  const guide: Guide = {
    ...pack.guides[index]!,
    title: { de: 'Passwörter in x.comfort ändern', en: 'Changing the passwords in x.comfort' },
    vendorDocument: {
      de: '„Passwortänderung in der Praxissoftware“ für x.comfort, Version 1.1 vom 09.11.2021',
      en: '“Password change in the practice software” for x.comfort, version 1.1 of 09.11.2021',
    },
    steps: [
      {
        id: 'admin-first',
        text: stepText('admin-first', {
          de: 'Ändern Sie **zuerst** das Administrator-Passwort.',
          en: 'Change the administrator password **first**.',
        }),
        source: { de: 'Allgemeine Empfehlung (Passwort-Lotse)', en: 'General advice (Passwort-Lotse)' },
        warning: { de: 'Danach meldet sich die Praxissoftware neu an.', en: 'The practice software then signs in again.' },
      },
      {
        id: 'every-user',
        text: stepText('every-user', { de: 'Ändern Sie danach die Passwörter aller Benutzer.', en: 'Then change every user’s password.' }),
        source: { de: 'Kurzanleitung des Herstellers', en: 'The vendor’s short guide' },
      },
    ],
    changelog: [{ version: '1.1', date: '2021-11-09', note: { de: 'Zweite Fassung.', en: 'Second version.' }, redoRequired: false }],
  };
  pack.guides[index] = guide;
  return pack;
}

const GERMAN_ONLY = /available in German only/;

/** The app in `language` with an x.comfort practice, opened at that guide; returns the guide's article. */
async function openComfortGuide(pack: Pack, language: Language) {
  renderWithApi(
    <App />,
    createFakeApi({
      pack,
      state: {
        settings: { practiceName: 'Praxis Süd', userName: 'SY', language },
        profile: { ...defaultProfile(), completed: true, products: ['x.comfort'], connector: 'no' },
      },
    }),
  );
  const [tasks, task] = language === 'en' ? ['Tasks', 'Practice software x.comfort'] : ['Aufgaben', 'Praxissoftware x.comfort'];
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: tasks }));
  await user.click(await screen.findByRole('button', { name: task }));
  const heading = await screen.findByRole('heading', { level: 1, name: task });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  return heading.closest('article')!;
}

/**
 * The label of the step checkbox whose text is `text` (bold runs included): the element that carries the step
 * text's language. Found by its text, as jsdom's accessible name drops the spaces around the bold run.
 */
const stepLabel = (article: HTMLElement, text: string) => {
  const labels = [...article.querySelectorAll<HTMLLabelElement>('.step label')].filter((label) => label.textContent === text);
  expect(labels, text).toHaveLength(1);
  const label = labels[0]!;
  expect(article.querySelector(`input[type="checkbox"][id="${label.htmlFor}"]`), text).not.toBeNull();
  return label;
};

describe('GuideScreen: pack texts in the UI language', () => {
  it('shows the English texts in the English UI, marked lang="en", without the German-only notice', async () => {
    const article = await openComfortGuide(packWithOwnGuide(), 'en');
    const label = stepLabel(article, 'Change the administrator password first.');
    expect(label.getAttribute('lang')).toBe('en');
    expect(label.querySelector('strong')?.textContent).toBe('first');
    expect(stepLabel(article, 'Then change every user’s password.').getAttribute('lang')).toBe('en');
    expect(within(article).getByText('Changing the passwords in x.comfort').getAttribute('lang')).toBe('en');
    expect(within(article).getByText('The practice software then signs in again.').getAttribute('lang')).toBe('en');
    expect(within(article).getByText('General advice (Passwort-Lotse)').getAttribute('lang')).toBe('en');
    expect(within(article).getByText('Second version.').getAttribute('lang')).toBe('en');
    expect(article.textContent).toContain('“Password change in the practice software” for x.comfort, version 1.1 of 09.11.2021');
    // No German anywhere in the guide, and so no notice about it.
    expect(article.querySelectorAll('[lang="de"]')).toHaveLength(0);
    expect(article.textContent).not.toContain('Ändern Sie');
    expect(within(article).queryAllByText(GERMAN_ONLY)).toHaveLength(0);
  });

  it('shows a step text without English in German, marked lang="de", and says so once', async () => {
    const article = await openComfortGuide(packWithOwnGuide({ germanOnlyStep: 'every-user' }), 'en');
    const german = stepLabel(article, 'Ändern Sie danach die Passwörter aller Benutzer.');
    expect(german.getAttribute('lang')).toBe('de');
    expect(german.textContent).toBe('Ändern Sie danach die Passwörter aller Benutzer.');
    // Only that text falls back; the rest of the guide stays English.
    expect(article.querySelectorAll('[lang="de"]')).toHaveLength(1);
    expect(stepLabel(article, 'Change the administrator password first.').getAttribute('lang')).toBe('en');
    expect(within(article).getByText('Changing the passwords in x.comfort').getAttribute('lang')).toBe('en');
    expect(within(article).getAllByText(GERMAN_ONLY)).toHaveLength(1);
  });

  it('shows German in the German UI even where English exists, without a notice', async () => {
    const article = await openComfortGuide(packWithOwnGuide(), 'de');
    const label = stepLabel(article, 'Ändern Sie zuerst das Administrator-Passwort.');
    expect(label.getAttribute('lang')).toBe('de');
    expect(article.querySelectorAll('[lang="en"]')).toHaveLength(0);
    expect(article.textContent).not.toContain('Change the administrator password');
    expect(within(article).queryAllByText(/nur auf Deutsch/)).toHaveLength(0);
  });
});
