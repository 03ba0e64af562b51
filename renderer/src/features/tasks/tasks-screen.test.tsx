import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../../shared/domain/profile';
import type { Language } from '../../../../shared/state/settings';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';

async function openTasks(language: Language = 'de') {
  const fake = createFakeApi({
    state: {
      settings: { practiceName: 'Praxis', userName: 'AB', language },
      profile: {
        ...defaultProfile(),
        completed: true,
        products: ['x.comfort'],
        connector: 'yes',
        computers: [
          { id: 'c-1', name: 'Empfang 1', server: false },
          { id: 'c-2', name: 'Praxisserver', server: true },
        ],
        cardTerminals: [{ id: 't-1', model: '' }],
      },
    },
  });
  renderWithApi(<App />, fake);
  const user = userEvent.setup();
  const tasks = language === 'de' ? 'Aufgaben' : 'Tasks';
  await user.click(await screen.findByRole('button', { name: tasks }));
  await screen.findByRole('heading', { level: 1, name: tasks });
  return fake;
}

/** The line under a task's title, by task id. */
const subtitle = (taskId: string) => document.querySelector<HTMLElement>(`tr[data-task-id="${taskId}"] .task-guide`);
const title = (taskId: string) => document.querySelector<HTMLElement>(`tr[data-task-id="${taskId}"] th button`)?.textContent ?? '';

describe('TasksScreen', () => {
  it('does not repeat the task’s title under it: the guide’s version and date, its title only where it says more', async () => {
    await openTasks();
    expect(title('pvs:x.comfort')).toBe('Praxissoftware x.comfort');
    expect(subtitle('pvs:x.comfort')?.textContent).toBe('Anleitung Version 1.1 vom 09.11.2021');
    expect(title('connector:x.comfort')).toBe('TI-Konnektor (Anleitung für x.comfort)');
    expect(subtitle('connector:x.comfort')?.textContent).toBe('Anleitung Version 1.0 vom 08.11.2021');
    expect(subtitle('card-terminal:t-1')?.textContent).toBe('Anleitung Version 1.1 vom 28.11.2026');
    // One guide for every workstation, one for every server: its title tells what the task is about.
    expect(subtitle('windows:c-1')?.textContent).toBe('Anleitung: Windows-Anmeldung an einem Arbeitsplatz, Version 1.0 vom 28.11.2026');
    expect(subtitle('server:c-2')?.textContent).toBe('Anleitung: Windows-Anmeldung am Server, Version 1.0 vom 28.11.2026');
    // The guide's title is a pack text and names its language.
    expect(subtitle('windows:c-1')?.querySelector('[lang]')?.getAttribute('lang')).toBe('de');

    const rows = [...document.querySelectorAll<HTMLElement>('tbody tr[data-task-id]')];
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) {
      const id = row.dataset['taskId'] ?? '';
      expect(subtitle(id)?.textContent, id).toMatch(/Version \d+\.\d+ vom \d{2}\.\d{2}\.\d{4}$/);
      expect(subtitle(id)?.textContent, id).not.toContain(title(id));
    }
  });

  it('says the same in English', async () => {
    await openTasks('en');
    expect(subtitle('pvs:x.comfort')?.textContent).toBe('Guide version 1.1, 9 Nov 2021');
    expect(subtitle('windows:c-1')?.textContent).toBe('Guide: Windows sign-in at a workstation, version 1.0, 28 Nov 2026');
    expect(subtitle('windows:c-1')?.querySelector('[lang]')?.getAttribute('lang')).toBe('en');
  });
});
