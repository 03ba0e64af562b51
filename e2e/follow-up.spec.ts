import { join } from 'node:path';
import { startMainServices } from '../electron/main/bootstrap';
import { BUNDLED_PACK_FILE } from '../electron/main/services/advisory-source';
import { confEngine } from '../electron/main/store/conf-engine';
import { defaultProfile } from '../shared/domain/profile';
import { addWorkingDays, localDay } from '../shared/format/date';
import { launchApp } from './launch-app';
import { expect, screenshot, seriousA11yViolations, test } from './support';

const root = join(import.meta.dirname, '..');

test('a hand-over whose Wiedervorlage has passed shows first in the Übersicht, marked overdue; it can be moved in its guide', async ({
  userDataDir,
  host,
}) => {
  const services = startMainServices({
    userDataDir,
    engine: confEngine,
    version: '0.1.0-e2e',
    packFile: join(root, 'assets', 'packs', BUNDLED_PACK_FILE),
    keysDir: join(root, 'assets', 'keys'),
  });
  services.core.handlers.updateSettings({ practiceName: 'Praxis am Dom', userName: 'Sabine Yilmaz', role: 'praxis' });
  services.core.handlers.saveProfile({
    ...defaultProfile(),
    completed: true,
    products: ['x.comfort'],
    connector: 'yes',
    connectorModel: 'kocobox',
    computers: [{ id: 'server', name: 'Server', server: true }],
  });
  const today = localDay(new Date());
  // Handed over first with a day ahead, then one whose day has passed (a week ago).
  services.core.handlers.setTaskStatus({ taskId: 'team-briefing', status: 'handed-to-it', followUp: addWorkingDays(today, 3) });
  const past = new Date();
  past.setDate(past.getDate() - 7);
  services.core.handlers.setTaskStatus({ taskId: 'connector:x.comfort', status: 'handed-to-it', followUp: localDay(past) });
  services.close();

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
