import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../../shared/domain/profile';
import { forgeChain } from '../../../../electron/testing/forged-chain';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

const OTHER = 'f0f0f0f0-0000-4000-8000-00000000f0f0';

/** An export of another PC whose clock was set to 2099, with one status it recorded then. */
const futureFile = () =>
  JSON.stringify({
    format: 'passwort-lotse-record',
    formatVersion: 1,
    exportedAt: '2099-01-01T10:00:00.000Z',
    app: { name: 'Passwort-Lotse', version: '0.1.0' },
    practice: { id: 'praxis süd', name: 'Praxis Süd' },
    from: OTHER,
    installations: [
      {
        installationId: OTHER,
        computer: 'Empfang 2',
        lines: forgeChain(OTHER, [
          {
            kind: 'status-set',
            by: 'Ben',
            at: '2099-01-01T09:00:00.000Z',
            data: { taskId: 'firewall', area: 'windows', from: 'open', to: 'done', guideId: 'firewall', guideVersion: '1.0' },
          },
        ]),
      },
    ],
  });

describe('ImportResult', () => {
  it('says why a file with entries from the future is refused: which computer, which date, that its clock is wrong', async () => {
    const fake = createFakeApi({
      state: {
        settings: { practiceName: 'Praxis Süd', userName: 'SY', language: 'de', role: 'praxis' },
        profile: { ...defaultProfile(), completed: true, products: ['x.comfort'] },
      },
    });
    renderWithApi(<App />, fake);
    await userEvent.setup().upload(await screen.findByLabelText('Datei von anderem PC einlesen'), new File([futureFile()], 'export.json'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Die Datei wurde nicht übernommen. Es hat sich nichts geändert.');
    expect(alert.textContent).toContain(
      'Die Datei enthält Einträge des Computers „Empfang 2“ vom 01.01.2099, 10:00 Uhr. Dieses Datum liegt in der Zukunft – wahrscheinlich ist die Uhr am Computer „Empfang 2“ falsch gestellt.',
    );
    expect(fake.calls.filter((call) => call.method === 'applyImport')).toEqual([]);
    expect(fake.core.record.foreignJournals.size).toBe(0);
  });
});
