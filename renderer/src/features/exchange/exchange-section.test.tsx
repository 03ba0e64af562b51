import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../../shared/domain/profile';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

/** The Übersicht with its „Datei von anderem PC einlesen“; what main was asked to preview is kept. */
async function setUp() {
  const fake = createFakeApi({
    state: { settings: { practiceName: 'Praxis', userName: 'AB', language: 'de' }, profile: { ...defaultProfile(), completed: true } },
  });
  const previewed: unknown[] = [];
  fake.api.previewImport = async (args) => {
    previewed.push(args);
    return { ok: true, value: { status: 'refused', refusal: 'not-an-export' } };
  };
  renderWithApi(<App />, fake);
  const picker = await screen.findByLabelText('Datei von anderem PC einlesen');
  return { user: userEvent.setup(), picker, previewed };
}

const TEXT = '{"format":"passwort-lotse-export","practice":{"id":"praxis dr. weiß","name":"Praxis Dr. Weiß"}}';

describe('ExchangeSection: reading the chosen file', () => {
  it('refuses a file that is not UTF-8 as damaged, without reading it with U+FFFD or asking main', async () => {
    const { user, picker, previewed } = await setUp();
    // An export someone opened and saved again as Windows-1252 ("ANSI").
    await user.upload(picker, new File([Buffer.from(TEXT, 'latin1')], 'Passwort-Lotse Export.json'));
    expect(await screen.findByText('Die Datei wurde nicht übernommen. Es hat sich nichts geändert.')).toBeTruthy();
    expect(
      screen.getByText(
        'Die Datei ist beschädigt oder keine Exportdatei von Passwort-Lotse. Wählen Sie die richtige Datei aus (sie heißt normalerweise „Passwort-Lotse Export …“) oder exportieren Sie am anderen Computer erneut.',
      ),
    ).toBeTruthy();
    expect(previewed).toEqual([]);
  });

  it('hands main a UTF-8 file as written, without a BOM', async () => {
    const { user, picker, previewed } = await setUp();
    await user.upload(picker, new File([new Uint8Array([0xef, 0xbb, 0xbf]), TEXT], 'Passwort-Lotse Export.json'));
    await screen.findByText('Die Datei wurde nicht übernommen. Es hat sich nichts geändert.');
    expect(previewed).toEqual([{ content: TEXT }]);
  });

  it('says so when the chosen file cannot be read', async () => {
    const { user, picker, previewed } = await setUp();
    const file = new File([TEXT], 'Passwort-Lotse Export.json');
    const fail = () => Promise.reject(new DOMException('The requested file could not be read.', 'NotReadableError'));
    Object.defineProperties(file, { text: { value: fail }, arrayBuffer: { value: fail } });
    await user.upload(picker, file);
    const message = await screen.findByText(
      'Die Datei konnte nicht gelesen werden. Prüfen Sie, ob der USB-Stick noch steckt, und wählen Sie die Datei erneut aus.',
    );
    expect(message.getAttribute('role')).toBe('alert');
    expect(previewed).toEqual([]);
  });
});
