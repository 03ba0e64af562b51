import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
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

/** A practice set up before, with these computers: the Einrichtung opened again from the Einstellungen. */
async function openSetup(computers: { id: string; name: string; server: boolean }[] = []) {
  const user = userEvent.setup();
  const fake = createFakeApi({
    state: {
      settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' },
      profile: { ...defaultProfile(), completed: true, products: ['easymed'], computers },
    },
  });
  renderWithApi(<App />, fake);
  await user.click(await screen.findByRole('button', { name: 'Einstellungen' }));
  await user.click(await screen.findByRole('button', { name: 'Angaben zur Praxis ändern' }));
  await screen.findByRole('textbox', { name: 'Wie heißt Ihre Praxis?' });
  return { user, fake };
}

const BEFORE_COMPUTERS = [
  'Wer nutzt Passwort-Lotse gerade?',
  'Welche Praxissoftware von medatixx nutzen Sie?',
  'Hat Ihre Praxis einen TI-Konnektor?',
  'Wie viele Kartenterminals hat die Praxis?',
  'Welche Computer gibt es in der Praxis?',
];
const AFTER_COMPUTERS = [
  'Welche Fernwartung wird genutzt?',
  'Hat die Praxis eine eigene Firewall oder einen Router mit Verwaltungszugang?',
  'Gibt es ein IT-Sicherheitssystem mit eigener Verwaltung?',
  'Welche weiteren Zugänge nutzt die Praxis?',
  'Stimmen diese Angaben?',
];

