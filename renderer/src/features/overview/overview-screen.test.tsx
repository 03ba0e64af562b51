import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../../shared/domain/profile';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

const practice = (readOnly: boolean) =>
  createFakeApi({
    state: {
      settings: { practiceName: 'Praxis Süd', userName: 'SY', language: 'de', role: 'praxis' },
      profile: { ...defaultProfile(), completed: true, products: ['x.comfort'], connector: 'yes', remoteTools: ['teamviewer'] },
    },
    readOnly,
  });

const handOverCard = async () => {
  const heading = await screen.findByRole('heading', { level: 2, name: 'Noch an den IT-Partner übergeben?' });
  return heading.closest('section') as HTMLElement;
};

describe('Übersicht: handing over', () => {
  it('hands an IT task over with one click', async () => {
    const fake = practice(false);
    renderWithApi(<App />, fake);
    const card = await handOverCard();
    const [first] = within(card).getAllByRole('button', { name: /^Übergeben: / });
    await userEvent.setup().click(first as HTMLElement);
    expect(fake.calls.some((call) => call.method === 'setTaskStatus')).toBe(true);
  });

  it('while another session holds the record, the hand-over buttons are off and say why', async () => {
    const fake = practice(true);
    renderWithApi(<App />, fake);
    const card = await handOverCard();
    const note = within(card).getByText(/^Nur ansehen: Übergeben können Sie/);
    const buttons = within(card).getAllByRole('button', { name: /^Übergeben: / });
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) {
      expect((button as HTMLButtonElement).disabled).toBe(true);
      expect(button.getAttribute('aria-describedby')).toBe(note.id);
    }
    await userEvent.setup().click(buttons[0] as HTMLElement);
    expect(fake.calls.filter((call) => call.method === 'setTaskStatus')).toEqual([]);
  });
});
