import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../shared/domain/profile';
import { createFakeApi } from '../test/fake-api';

const practiceSetUp = () => createFakeApi({ state: { profile: { ...defaultProfile(), completed: true } } });
import { renderWithApi } from '../test/render-app';
import { App } from './app';

describe('App frame', () => {
  it('opens the Einrichtung on the first start', async () => {
    renderWithApi(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Wie heißt Ihre Praxis?' })).toBeTruthy();
    expect(screen.getByText('Einrichtung · Frage 1 von 11')).toBeTruthy();
    // No navigation entry is current during the first Einrichtung: the person is in none of them yet.
    const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    for (const button of within(nav).getAllByRole('button')) expect(button.getAttribute('aria-current')).toBeNull();
  });

  it('shows the German navigation and marks the current screen', async () => {
    renderWithApi(<App />, practiceSetUp());
    const nav = await screen.findByRole('navigation', { name: 'Hauptnavigation' });
    const names = within(nav)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names).toEqual(['Übersicht', 'Aufgaben', 'Protokoll', 'Einstellungen']);
    expect(within(nav).getByRole('button', { name: 'Übersicht' })).toHaveProperty('ariaCurrent', 'page');
  });

  it('navigates by keyboard and moves focus to the new heading', async () => {
    const user = userEvent.setup();
    renderWithApi(<App />);
    await screen.findByRole('navigation');
    await user.tab(); // skip link
    await user.tab(); // the role in the header
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Ihre Rolle' }));
    await user.tab(); // Übersicht
    await user.tab();
    await user.tab();
    await user.tab(); // Einstellungen
    expect(document.activeElement?.textContent).toBe('Einstellungen');
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Einstellungen' });
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(document.activeElement).toBe(heading);
  });

  it('renders whatever main pushes, including the language', async () => {
    const fake = practiceSetUp();
    renderWithApi(<App />, fake);
    await screen.findByRole('heading', { name: 'Willkommen bei Passwort-Lotse' });
    // A change made in main (e.g. from another window) arrives as a state:changed push.
    await act(() => fake.core.handlers.updateSettings({ practiceName: 'Praxis Dr. Weiß', userName: 'SY', language: 'en' }));
    expect(await screen.findByRole('heading', { name: 'Welcome, Praxis Dr. Weiß' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows the recovery notice in German and dismisses it through the api', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi({
      notices: [{ id: 'n1', kind: 'store-recovered', restoredFrom: 'backup', damagedFile: 'C:\\daten\\kaputt.json' }],
    });
    renderWithApi(<App />, fake);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('aus der letzten funktionierenden Sicherung wiederhergestellt');
    expect(alert.textContent).toContain('C:\\daten\\kaputt.json');
    await user.click(within(alert).getByRole('button', { name: 'Hinweis schließen' }));
    expect(fake.calls.at(-1)).toEqual({ method: 'dismissNotice', args: [{ id: 'n1' }] });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('gives the practice and user names in the header, shortened with an ellipsis when narrow, their full text as a tooltip', async () => {
    const practiceName = 'Praxis Dr. Weiß-Müllenbach und Kolleginnen';
    const fake = createFakeApi({
      state: {
        settings: { practiceName, userName: 'Sabine Yılmaz-Hohenstein', language: 'de' },
        profile: { ...defaultProfile(), completed: true },
      },
    });
    const { container } = renderWithApi(<App />, fake);
    await screen.findByRole('heading', { level: 1, name: `Willkommen, ${practiceName}` });
    const header = container.querySelector('header') as HTMLElement;
    expect(within(header).getByText(practiceName).getAttribute('title')).toBe(practiceName);
    const user = header.querySelector('.user-name') as HTMLElement;
    expect(user.textContent).toBe('Wird genutzt von: Sabine Yılmaz-Hohenstein');
    expect(user.getAttribute('title')).toBe('Wird genutzt von: Sabine Yılmaz-Hohenstein');
  });
});
