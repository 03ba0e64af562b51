import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../../shared/domain/profile';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

const practice = () =>
  createFakeApi({
    state: {
      settings: { practiceName: 'Praxis Süd', userName: 'SY', language: 'de' },
      profile: { ...defaultProfile(), completed: true, products: ['x.comfort'], connector: 'yes', remoteTools: ['teamviewer'] },
    },
  });

async function openTask(name: string) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Aufgaben' }));
  await user.click(await screen.findByRole('button', { name }));
  const heading = await screen.findByRole('heading', { level: 1, name });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  return user;
}

describe('GuideScreen', () => {
  it('while another session holds the record: the status is shown, nothing can be recorded, and it says why', async () => {
    const fake = createFakeApi({
      state: {
        settings: { practiceName: 'Praxis Süd', userName: 'SY', language: 'de' },
        profile: { ...defaultProfile(), completed: true, products: ['x.comfort'], connector: 'yes', remoteTools: ['teamviewer'] },
      },
      readOnly: true,
    });
    renderWithApi(<App />, fake);
    await openTask('Praxissoftware x.comfort');
    const note = screen.getByText(/^Nur ansehen: Passwort-Lotse ist mit diesen Daten in einer anderen Sitzung geöffnet\./);
    expect(screen.queryByRole('button', { name: 'Status setzen' })).toBeNull();
    expect(screen.queryByRole('radio', { name: 'Erledigt' })).toBeNull();
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.length).toBeGreaterThan(3);
    for (const box of boxes) {
      expect((box as HTMLInputElement).disabled).toBe(true);
      expect(box.getAttribute('aria-describedby')).toBe(note.id);
    }
    expect(fake.calls.filter((call) => call.method === 'checkStep' || call.method === 'setTaskStatus')).toEqual([]);
  });

  it('shows version, date and issuer as the vendor gave them, and a source for each step', async () => {
    renderWithApi(<App />, practice());
    await openTask('Praxissoftware x.comfort');
    // The vendor's document title is a pack text of its own (marked with its language), inside the sentence.
    const vendorLine = [...document.querySelectorAll('.guide-meta p')].find((p) => p.textContent?.startsWith('Text: Passwort-Lotse'));
    expect(vendorLine?.textContent).toBe(
      'Text: Passwort-Lotse · Grundlage: Kurzanleitung von medatixx GmbH & Co. KG, „Passwortänderung in der Praxissoftware“ für x.comfort, Version 1.1 vom 09.11.2021',
    );
    const steps = screen.getAllByRole('listitem').filter((li) => li.classList.contains('step'));
    expect(steps.length).toBeGreaterThan(3);
    for (const step of steps) expect(step.querySelector('.source')?.textContent).toMatch(/^Quelle: .+/);
    // A warning stands before the risky step, as a note.
    expect(screen.getAllByRole('note')[0]?.textContent).toContain('Administrator-Passwort');
  });

  it('renders the Markdown subset as elements, never as HTML', async () => {
    renderWithApi(<App />, practice());
    await openTask('Praxissoftware x.comfort');
    const bold = screen.getAllByText('zuerst');
    expect(bold.some((el) => el.tagName === 'STRONG')).toBe(true);
    expect(document.querySelector('.steps')?.innerHTML).not.toContain('**');
  });

  it('requires a reason for "Nicht zutreffend" and records it', async () => {
    const fake = practice();
    renderWithApi(<App />, fake);
    const user = await openTask('Fernwartung: TeamViewer');
    await user.click(screen.getByRole('radio', { name: 'Nicht zutreffend' }));
    await user.click(screen.getByRole('button', { name: 'Status setzen' }));
    expect(await screen.findByText('Bitte geben Sie eine Begründung an, warum diese Aufgabe nicht zutrifft.')).toBeTruthy();
    expect(fake.core.snapshot().tasks.find((t) => t.id === 'remote:teamviewer')?.status).toBe('open');
    await user.type(screen.getByLabelText('Begründung (Pflicht bei „Nicht zutreffend“)'), 'TeamViewer ist deinstalliert');
    await user.click(screen.getByRole('button', { name: 'Status setzen' }));
    expect(await screen.findByText('Status gespeichert: Nicht zutreffend.')).toBeTruthy();
    expect(screen.getByText('Begründung: TeamViewer ist deinstalliert')).toBeTruthy();
  });

  it('undoes the last change and keeps both entries in the Protokoll', async () => {
    const fake = practice();
    renderWithApi(<App />, fake);
    const user = await openTask('Praxissoftware x.comfort');
    const undo = screen.getByRole('button', { name: 'Letzte Statusänderung rückgängig machen' });
    expect(undo).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('radio', { name: 'Erledigt' }));
    await user.click(screen.getByRole('button', { name: 'Status setzen' }));
    // No step is ticked: asked once, then saved.
    await user.click(await screen.findByRole('button', { name: 'Trotzdem als erledigt markieren' }));
    await screen.findByText(/^Erledigt – SY, \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr, Anleitung Version 1\.1$/);
    await user.click(undo);
    expect(await screen.findByText('Rückgängig gemacht. Der Eintrag bleibt im Protokoll.')).toBeTruthy();
    expect(fake.core.record.state.protocol.slice(-2).map((e) => e.kind)).toEqual(['status', 'undo']);
  });

  it('checks a step through main and shows it checked', async () => {
    const fake = practice();
    renderWithApi(<App />, fake);
    const user = await openTask('Praxissoftware x.comfort');
    const first = screen.getAllByRole('checkbox')[0] as HTMLInputElement;
    await user.click(first);
    await waitFor(() => expect(first.checked).toBe(true));
    expect(fake.calls.at(-1)).toEqual({ method: 'checkStep', args: [{ taskId: 'pvs:x.comfort', stepId: 'vendor-guide', checked: true }] });
  });

  it('asks once before "Erledigt" while steps are open; cancelling saves nothing', async () => {
    const fake = practice();
    renderWithApi(<App />, fake);
    const user = await openTask('Praxissoftware x.comfort');
    await user.click(screen.getAllByRole('checkbox')[0] as HTMLElement);
    await user.click(screen.getByRole('radio', { name: 'Erledigt' }));
    await user.click(screen.getByRole('button', { name: 'Status setzen' }));
    const question = await screen.findByRole('alert');
    expect(question.textContent).toMatch(
      /^Noch nicht alle Schritte abgehakt \(\d+ Schritte sind offen\) – trotzdem als erledigt markieren\?/,
    );
    // Focus lands on the answer, so the keyboard user can confirm at once.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Trotzdem als erledigt markieren' }));
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.core.snapshot().tasks.find((t) => t.id === 'pvs:x.comfort')?.status).toBe('in-progress');
    await user.click(screen.getByRole('button', { name: 'Status setzen' }));
    await user.click(await screen.findByRole('button', { name: 'Trotzdem als erledigt markieren' }));
    await waitFor(() => expect(fake.core.snapshot().tasks.find((t) => t.id === 'pvs:x.comfort')?.status).toBe('done'));
  });

  it('warns before saving a reason that looks like a PIN, and saves it only when asked again', async () => {
    const fake = practice();
    renderWithApi(<App />, fake);
    const user = await openTask('Fernwartung: TeamViewer');
    await user.click(screen.getByRole('radio', { name: 'Nicht zutreffend' }));
    const field = screen.getByLabelText('Begründung (Pflicht bei „Nicht zutreffend“)');
    await user.type(field, 'PIN 0815');
    await user.click(screen.getByRole('button', { name: 'Status setzen' }));
    const warning = await screen.findByText(/^Das sieht aus wie ein Passwort oder eine PIN\./);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(warning.id);
    expect(fake.core.snapshot().tasks.find((t) => t.id === 'remote:teamviewer')?.status).toBe('open');
    await user.clear(field);
    await user.type(field, 'Wird nicht genutzt');
    await user.click(screen.getByRole('button', { name: 'Status setzen' }));
    await waitFor(() => expect(fake.core.snapshot().tasks.find((t) => t.id === 'remote:teamviewer')?.status).toBe('not-applicable'));
  });
});
