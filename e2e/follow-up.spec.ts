import { addWorkingDays, localDay } from '../shared/format/date';
import { launchApp } from './launch-app';
import { seedPractice } from './seed';
import { expect, screenshot, seriousA11yViolations, test } from './support';

/** A practice with two hand-overs: one due in 3 working days, one whose day was a week ago. */
function seed(userDataDir: string) {
  seedPractice(userDataDir, (services) => {
    const today = localDay(new Date());
    services.core.handlers.setTaskStatus({ taskId: 'team-briefing', status: 'handed-to-it', followUp: addWorkingDays(today, 3) });
    const past = new Date();
    past.setDate(past.getDate() - 7);
    services.core.handlers.setTaskStatus({ taskId: 'connector:x.comfort', status: 'handed-to-it', followUp: localDay(past) });
  });
}

test('a hand-over whose Wiedervorlage has passed shows first in the Übersicht, marked overdue; it can be moved in its guide', async ({
  userDataDir,
  host,
}) => {
  seed(userDataDir);
  const today = localDay(new Date());
  const app = await launchApp({ userDataDir });
  const { page } = app;
  const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Beim IT-Partner', exact: true }) });
  const items = card.locator('li');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('TI-Konnektor (Anleitung für x.comfort)');
  await expect(items.first()).toContainText('überfällig');
  await expect(items.nth(1)).toContainText('Team informieren');
  await expect(items.nth(1)).not.toContainText('überfällig');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '95-wiedervorlage-ueberfaellig');

  // Moved to next week in the guide: no longer overdue, and the Protokoll says so.
  await items.first().getByRole('button').click();
  const move = page.getByLabel('Wiedervorlage verschieben', { exact: true });
  await move.fill(addWorkingDays(today, 5));
  await page.getByRole('button', { name: 'Wiedervorlage verschieben' }).click();
  await expect(page.getByRole('status')).toContainText('Die Wiedervorlage ist jetzt am');
  await expect(page.locator('.record')).not.toContainText('überfällig');
  await page.getByRole('button', { name: 'Übersicht', exact: true }).click();
  await expect(card.locator('li').first()).not.toContainText('überfällig');
  await app.close();
});

test('the desktop reminder (a test double here) counts what is overdue and open, opens the Übersicht, and can be switched off', async ({
  userDataDir,
  host,
}) => {
  test.skip(host === 'electron', 'the operating system shows the notification in the Electron host; its double exists in the browser host');
  seed(userDataDir);
  const app = await launchApp({ userDataDir });
  const reminders = app.reminders;
  if (!reminders) throw new Error('browser host without its reminder double');
  expect(reminders.shown).toHaveLength(1);
  expect(reminders.shown[0]?.title).toBe('Passwort-Lotse: Passwortwechsel');
  expect(reminders.shown[0]?.body).toMatch(
    /^1 Aufgabe beim IT-Partner ist überfällig\. \d+ Aufgaben der Praxis sind noch offen\. Zum Öffnen/,
  );
  const { page } = app;
  await page.getByRole('button', { name: 'Protokoll', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protokoll');
  reminders.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen, Praxis am Dom');

  await page.getByRole('button', { name: 'Einstellungen', exact: true }).click();
  const setting = page.getByRole('checkbox', { name: /an überfällige und offene Aufgaben erinnern/ });
  await expect(setting).toBeChecked();
  await setting.press('Space');
  await expect(setting).not.toBeChecked();
  expect(reminders.check()).toBeUndefined();
  expect(reminders.shown).toHaveLength(1);
  await app.close();
});
