import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../../shared/domain/profile';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

async function next(user: ReturnType<typeof userEvent.setup>, expected: string) {
  await user.click(screen.getByRole('button', { name: 'Weiter' }));
  const heading = await screen.findByRole('heading', { level: 1, name: expected });
  await waitFor(() => expect(document.activeElement).toBe(heading));
}

describe('SetupWizard', () => {
  it('asks one question per screen and will not go on without a user name or a product', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi();
    renderWithApi(<App />, fake);
    await user.type(await screen.findByRole('textbox', { name: 'Wie heißt Ihre Praxis?' }), 'Praxis am Markt');
    await next(user, 'Wer nutzt Passwort-Lotse gerade?');
    expect(fake.core.snapshot().settings.practiceName).toBe('Praxis am Markt');
    await user.click(screen.getByRole('button', { name: 'Weiter' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Bitte tragen Sie einen Namen oder ein Kürzel ein.');
    await user.type(screen.getByRole('textbox', { name: 'Wer nutzt Passwort-Lotse gerade?' }), 'AB');
    await next(user, 'Welche Praxissoftware von medatixx nutzen Sie?');
    await user.click(screen.getByRole('button', { name: 'Weiter' }));
    expect((await screen.findByRole('alert')).textContent).toContain('mindestens eine Praxissoftware');
    await user.click(screen.getByRole('checkbox', { name: 'x.concept' }));
    await next(user, 'Hat Ihre Praxis einen TI-Konnektor?');
    await user.click(screen.getByRole('radio', { name: 'Nein' }));
    expect(screen.queryByText('Welcher Konnektor ist es?')).toBeNull();
  });

  it('opens prefilled when revisited and keeps every recorded status', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi({
      state: {
        settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' },
        profile: {
          ...defaultProfile(),
          completed: true,
          products: ['easymed'],
          computers: [{ id: 'c-1', name: 'Empfang', server: false }],
        },
      },
    });
    fake.core.checklist.setStatus('windows:c-1', 'done', undefined, 'AB');
    renderWithApi(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Einstellungen' }));
    await user.click(screen.getByRole('button', { name: 'Angaben zur Praxis ändern' }));
    expect(await screen.findByRole('textbox', { name: 'Wie heißt Ihre Praxis?' })).toHaveProperty('value', 'Praxis');
    for (const heading of [
      'Wer nutzt Passwort-Lotse gerade?',
      'Welche Praxissoftware von medatixx nutzen Sie?',
      'Hat Ihre Praxis einen TI-Konnektor?',
      'Wie viele Kartenterminals hat die Praxis?',
      'Welche Computer gibt es in der Praxis?',
    ]) {
      await next(user, heading);
    }
    expect(screen.getByRole('textbox', { name: 'Name von Computer 1' })).toHaveProperty('value', 'Empfang');
    await user.click(screen.getByRole('button', { name: 'Computer hinzufügen' }));
    await user.type(screen.getByRole('textbox', { name: 'Name von Computer 2' }), 'Labor');
    for (const heading of [
      'Welche Fernwartung wird genutzt?',
      'Hat die Praxis eine eigene Firewall oder einen Router mit Verwaltungszugang?',
      'Gibt es ein IT-Sicherheitssystem mit eigener Verwaltung?',
      'Welche weiteren Zugänge nutzt die Praxis?',
      'Stimmen diese Angaben?',
    ]) {
      await next(user, heading);
    }
    expect(screen.getByText('Bereits erfasste Status bleiben erhalten, wenn Sie Angaben ändern.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));
    await screen.findByRole('heading', { level: 1, name: 'Willkommen, Praxis' });
    const tasks = fake.core.snapshot().tasks;
    expect(tasks.find((t) => t.id === 'windows:c-1')?.status).toBe('done');
    expect(tasks.filter((t) => t.kind === 'windows-workstation').map((t) => t.subject)).toEqual(['Empfang', 'Labor']);
  });

  it('warns once when a computer name looks like a password, ties the message to the field, then lets it pass', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi({
      state: {
        settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' },
        profile: { ...defaultProfile(), completed: true, products: ['easymed'] },
      },
    });
    renderWithApi(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Einstellungen' }));
    await user.click(screen.getByRole('button', { name: 'Angaben zur Praxis ändern' }));
    for (const heading of [
      'Wer nutzt Passwort-Lotse gerade?',
      'Welche Praxissoftware von medatixx nutzen Sie?',
      'Hat Ihre Praxis einen TI-Konnektor?',
      'Wie viele Kartenterminals hat die Praxis?',
      'Welche Computer gibt es in der Praxis?',
    ]) {
      await next(user, heading);
    }
    await user.click(screen.getByRole('button', { name: 'Computer hinzufügen' }));
    const name = screen.getByRole('textbox', { name: 'Name von Computer 1' });
    await user.type(name, 'Praxis2021!');
    await user.click(screen.getByRole('button', { name: 'Weiter' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Ein Name sieht aus wie ein Passwort oder eine PIN\./);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe(alert.id);
    await next(user, 'Welche Fernwartung wird genutzt?');
  });

  it('goes on with „Weiß nicht“ for the practice software and shows it in the summary', async () => {
    const user = userEvent.setup();
    const fake = createFakeApi({ state: { settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' } } });
    renderWithApi(<App />, fake);
    await screen.findByRole('textbox', { name: 'Wie heißt Ihre Praxis?' });
    await next(user, 'Wer nutzt Passwort-Lotse gerade?');
    await next(user, 'Welche Praxissoftware von medatixx nutzen Sie?');
    await user.click(screen.getByRole('checkbox', { name: 'Weiß nicht' }));
    for (const heading of [
      'Hat Ihre Praxis einen TI-Konnektor?',
      'Wie viele Kartenterminals hat die Praxis?',
      'Welche Computer gibt es in der Praxis?',
      'Welche Fernwartung wird genutzt?',
      'Hat die Praxis eine eigene Firewall oder einen Router mit Verwaltungszugang?',
      'Gibt es ein IT-Sicherheitssystem mit eigener Verwaltung?',
      'Welche weiteren Zugänge nutzt die Praxis?',
      'Stimmen diese Angaben?',
    ]) {
      await next(user, heading);
    }
    const summary = screen.getByText('Welche Praxissoftware von medatixx nutzen Sie?').nextElementSibling;
    expect(summary?.textContent).toBe('Weiß nicht');
    await user.click(screen.getByRole('button', { name: 'Aufgaben erstellen' }));
    await waitFor(() => expect(fake.core.snapshot().tasks.map((t) => t.id)).toContain('pvs:unknown'));
  });
});
