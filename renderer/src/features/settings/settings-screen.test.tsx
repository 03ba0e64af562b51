import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

async function openSettings() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Einstellungen' }));
  // Navigation moves focus to the heading on the next frame; type only after that, as a person would.
  const heading = await screen.findByRole('heading', { level: 1, name: 'Einstellungen' });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  return user;
}

describe('SettingsScreen', () => {
  it('saves practice name and user as a validated patch', async () => {
    const fake = createFakeApi();
    renderWithApi(<App />, fake);
    const user = await openSettings();
    await user.type(screen.getByLabelText('Name der Praxis'), 'Praxis Dr. Müller');
    await user.type(screen.getByLabelText('Wer nutzt Passwort-Lotse gerade?'), 'SY');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(fake.calls.at(-1)).toEqual({ method: 'updateSettings', args: [{ practiceName: 'Praxis Dr. Müller', userName: 'SY' }] });
    expect(await screen.findByText('Gespeichert.')).toBeTruthy();
    expect(fake.core.snapshot().settings).toMatchObject({ practiceName: 'Praxis Dr. Müller', userName: 'SY' });
  });

  it('says so when nothing changed, without calling main', async () => {
    const fake = createFakeApi({ state: { settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' } } });
    renderWithApi(<App />, fake);
    const user = await openSettings();
    const before = fake.calls.length;
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Keine Änderungen zu speichern.')).toBeTruthy();
    expect(fake.calls.length).toBe(before);
  });

  it('switches the language at once and the whole frame follows', async () => {
    const fake = createFakeApi();
    renderWithApi(<App />, fake);
    const user = await openSettings();
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(fake.calls.at(-1)).toEqual({ method: 'updateSettings', args: [{ language: 'en' }] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Overview' })).toBeTruthy();
  });

  it('shows main’s refusal in German', async () => {
    const fake = createFakeApi();
    fake.api.updateSettings = async () => ({ ok: false, error: { code: 'invalid-arguments', messageKey: 'errors.invalid-arguments' } });
    renderWithApi(<App />, fake);
    const user = await openSettings();
    await user.type(screen.getByLabelText('Name der Praxis'), 'X');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Die Eingabe ist ungültig und wurde nicht übernommen.')).toBeTruthy();
  });

  it('shows a refused update’s issues in German from their codes, the guide by its id', async () => {
    const fake = createFakeApi();
    fake.api.previewAdvisory = async () => ({
      ok: true,
      value: {
        status: 'refused',
        refusal: 'unversioned-change',
        issues: [
          {
            code: 'unversioned-change',
            path: '$.guides[2].version',
            guideId: 'pvs-x.comfort',
            title: { de: 'Praxissoftware x.comfort', en: 'Practice software x.comfort' },
            version: '1.1',
          },
          { code: 'control-characters', path: '$.advisory.title' },
        ],
      },
    });
    renderWithApi(<App />, fake);
    const user = await openSettings();
    await user.upload(
      screen.getByLabelText('Datei mit Anleitungen auswählen'),
      new File(['{}'], 'update.json', { type: 'application/json' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Die Datei wurde nicht übernommen. Es hat sich nichts geändert.');
    expect(alert.textContent).toContain('Die Datei ändert Schritte einer Anleitung, ohne deren Version zu erhöhen.');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '$.guides[2].version (Anleitung pvs-x.comfort): Die Schritte der Anleitung „Praxissoftware x.comfort“ wurden geändert, ihre Version 1.1 aber nicht erhöht.',
      '$.advisory.title: Der Text enthält unsichtbare Steuerzeichen, z. B. zur Umkehr der Schreibrichtung. Sie können den angezeigten Text verfälschen und sind nicht erlaubt.',
    ]);
  });

  it('has no field that asks for a password', async () => {
    renderWithApi(<App />);
    await openSettings();
    expect(document.querySelector('input[type="password"], [autocomplete*="password"]')).toBeNull();
  });
});
