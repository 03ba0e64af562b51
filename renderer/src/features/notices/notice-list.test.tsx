import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../../shared/domain/profile';
import type { Notice } from '../../../../shared/state/snapshot';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

const NOTICES: Notice[] = [
  { id: 'n1', kind: 'store-recovered', restoredFrom: 'backup', damagedFile: 'C:\\daten\\eins.json' },
  { id: 'n2', kind: 'journal-torn-tail', keptAs: 'C:\\daten\\zwei.jsonl' },
  { id: 'n3', kind: 'store-recovered', restoredFrom: 'defaults', damagedFile: 'C:\\daten\\drei.json' },
];

function setUp() {
  const fake = createFakeApi({
    state: { settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' }, profile: { ...defaultProfile(), completed: true } },
    notices: NOTICES,
  });
  renderWithApi(<App />, fake);
  return { user: userEvent.setup(), fake };
}

/** The „Hinweis schließen“ button of the notice that names `file`. */
const dismissOf = (file: string) =>
  within(screen.getAllByRole('alert').find((alert) => alert.textContent?.includes(file)) as HTMLElement).getByRole('button', {
    name: 'Hinweis schließen',
  });

describe('NoticeList', () => {
  it('moves focus to the next notice, else the previous one, else the screen’s heading after a notice is dismissed', async () => {
    const { user, fake } = setUp();
    await screen.findByRole('heading', { level: 1, name: 'Willkommen, Praxis' });
    // The list and its texts load with the first notice, just after the screen.
    expect(await screen.findAllByRole('alert')).toHaveLength(3);

    // The middle one: on to the next notice.
    await user.click(dismissOf('zwei.jsonl'));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(dismissOf('drei.json')));

    // The last one: back to the one before it.
    await user.click(dismissOf('drei.json'));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
    await waitFor(() => expect(document.activeElement).toBe(dismissOf('eins.json')));

    // None left: the screen's heading.
    await user.click(dismissOf('eins.json'));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Willkommen, Praxis' })));
    expect(fake.calls.filter((call) => call.method === 'dismissNotice').map((call) => call.args)).toEqual([
      [{ id: 'n2' }],
      [{ id: 'n3' }],
      [{ id: 'n1' }],
    ]);
  });

  it('moves focus to the next notice when the first one is dismissed', async () => {
    const { user } = setUp();
    await screen.findByRole('heading', { level: 1, name: 'Willkommen, Praxis' });
    expect(await screen.findAllByRole('alert')).toHaveLength(3);
    await user.click(dismissOf('eins.json'));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(dismissOf('zwei.jsonl')));
  });

  it('says what broke in the journal and what became of it in two paragraphs, the paths wrapping at their separators', async () => {
    const file = 'C:\\ProgramData\\Passwort-Lotse\\journal\\5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d.jsonl';
    const segment = 'C:\\ProgramData\\Passwort-Lotse\\journal\\5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d.2.jsonl';
    const fake = createFakeApi({
      state: { settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' }, profile: { ...defaultProfile(), completed: true } },
      notices: [
        {
          id: 'j',
          kind: 'journal-broken',
          file,
          newSegment: segment,
          info: { line: 3, reason: 'hash-mismatch', by: 'Dr. Weiß', kind: 'status-set' },
        },
      ],
    });
    renderWithApi(<App />, fake);
    const alert = await screen.findByRole('alert');
    const paragraphs = [...alert.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toEqual([
      `Das Protokoll dieses PCs ist nicht mehr lückenlos: Eintrag 3 in der Datei ${file} wurde nachträglich verändert (die Prüfsumme passt nicht). Der Eintrag: –, Dr. Weiß: Status geändert.`,
      `Die Datei bleibt unverändert erhalten, es wurde nichts gelöscht. Neue Einträge werden in einem neuen Abschnitt weitergeführt: ${segment}. Bitte informieren Sie Ihren IT-Partner.`,
    ]);
    // Each path may wrap after a backslash only (its folders and its file name stay whole); the full stop stays with it.
    expect(
      [...alert.querySelectorAll('.path-text')].map((path) => [...path.querySelectorAll('.path-part')].map((part) => part.textContent)),
    ).toEqual([
      ['C:\\', 'ProgramData\\', 'Passwort-Lotse\\', 'journal\\', '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d.jsonl'],
      ['C:\\', 'ProgramData\\', 'Passwort-Lotse\\', 'journal\\', '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d.2.jsonl.'],
    ]);
  });

  it('names the computer of a damaged or unreadable imported journal, what of it is shown, and how to make it whole again', async () => {
    const file = 'C:\\Daten\\journal\\imported\\5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d.jsonl';
    const folder = 'C:\\Daten\\journal\\imported';
    const fake = createFakeApi({
      state: { settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' }, profile: { ...defaultProfile(), completed: true } },
      notices: [
        { id: 'a', kind: 'imported-journal-damaged', computer: 'Empfang', file, reason: 'unparsable', line: 7, kept: 6 },
        { id: 'b', kind: 'imported-journal-damaged', computer: 'Labor', file, reason: 'unreadable', kept: 0 },
        { id: 'c', kind: 'imported-journal-damaged', computer: '', file: folder, reason: 'unreadable', kept: 0 },
      ],
    });
    renderWithApi(<App />, fake);
    const alerts = await screen.findAllByRole('alert');
    const paragraphs = alerts.map((alert) => [...alert.querySelectorAll('p')].map((p) => p.textContent));
    const kept = (computer: string) =>
      `Die Datei bleibt unverändert erhalten, es wurde nichts gelöscht. Um die fehlenden Einträge zu übernehmen, klicken Sie am Computer „${computer}“ auf „Für anderen PC exportieren“ und lesen Sie die Datei hier mit „Datei von anderem PC einlesen“ ein. Die beschädigte Datei wird dabei beiseitegelegt, nicht gelöscht. Bitte informieren Sie Ihren IT-Partner.`;
    expect(paragraphs).toEqual([
      [
        `Die eingelesene Aufzeichnung des Computers „Empfang“ ist beschädigt: Eintrag 7 in der Datei ${file} ist beschädigt und lässt sich nicht auswerten.`,
        'Von diesem Computer zeigen Übersicht, Aufgaben und Protokoll nur die 6 Einträge, die unbeschädigt und lückenlos erhalten sind. Was dieser Computer darüber hinaus eingetragen hat, fehlt dort vorerst.',
        kept('Empfang'),
      ],
      [
        `Die eingelesene Aufzeichnung des Computers „Labor“ kann nicht gelesen werden: Die Datei ${file} ist gesperrt oder beschädigt, oder an ihrer Stelle liegt ein Ordner.`,
        'Von diesem Computer zeigen Übersicht, Aufgaben und Protokoll deshalb vorerst keine Einträge.',
        kept('Labor'),
      ],
      [
        `Der Ordner mit den eingelesenen Aufzeichnungen der anderen Computer kann nicht gelesen werden: ${folder}. Möglicherweise liegt an seiner Stelle eine Datei. Übersicht, Aufgaben und Protokoll zeigen deshalb vorerst nur die Einträge dieses Computers.`,
        'Es wurde nichts verändert oder gelöscht. Lesen Sie die Exportdateien der anderen Computer mit „Datei von anderem PC einlesen“ erneut ein. Was an der Stelle des Ordners liegt, wird dabei beiseitegelegt, nicht gelöscht. Bitte informieren Sie Ihren IT-Partner.',
      ],
    ]);
  });

  it('says that this PC’s journal was lost and what to do before recording anything new', async () => {
    const file = 'C:\\Daten\\journal\\5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d.jsonl';
    const fake = createFakeApi({
      state: { settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' }, profile: { ...defaultProfile(), completed: true } },
      notices: [{ id: 'l', kind: 'journal-lost', file }],
    });
    renderWithApi(<App />, fake);
    const alert = await screen.findByRole('alert');
    expect([...alert.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      `Das Protokoll dieses PCs ist leer oder fehlt: ${file}. Auf diesem PC wurde aber schon etwas eingetragen (Ihr Name ist gespeichert). Die bisherigen Einträge sind also verloren gegangen, zum Beispiel durch einen Festplattenfehler oder weil die Datei geleert oder gelöscht wurde. Übersicht und Aufgaben zeigen deshalb keinen bisherigen Stand.`,
      'Bitte informieren Sie Ihren IT-Partner, bevor Sie etwas Neues eintragen: Er kann die Datei aus einer Datensicherung zurückholen.',
    ]);
  });

  it('says that the installed guide update could not be read, which guides are shown, and that it can be applied again', async () => {
    const file = 'C:\\Daten\\packs\\installed-update.json';
    const fake = createFakeApi({
      state: { settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' }, profile: { ...defaultProfile(), completed: true } },
      notices: [{ id: 'p', kind: 'pack-update-unreadable', file, highest: 3, shown: 1 }],
    });
    renderWithApi(<App />, fake);
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe(
      `Das hier übernommene Anleitungs-Update (Revision 3) konnte nicht gelesen werden: Die Datei ${file} fehlt, ist beschädigt oder wurde verändert. Passwort-Lotse zeigt deshalb die mitgelieferten Anleitungen (Revision 1); nichts Eingetragenes wurde geändert. Ihr IT-Partner kann das Update unter „Einstellungen“ erneut einspielen.`,
    );
  });

  it('names the task of a damaged line by its title, and an id no task has as it is', async () => {
    const notice = (id: string, taskId: string): Notice => ({
      id,
      kind: 'journal-broken',
      file: `C:\\daten\\${id}.jsonl`,
      info: { line: 2, reason: 'hash-mismatch', by: 'SY', kind: 'status-set', taskId, to: 'in-progress' },
    });
    const fake = createFakeApi({
      state: {
        settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' },
        profile: { ...defaultProfile(), completed: true, products: ['x.comfort'] },
      },
      notices: [notice('a', 'pvs:x.comfort'), notice('b', 'pvs:erfunden')],
    });
    renderWithApi(<App />, fake);
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]?.textContent).toContain('SY: Status geändert (Praxissoftware x.comfort → In Arbeit)');
    expect(alerts[1]?.textContent).toContain('SY: Status geändert (pvs:erfunden → In Arbeit)');
  });

  it('tells that a Vorgabe was not saved as UTF-8 and how to mend it', async () => {
    const file = 'C:\\ProgramData\\Passwort-Lotse\\passwort-lotse-vorgabe.json';
    const fake = createFakeApi({
      state: { settings: { practiceName: '', userName: '', language: 'de' }, profile: defaultProfile() },
      notices: [{ id: 'p', kind: 'preset-invalid', file, refusal: 'not-utf8' }],
    });
    renderWithApi(<App />, fake);
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe(
      `Die Vorgabe-Datei ${file} wurde nicht verwendet: Sie ist nicht als UTF-8 gespeichert (zum Beispiel als „ANSI“), Umlaute darin würden verfälscht. Speichern Sie sie erneut als UTF-8 oder erstellen Sie sie mit Passwort-Lotse neu. Die Einrichtung ist deshalb nicht vorausgefüllt; nichts Eingetragenes wurde geändert. Bitte geben Sie diese Meldung Ihrem IT-Partner.`,
    );
  });

  it('says that an interrupted guide update was recorded afterwards', async () => {
    const fake = createFakeApi({
      state: { settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' }, profile: { ...defaultProfile(), completed: true } },
      notices: [{ id: 'c', kind: 'pack-update-caught-up', revision: 3 }],
    });
    renderWithApi(<App />, fake);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Passwort-Lotse wurde beim Einspielen eines Anleitungs-Updates (Revision 3) unterbrochen',
    );
  });
});
