import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordService } from '../electron/main/services/record-service';
import { defaultProfile } from '../shared/domain/profile';
import { launchApp } from './launch-app';
import { expect, expectPathWrapsAtSeparators, NARROW, screenshot, seriousA11yViolations, test } from './support';

const INSTALLATION = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** A practice recorded on this PC before: settings file and journal, written through the real record service. */
function seedRecord(userDataDir: string): string {
  writeFileSync(
    join(userDataDir, 'passwort-lotse.json'),
    JSON.stringify({ schemaVersion: 3, installationId: INSTALLATION, settings: { userName: 'Dr. Weiß', language: 'de' } }),
  );
  let t = Date.parse('2026-11-27T09:00:00.000Z');
  const record = new RecordService({
    dir: join(userDataDir, 'journal'),
    installationId: INSTALLATION,
    osUser: 'empfang',
    clock: () => new Date((t += 60_000)),
  });
  record.append({
    kind: 'names-changed',
    by: 'Dr. Weiß',
    data: { practice: { from: '', to: 'Praxis am Dom' }, user: { from: '', to: 'Dr. Weiß' } },
  });
  record.append({
    kind: 'profile-saved',
    by: 'Dr. Weiß',
    data: {
      profile: { ...defaultProfile(), completed: true, products: ['x.comfort'], connector: 'no', firewall: 'no', securitySystem: 'no' },
      changes: [],
    },
  });
  const task = { area: 'pvs' as const, guideId: 'pvs-x.comfort', guideVersion: '1.1' };
  record.append({ kind: 'status-set', by: 'S. Yılmaz', data: { taskId: 'pvs:x.comfort', ...task, from: 'open', to: 'in-progress' } });
  record.append({ kind: 'status-set', by: 'Dr. Weiß', data: { taskId: 'pvs:x.comfort', ...task, from: 'in-progress', to: 'done' } });
  record.close();
  return join(userDataDir, 'journal', `${INSTALLATION}.jsonl`);
}

test('a journal line changed afterwards: the app opens, names the entry in German, keeps the file and goes on in a new segment', async ({
  userDataDir,
  host,
}) => {
  const file = seedRecord(userDataDir);
  const lines = readFileSync(file, 'utf8').split('\n');
  // Someone edits the third entry (who set "In Arbeit") without being able to recompute its checksum.
  lines[2] = (lines[2] as string).replace('S. Yılmaz', 'Dr. Weiß');
  writeFileSync(file, lines.join('\n'));
  const tampered = readFileSync(file);

  const app = await launchApp({ userDataDir });
  const { page } = app;
  const alert = page.getByRole('alert').filter({ hasText: 'nicht mehr lückenlos' });
  await expect(alert).toContainText('Eintrag 3');
  await expect(alert).toContainText('wurde nachträglich verändert');
  await expect(alert).toContainText('27.11.2026, 10:03 Uhr, Dr. Weiß: Status geändert (Praxissoftware x.comfort → In Arbeit)');
  await expect(alert).toContainText(`${INSTALLATION}.2.jsonl`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '70-protokoll-unterbrochen');
  // At 200 % Windows scaling (683×384 CSS px) the long file names wrap instead of widening the page.
  await page.setViewportSize(NARROW);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  // The broken file and the new segment wrap after a separator, their folder and file names whole.
  const paths = alert.locator('.path-text');
  await expect(paths).toHaveCount(2);
  for (const path of await paths.all()) await expectPathWrapsAtSeparators(path, 'journal notice at 683');
  await screenshot(page, host, '70-protokoll-unterbrochen-200');
  await page.setViewportSize({ width: 1366, height: 768 });

  // What was recorded is still there: the task is done, and the Protokoll records the break.
  await page.getByRole('button', { name: 'Protokoll', exact: true }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Die Kette des Protokolls war unterbrochen');
  await expect(rows.nth(2)).toContainText('Praxissoftware x.comfort: In Arbeit → Erledigt');
  await screenshot(page, host, '71-protokoll-nach-unterbrechung');
  await app.close();

  // The broken file is exactly as it was; a second start knows the break and starts no third segment.
  expect(readFileSync(file).equals(tampered)).toBe(true);
  const again = await launchApp({ userDataDir });
  await expect(again.page.getByRole('alert').filter({ hasText: 'nicht mehr lückenlos' })).toHaveCount(0);
  expect(readdirSync(join(userDataDir, 'journal')).filter((name) => name.endsWith('.jsonl'))).toHaveLength(2);
  await again.close();
});

test('a last line torn by a crash is cut off, kept aside, and the user is told in German', async ({ userDataDir, host }) => {
  const file = seedRecord(userDataDir);
  writeFileSync(file, `${readFileSync(file, 'utf8')}{"at":"2026-11-27T09:09:00.000Z","by":"Dr. We`);
  const app = await launchApp({ userDataDir });
  const { page } = app;
  await expect(page.getByRole('alert').filter({ hasText: 'wurde beim Speichern des letzten Eintrags unterbrochen' })).toBeVisible();
  await screenshot(page, host, '72-letzter-eintrag-abgetrennt');
  await page.getByRole('button', { name: 'Hinweis schließen' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Aufgaben', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Praxissoftware x.comfort' })).toBeVisible();
  await app.close();
  expect(readdirSync(join(userDataDir, 'journal')).some((name) => name.includes('.torn-'))).toBe(true);
  expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
});
