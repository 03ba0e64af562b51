import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeChannels } from '../shared/ipc/channels';
import { launchApp } from './launch-app';
import { expect, screenshot, seriousA11yViolations, test } from './support';

test('starts in German with the app frame', async ({ userDataDir, host }) => {
  const app = await launchApp({ userDataDir });
  const { page } = app;
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('button')).toHaveText(['Übersicht', 'Aufgaben', 'Protokoll', 'Einstellungen']);
  // The first start opens the Einrichtung.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie heißt Ihre Praxis?');
  await expect(page.getByText('Einrichtung · Frage 1 von 11')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '01-erster-start');
  await app.close();
});

test('practice name, user and language persist across a restart', async ({ userDataDir, host }) => {
  let app = await launchApp({ userDataDir });
  let page = app.page;
  await page.getByRole('button', { name: 'Einstellungen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeFocused();
  await page.getByLabel('Name der Praxis').fill('Praxis Dr. Weiß');
  await page.getByLabel('Wer nutzt Passwort-Lotse gerade?').fill('S. Yılmaz');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status')).toHaveText('Gespeichert.');
  await expect(page.locator('.practice-name')).toHaveText('Praxis Dr. Weiß');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '02-einstellungen');
  // The radio shows main's state: it turns checked once main has saved the choice.
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await app.close();

  app = await launchApp({ userDataDir });
  page = app.page;
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is your practice called?');
  await expect(page.locator('.practice-name')).toHaveText('Praxis Dr. Weiß');
  await expect(page.locator('.user-name')).toHaveText('In use by: S. Yılmaz');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Practice name')).toHaveValue('Praxis Dr. Weiß');
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await screenshot(page, host, '03-settings-english');
  await app.close();
});

test('a damaged store is set aside, restored from the last good copy, and the user is told in German', async ({ userDataDir, host }) => {
  let app = await launchApp({ userDataDir });
  await app.page.getByRole('button', { name: 'Einstellungen', exact: true }).click();
  await app.page.getByLabel('Name der Praxis').fill('Praxis am Dom');
  await app.page.getByRole('button', { name: 'Speichern' }).click();
  await expect(app.page.getByRole('status')).toHaveText('Gespeichert.');
  await app.close();
  app = await launchApp({ userDataDir }); // this start keeps the good file as the last good copy
  await app.close();

  writeFileSync(join(userDataDir, 'passwort-lotse.json'), '{ "schemaVersion": 1, "settings": { "practiceName": ');
  app = await launchApp({ userDataDir });
  const notice = app.page.getByRole('alert');
  await expect(notice).toContainText(
    'Die gespeicherten Daten waren beschädigt und wurden aus der letzten funktionierenden Sicherung wiederhergestellt.',
  );
  const damaged = readdirSync(userDataDir).filter((name) => name.includes('.damaged-'));
  expect(damaged).toHaveLength(1);
  await expect(notice).toContainText(damaged[0] as string);
  await expect(app.page.locator('.practice-name')).toHaveText('Praxis am Dom');
  expect(await seriousA11yViolations(app.page)).toEqual([]);
  await screenshot(app.page, host, '04-wiederhergestellt');
  await notice.getByRole('button', { name: 'Hinweis schließen' }).click();
  await expect(app.page.getByRole('alert')).toHaveCount(0);
  await app.close();
});

test('with no good copy the app starts afresh and says where the damaged file is', async ({ userDataDir }) => {
  writeFileSync(join(userDataDir, 'passwort-lotse.json'), 'das ist kein JSON');
  const app = await launchApp({ userDataDir });
  await expect(app.page.getByRole('alert')).toContainText('es gab keine funktionierende Sicherung');
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Wie heißt Ihre Praxis?');
  await app.close();
});

test('the page runs under a strict content security policy and has no Node', async ({ userDataDir }) => {
  const app = await launchApp({ userDataDir });
  const probe = await app.page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    const w = window as unknown as Record<string, unknown>;
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.head.append(inline);
    const remote = document.createElement('img');
    remote.src = 'https://example.org/pixel.png';
    document.body.append(remote);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return {
      inlineRan: w['__inlineRan'] === true,
      violations: [...new Set(violations)].sort(),
      require: typeof w['require'],
      process: typeof w['process'],
      api: Object.keys(w['api'] as object).sort(),
    };
  });
  expect(probe).toEqual({
    inlineRan: false,
    violations: ['img-src', 'script-src-elem'],
    require: 'undefined',
    process: 'undefined',
    api: [...Object.keys(invokeChannels), 'onStateChanged'].sort(),
  });
  await app.close();
});

test('keyboard alone reaches every screen with a visible focus ring', async ({ userDataDir }) => {
  const app = await launchApp({ userDataDir });
  const { page } = app;
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  // The role in the header comes before the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Ihre Rolle' })).toBeFocused();
  for (const name of ['Übersicht', 'Aufgaben', 'Protokoll', 'Einstellungen']) {
    await page.keyboard.press('Tab');
    const button = page.getByRole('button', { name, exact: true });
    await expect(button).toBeFocused();
    const outline = await button.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeFocused();
  await app.close();
});