const THREE = [
  { id: 'c-1', name: 'Empfang 1', server: false },
  { id: 'c-2', name: 'Sprechzimmer 2', server: false },
  { id: 'c-3', name: 'Praxisserver', server: true },
];

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
    await user.click(await screen.findByRole('button', { name: 'Angaben zur Praxis ändern' }));
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
    await user.click(await screen.findByRole('button', { name: 'Angaben zur Praxis ändern' }));
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

  it('puts focus on the new computer’s name, and after removing one on the next, the previous or „Computer hinzufügen“', async () => {
    const { user } = await openSetup(THREE);
    for (const heading of BEFORE_COMPUTERS) await next(user, heading);
    const nameField = (number: number) => screen.getByRole('textbox', { name: `Name von Computer ${number}` });

    await user.click(screen.getByRole('button', { name: 'Computer hinzufügen' }));
    await waitFor(() => expect(document.activeElement).toBe(nameField(4)));
    expect(nameField(4)).toHaveProperty('value', '');

    // The middle one: focus goes on to the next computer, which is now number 2.
    await user.click(screen.getByRole('button', { name: 'Computer „Sprechzimmer 2“ entfernen' }));
    await waitFor(() => expect(document.activeElement).toBe(nameField(2)));
    expect(nameField(2)).toHaveProperty('value', 'Praxisserver');

    // The last one (the new, unnamed one): focus goes back to the one before it.
    await user.click(screen.getByRole('button', { name: 'Computer 3 entfernen' }));
    await waitFor(() => expect(document.activeElement).toBe(nameField(2)));

    await user.click(screen.getByRole('button', { name: 'Computer „Empfang 1“ entfernen' }));
    await waitFor(() => expect(document.activeElement).toBe(nameField(1)));
    expect(nameField(1)).toHaveProperty('value', 'Praxisserver');

    // None left: focus goes to „Computer hinzufügen“.
    await user.click(screen.getByRole('button', { name: 'Computer „Praxisserver“ entfernen' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Computer hinzufügen' })));
    expect(screen.queryByRole('textbox', { name: /^Name von Computer/ })).toBeNull();
  });

  it('lays every computer row out alike: the same grid columns and the same words beside each name', async () => {
    const { user } = await openSetup([...THREE, { id: 'c-4', name: 'Labor mit einem sehr langen Namen am Ende des Flurs', server: false }]);
    for (const heading of BEFORE_COMPUTERS) await next(user, heading);
    // The app's own stylesheets (the base, the shared parts', the Einrichtung's), so the rows' layout is the one the app draws.
    const style = document.createElement('style');
    style.textContent = [
      join(import.meta.dirname, '..', '..', 'styles.css'),
      join(import.meta.dirname, '..', '..', 'ui', 'ui.css'),
      join(import.meta.dirname, 'setup.css'),
    ]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    document.head.append(style);
    try {
      const rows = [...document.querySelectorAll<HTMLElement>('.device-list > li')];
      expect(rows).toHaveLength(4);
      const columns = new Set(rows.map((row) => getComputedStyle(row).gridTemplateColumns));
      expect(rows.map((row) => getComputedStyle(row).display)).toEqual(['grid', 'grid', 'grid', 'grid']);
      expect(columns.size).toBe(1);
      expect([...columns][0]).toMatch(/1fr/);
      // Name field, server box and button in that order; the visible words next to the name never depend on it,
      // so no name makes its row's columns wider or narrower than the others.
      const shown = rows.map((row) => {
        const [field, server, remove] = [...row.children] as HTMLElement[];
        expect(field?.querySelector('input[type="text"]')).toBeTruthy();
        expect(server?.querySelector('input[type="checkbox"]')).toBeTruthy();
        expect(remove?.tagName).toBe('BUTTON');
        return [server?.textContent, remove?.textContent];
      });
      expect(new Set(shown.map((words) => words.join('|')))).toEqual(new Set(['Ist ein Server|Entfernen']));
      // The full words stay the controls' names.
      const last = rows[3] as HTMLElement;
      expect(within(last).getByRole('checkbox', { name: 'Computer 4 ist ein Server' })).toBeTruthy();
      expect(
        within(last).getByRole('button', { name: 'Computer „Labor mit einem sehr langen Namen am Ende des Flurs“ entfernen' }),
      ).toBeTruthy();
    } finally {
      style.remove();
    }
  });

  it('says in the summary which computers are workstations and which is the server', async () => {
    const { user } = await openSetup(THREE);
    for (const heading of [...BEFORE_COMPUTERS, ...AFTER_COMPUTERS]) await next(user, heading);
    const summary = screen.getByText('Welche Computer gibt es in der Praxis?', { selector: 'dt' }).nextElementSibling;
    expect([...(summary?.children ?? [])].map((line) => line.textContent)).toEqual([
      'Arbeitsplätze: Empfang 1, Sprechzimmer 2',
      'Server: Praxisserver',
    ]);
  });

  it('shows every answer in the summary, the role and the Windows sign-in too, and no connector model without a connector', async () => {
    const { user } = await openSetup([{ id: 'c-1', name: 'Empfang', server: false }]);
    for (const heading of [...BEFORE_COMPUTERS, ...AFTER_COMPUTERS]) await next(user, heading);
    const answer = (question: string) => screen.getByText(question, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(answer('Gehören Sie zur Praxis oder sind Sie der IT-Partner?')).toBe('Ich gehöre zur Praxis');
    expect(answer('Wie melden sich die Mitarbeitenden bei Windows an?')).toBe('Weiß nicht');
    expect(answer('Hat Ihre Praxis einen TI-Konnektor?')).toBe('Weiß nicht');
    // Every question asked has its line: as many answers as questions.
    const summary = screen.getByText('Wer nutzt Passwort-Lotse gerade?', { selector: 'dt' }).closest('dl');
    expect(summary?.querySelectorAll('dt')).toHaveLength(12);
    expect(summary?.querySelectorAll('dd')).toHaveLength(12);
  });

  it('says so in the summary when no computer is marked as a server', async () => {
    const { user } = await openSetup([{ id: 'c-1', name: 'Empfang', server: false }]);
    for (const heading of [...BEFORE_COMPUTERS, ...AFTER_COMPUTERS]) await next(user, heading);
    const summary = screen.getByText('Welche Computer gibt es in der Praxis?', { selector: 'dt' }).nextElementSibling;
    expect([...(summary?.children ?? [])].map((line) => line.textContent)).toEqual(['Arbeitsplatz: Empfang', 'Server: keiner']);
  });
});
