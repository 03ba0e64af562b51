import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chooseRadio, press, tabTo } from './keyboard';
import { launchApp } from './launch-app';
import { seedPractice } from './seed';
import { expect, NARROW, screenshot, seriousA11yViolations, test, WIDE } from './support';

const TEXT = {
  de: {
    tasks: 'Aufgaben',
    pvs: 'Praxissoftware x.comfort',
    open: 'Vorschlag für ein neues Passwort',
    words: 'Anzahl der Wörter',
    copy: 'Kopieren',
    copied: 'Kopiert. Die Zwischenablage wird nach 30 Sekunden geleert.',
    spell: 'Buchstabieren',
  },
  en: {
    tasks: 'Tasks',
    pvs: 'Practice software x.comfort',
    open: 'Suggest a new password',
    words: 'Number of words',
    copy: 'Copy',
    copied: 'Copied. The clipboard will be cleared after 30 seconds.',
    spell: 'Spell out',
  },
} as const;

/** A practice set up on this PC (x.comfort), nothing done yet, in the given language. */
const seed = (userDataDir: string, language: 'de' | 'en') =>
  seedPractice(userDataDir, (services) => services.core.handlers.updateSettings({ language }));

/** Every file under the user-data folder (journal, settings, logs, anything else), as text. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path, 'latin1'), readFileSync(path, 'utf8')];
  });
}

const occurrences = (haystack: string, word: string) => haystack.split(word).length - 1;

for (const language of ['de', 'en'] as const) {
  test(`the passphrase helper from a guide step, by keyboard only: more words, copy, Escape; nothing of it in the user-data folder (${language})`, async ({
    userDataDir,
    host,
  }) => {
    const text = TEXT[language];
    seed(userDataDir, language);
    const app = await launchApp({ userDataDir });
    const { page } = app;
    if (host === 'browser')
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });

    // To the guide and its step "choose a new password", by keyboard only.
    await press(page, page.getByRole('button', { name: text.tasks, exact: true }), 'Enter');
    await press(page, page.getByRole('button', { name: text.pvs }), 'Enter');
    await expect(page.getByRole('heading', { level: 1, name: text.pvs })).toBeVisible();
    const before = filesUnder(userDataDir).join('\n');
    const opener = page.getByRole('button', { name: text.open });
    await press(page, opener, 'Enter');
    const dialog = page.getByRole('dialog', { name: text.open });
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    const secret = dialog.locator('[data-secret]');
    const shown = new Set<string>();
    const remember = async () => {
      const words = ((await dialog.locator('.passphrase-text').textContent()) ?? '').split(/[-._ ]/u);
      for (const word of words) shown.add(word.replace(/[0-9]/gu, ''));
      return words;
    };
    expect(await remember()).toHaveLength(5);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, host, `passphrase-${language}-1366`, { mask: [secret], fullPage: false });

    // Seven words, with the arrow keys in the radio group.
    await chooseRadio(page, dialog.getByRole('group', { name: text.words }).getByRole('radio', { name: '7' }));
    await expect.poll(async () => (await remember()).length).toBe(7);

    // Copy (Enter on the button): the dialog says the clipboard will be cleared.
    await press(page, dialog.getByRole('button', { name: text.copy }), 'Enter');
    await expect(dialog.getByText(text.copied)).toBeVisible();
    if (host === 'browser')
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await dialog.locator('.passphrase-text').textContent());

    // Spelled out, at 200 % scaling: the dialog fits the window's width and scrolls within itself.
    await press(page, dialog.getByRole('button', { name: text.spell }), 'Enter');
    await expect(dialog.locator('.passphrase-spell li')).toHaveCount(7);
    await page.setViewportSize(NARROW);
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= NARROW.width && box.y + box.height <= NARROW.height).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, host, `passphrase-${language}-683-top`, { mask: [secret], fullPage: false });
    await dialog.locator('.passphrase-spell').scrollIntoViewIfNeeded();
    await screenshot(page, host, `passphrase-${language}-683`, { mask: [secret], fullPage: false });
    await page.setViewportSize(WIDE);

    // Escape closes it; focus is back on the button that opened it, and the suggestion is gone from the page.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
    const pageAfter = await page.content();
    for (const word of shown) expect(pageAfter, word).not.toContain(`>${word}`);

    // Nothing of it anywhere in the user-data folder (a word may be part of a text there already: so no more often).
    await app.close();
    const after = filesUnder(userDataDir).join('\n');
    expect(shown.size).toBeGreaterThanOrEqual(7);
    for (const word of shown) expect(occurrences(after, word), word).toBe(occurrences(before, word));
  });
}

test('the helper is offered on the Übersicht and reached by Tab', async ({ userDataDir, host }) => {
  seed(userDataDir, 'de');
  const app = await launchApp({ userDataDir });
  const { page } = app;
  const opener = page.getByRole('button', { name: TEXT.de.open });
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: TEXT.de.open });
  await expect(dialog).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, 'passphrase-de-uebersicht', { mask: [dialog.locator('[data-secret]')], fullPage: false });
  await dialog.getByRole('button', { name: 'Schließen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  await app.close();
});

test('copying puts the suggestion on the clipboard and 30 seconds later it is empty again', async ({ userDataDir, host }) => {
  test.skip(host !== 'browser', 'reads the clipboard through the browser context');
  seed(userDataDir, 'de');
  const app = await launchApp({ userDataDir });
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.clock.install();
  await page.getByRole('button', { name: TEXT.de.open }).click();
  const dialog = page.getByRole('dialog', { name: TEXT.de.open });
  const shown = await dialog.locator('.passphrase-text').textContent();
  await dialog.getByRole('button', { name: TEXT.de.copy }).click();
  await expect(dialog.getByText(TEXT.de.copied)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  await page.clock.fastForward(29_000);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  await page.clock.fastForward(1_000);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('');
  await app.close();
});
