import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProfile } from '../shared/domain/profile';
import type { PersistedV2 } from '../shared/state/persisted';
import { packWithXComfortUpdate, signPack } from '../electron/testing/pack-fixtures';
import { launchApp } from './launch-app';
import { expect, expectNoOverflow, NARROW, screenshot, seriousA11yViolations, test, WIDE } from './support';
import { testSigningKey } from '../electron/testing/test-keys';

/**
 * A practice from an earlier session: x.comfort, no connector, one workstation; set up through a store file of
 * version 2 (as the app before the journal wrote it), so the start carries it over into the journal.
 */
function seedPractice(userDataDir: string) {
  const state: PersistedV2 = {
    schemaVersion: 2,
    settings: { practiceName: '', userName: '', language: 'de' },
    profile: defaultProfile(),
    taskStates: {},
    log: [],
  };
  state.settings = { practiceName: 'Praxis am Dom', userName: 'Dr. Weiß', language: 'de' };
  state.profile = {
    ...state.profile,
    completed: true,
    products: ['x.comfort'],
    connector: 'no',
    firewall: 'no',
    securitySystem: 'no',
    computers: [{ id: 'c-1', name: 'Empfang 1', server: false }],
  };
  writeFileSync(join(userDataDir, 'passwort-lotse.json'), JSON.stringify(state));
}

test.beforeEach(({ host }) => {
  test.skip(host === 'electron', 'signs update packs with a key made for this run, which only the browser host can be told to trust');
});

test('a newer signed pack that changes the x.comfort guide turns the done task into "Erneut prüfen"', async ({ userDataDir, host }) => {
  seedPractice(userDataDir);
  const app = await launchApp({ userDataDir });
  const { page } = app;
  // Done under version 1.1.
  await page.getByRole('button', { name: 'Aufgaben', exact: true }).click();
  await page.getByRole('button', { name: 'Praxissoftware x.comfort' }).click();
  await page.getByRole('radio', { name: 'Erledigt' }).check();
  await page.getByRole('button', { name: 'Status setzen' }).click();
  // No step ticked: the app asks once.
  await page.getByRole('button', { name: 'Trotzdem als erledigt markieren' }).click();
  await expect(page.locator('.record')).toContainText('Anleitung Version 1.1');

  const file = join(userDataDir, '..', `update-${Date.now()}.json`);
  writeFileSync(file, signPack(packWithXComfortUpdate(true), testSigningKey().privatePem));
  await page.getByRole('button', { name: 'Einstellungen', exact: true }).click();
  await expect(page.getByText('Installiert: Paket „medatixx-2021-11“, Revision 1 (mitgeliefert)')).toBeVisible();
  await page.getByLabel('Datei mit Anleitungen auswählen').setInputFiles(file);
  const preview = page.locator('.preview');
  await expect(preview).toContainText('Das ändert sich mit Revision 2 (bisher 1)');
  await expect(preview).toContainText('Passwortänderung in der Praxissoftware x.comfort: Version 1.1 → 1.2 – 1 Schritt geändert');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '60-anleitungen-vorschau');
  // At 200 % scaling and at 320 px: nothing wider than the window.
  for (const [size, name] of [
    [NARROW, '60-anleitungen-vorschau-200'],
    [{ width: 320, height: 568 }, '60-anleitungen-vorschau-320'],
  ] as const) {
    await page.setViewportSize(size);
    await expectNoOverflow(page, `update preview at ${size.width} px`);
    await page.getByRole('button', { name: 'Aktualisierung übernehmen' }).scrollIntoViewIfNeeded();
    await screenshot(page, host, name, { fullPage: false });
  }
  await page.setViewportSize(WIDE);
  await page.getByRole('button', { name: 'Aktualisierung übernehmen' }).click();
  await expect(page.getByText('Die Anleitungen wurden aktualisiert.')).toBeVisible();
  await expect(page.getByText('Installiert: Paket „medatixx-2021-11“, Revision 2 (aktualisiert)')).toBeVisible();

  await page.getByRole('button', { name: 'Aufgaben', exact: true }).click();
  await expect(page.locator('tr[data-task-id="pvs:x.comfort"]')).toContainText('Erneut prüfen');
  await page.getByRole('button', { name: 'Übersicht', exact: true }).click();
  await expect(page.locator('.outdated-banner')).toContainText(
    'Eine Anleitung wurde geändert, nachdem die Aufgabe erledigt war: Praxissoftware x.comfort. Bitte prüfen Sie sie erneut.',
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '61-uebersicht-erneut-pruefen');
  await page.getByRole('button', { name: 'Protokoll', exact: true }).click();
  await expect(page.locator('.log-table tbody tr').first()).toContainText('Praxissoftware x.comfort: Erledigt → Erneut prüfen');
  await app.close();
});

test('a tampered pack is refused in German and changes nothing', async ({ userDataDir, host }) => {
  seedPractice(userDataDir);
  const app = await launchApp({ userDataDir });
  const { page } = app;
  const envelope = JSON.parse(signPack(packWithXComfortUpdate(true), testSigningKey().privatePem));
  const text = Buffer.from(envelope.payload, 'base64').toString('utf8').replace('Prüfen Sie danach auch', 'Schicken Sie danach');
  const file = join(userDataDir, '..', `tampered-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ ...envelope, payload: Buffer.from(text).toString('base64') }));
  await page.getByRole('button', { name: 'Einstellungen', exact: true }).click();
  const before = await page.evaluate(() => (window as unknown as { api: { getState(): Promise<unknown> } }).api.getState());
  await page.getByLabel('Datei mit Anleitungen auswählen').setInputFiles(file);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Die Datei wurde nicht übernommen. Es hat sich nichts geändert.');
  await expect(alert).toContainText(
    'Die Signatur passt nicht zum Inhalt. Die Datei wurde nach dem Signieren verändert oder ist beschädigt.',
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '62-anleitungen-abgelehnt');
  await expect(page.getByText('Installiert: Paket „medatixx-2021-11“, Revision 1 (mitgeliefert)')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { api: { getState(): Promise<unknown> } }).api.getState())).toEqual(before);
  await app.close();
});

test('"Was ist passiert?" shows dates, what is known and what is not', async ({ userDataDir, host }) => {
  seedPractice(userDataDir);
  const app = await launchApp({ userDataDir });
  await app.page.getByRole('button', { name: 'Was ist passiert?' }).click();
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Was ist passiert?');
  await expect(app.page.getByText('08.11.2021', { exact: true })).toBeVisible();
  await expect(app.page.getByRole('heading', { name: 'Was nicht bekannt ist' })).toBeVisible();
  expect(await seriousA11yViolations(app.page)).toEqual([]);
  await screenshot(app.page, host, '70-was-ist-passiert');
  await app.close();
});
