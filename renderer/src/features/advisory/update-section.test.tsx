import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PreviewResult } from '../../../../shared/ipc/contract';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

const PREVIEW_ID = '6f1c1f3e-8a51-4c55-9d43-2f0d5d0b7a11';
const READY: PreviewResult = {
  status: 'ready',
  previewId: PREVIEW_ID,
  fromRevision: 1,
  toRevision: 2,
  diff: {
    newGuides: [],
    changedGuides: [
      {
        guideId: 'pvs-x.comfort',
        title: { de: 'Passwortänderung in der Praxissoftware x.comfort' },
        oldVersion: '1.1',
        newVersion: '1.2',
        changedSteps: ['s1'],
      },
    ],
    removedGuides: [],
    newProducts: [],
  },
};

/** The Einstellungen with an update preview open: a file was chosen and main found it good. */
async function openPreview(fake = createFakeApi()) {
  fake.api.previewAdvisory = async () => ({ ok: true, value: READY });
  renderWithApi(<App />, fake);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Einstellungen' }));
  await screen.findByRole('heading', { level: 1, name: 'Einstellungen' });
  await user.upload(await screen.findByLabelText('Datei mit Anleitungen auswählen'), new File(['{}'], 'update.json'));
  await screen.findByRole('heading', { level: 3, name: 'Das ändert sich mit Revision 2 (bisher 1)' });
  return { user, fake };
}

/** A file removed or locked after it was chosen (a USB stick pulled out): reading it fails as in Chromium. */
function unreadableFile() {
  const file = new File(['{}'], 'update.json');
  const fail = () => Promise.reject(new DOMException('The requested file could not be read.', 'NotReadableError'));
  Object.defineProperties(file, { text: { value: fail }, arrayBuffer: { value: fail } });
  return file;
}

const READ_FAILED = 'Die Datei konnte nicht gelesen werden. Prüfen Sie, ob der USB-Stick noch steckt, und wählen Sie die Datei erneut aus.';

describe('UpdateSection', () => {
  it('says so when the chosen file cannot be read, checks nothing and takes the next file', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const fake = createFakeApi();
      const checked: unknown[] = [];
      fake.api.previewAdvisory = async (args) => {
        checked.push(args);
        return { ok: true, value: READY };
      };
      renderWithApi(<App />, fake);
      const user = userEvent.setup();
      await user.click(await screen.findByRole('button', { name: 'Einstellungen' }));
      const picker = await screen.findByLabelText('Datei mit Anleitungen auswählen');
      await user.upload(picker, unreadableFile());

      const message = await screen.findByText(READ_FAILED);
      expect(message.getAttribute('role')).toBe('alert');
      expect(screen.queryByText('Datei wird geprüft …')).toBeNull();
      expect(checked).toEqual([]);

      // Back to the start: the same picker takes the next file, and the message goes.
      await user.upload(picker, new File(['{}'], 'update.json'));
      await screen.findByRole('heading', { level: 3, name: 'Das ändert sich mit Revision 2 (bisher 1)' });
      expect(screen.queryByText(READ_FAILED)).toBeNull();
      expect(checked).toEqual([{ content: '{}' }]);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('refuses a file that is not UTF-8 as no guides pack, and sends main a UTF-8 one as written', async () => {
    const fake = createFakeApi();
    const checked: unknown[] = [];
    fake.api.previewAdvisory = async (args) => {
      checked.push(args);
      return { ok: true, value: READY };
    };
    renderWithApi(<App />, fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Einstellungen' }));
    const picker = await screen.findByLabelText('Datei mit Anleitungen auswählen');
    const text = '{"format":"passwort-lotse-signiert","hinweis":"Für Praxis Dr. Weiß"}';

    // Saved as Windows-1252 ("ANSI"): not read with U+FFFD in place of its umlauts, and main is never asked.
    await user.upload(picker, new File([Buffer.from(text, 'latin1')], 'update.json'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Die Datei wurde nicht übernommen. Es hat sich nichts geändert.');
    expect(alert.textContent).toContain('Die Datei ist kein Anleitungspaket von Passwort-Lotse.');
    expect(checked).toEqual([]);

    // Saved as UTF-8 with the BOM Windows Notepad writes: main gets the text as written, without the BOM.
    await user.upload(picker, new File([new Uint8Array([0xef, 0xbb, 0xbf]), text], 'update.json'));
    await screen.findByRole('heading', { level: 3, name: 'Das ändert sich mit Revision 2 (bisher 1)' });
    expect(checked).toEqual([{ content: text }]);
  });

  it('puts focus on the message that the guides were updated after „Aktualisierung übernehmen“', async () => {
    const fake = createFakeApi();
    fake.api.applyAdvisory = async () => ({ ok: true, value: { count: 1, head: 'x' } });
    const { user } = await openPreview(fake);
    await user.click(screen.getByRole('button', { name: 'Aktualisierung übernehmen' }));
    const status = await screen.findByText('Die Anleitungen wurden aktualisiert.');
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(status.getAttribute('tabindex')).toBe('-1');
    expect(screen.queryByRole('button', { name: 'Aktualisierung übernehmen' })).toBeNull();
  });

  it('puts focus on the message that nothing changed after „Abbrechen“', async () => {
    const fake = createFakeApi();
    const cancelled: unknown[] = [];
    fake.api.cancelAdvisory = async (args) => {
      cancelled.push(args);
      return { ok: true, value: { count: 1, head: 'x' } };
    };
    const { user } = await openPreview(fake);
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
    const status = await screen.findByText('Abgebrochen. Die Anleitungen bleiben unverändert.');
    expect(status.getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(cancelled).toEqual([{ previewId: PREVIEW_ID }]);
  });

  it('puts focus on main’s refusal when applying fails', async () => {
    const fake = createFakeApi();
    fake.api.applyAdvisory = async () => ({ ok: false, error: { code: 'write-failed', messageKey: 'errors.write-failed' } });
    const { user } = await openPreview(fake);
    await user.click(screen.getByRole('button', { name: 'Aktualisierung übernehmen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Die Änderung konnte nicht gespeichert werden\./);
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });
});
