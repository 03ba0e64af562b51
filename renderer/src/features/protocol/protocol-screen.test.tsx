import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../../shared/domain/profile';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

describe('ProtocolScreen', () => {
  it('lists entries newest first and filters by area and by person', async () => {
    const fake = createFakeApi({
      state: { profile: { ...defaultProfile(), completed: true, products: ['medatixx'], connector: 'yes' } },
    });
    const { checklist } = fake.core;
    checklist.setStatus('pvs:medatixx', 'in-progress', undefined, 'SY');
    checklist.setStatus('connector:medatixx', 'handed-to-it', undefined, 'Dr. Weiß');
    checklist.setStatus('pvs:medatixx', 'done', undefined, 'Dr. Weiß');
    const user = userEvent.setup();
    renderWithApi(<App />, fake);
    await user.click(await screen.findByRole('button', { name: 'Protokoll' }));
    const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
    // The practice's set-up (seeded as its own journal event) comes first in time, so last in the list.
    await waitFor(() =>
      expect(rows().map((r) => r.textContent)).toEqual([
        expect.stringContaining('Praxissoftware medatixx: In Arbeit → Erledigt'),
        expect.stringContaining('TI-Konnektor (Anleitung für medatixx): Offen → An IT-Partner übergeben'),
        expect.stringContaining('Praxissoftware medatixx: Offen → In Arbeit'),
        expect.stringContaining('Angaben zur Praxis gespeichert'),
      ]),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Bereich' }), 'TI-Konnektor');
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Bereich' }), 'Alle');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Person' }), 'Dr. Weiß');
    await waitFor(() => expect(rows()).toHaveLength(2));
  });
});
