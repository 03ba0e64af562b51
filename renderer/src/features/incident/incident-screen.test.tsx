import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../../shared/domain/profile';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

/** The Übersicht of a set-up practice, then „Was ist passiert?“ (or "What happened?"). */
async function openIncident(language: 'de' | 'en') {
  const fake = createFakeApi({
    state: { settings: { practiceName: 'Praxis', userName: 'AB', language }, profile: { ...defaultProfile(), completed: true } },
  });
  renderWithApi(<App />, fake);
  const link = language === 'de' ? 'Was ist passiert?' : 'What happened?';
  await userEvent.setup().click(await screen.findByRole('button', { name: link }));
  return screen.findByRole('heading', { level: 1, name: link });
}

/** The list right after the h2 named `name`. */
function listUnder(name: string): HTMLElement {
  const list = screen.getByRole('heading', { level: 2, name }).nextElementSibling;
  expect(list?.tagName).toBe('UL');
  return list as HTMLElement;
}

describe('IncidentScreen', () => {
  it('puts the sources under a heading of their own, at the level of the other sections', async () => {
    await openIncident('de');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['Zeitlicher Ablauf', 'Was bekannt ist', 'Was nicht bekannt ist', 'Quellen']);
    expect(within(listUnder('Quellen')).getAllByRole('listitem')[0]?.textContent).toContain('medatixx-Kundeninformation');
  });

  it('names the sources in English too', async () => {
    await openIncident('en');
    expect(within(listUnder('Sources')).getAllByRole('listitem')[0]?.textContent).toContain('medatixx customer information');
  });

  it('leads back to the Übersicht from its top', async () => {
    await openIncident('de');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Zurück zur Übersicht' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Willkommen, Praxis' })).toBeTruthy();
  });
});
