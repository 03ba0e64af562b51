import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { launchApp } from './launch-app';
import { expect, expectNoOverflow, expectPathWrapsAtSeparators, NARROW, screenshot, seriousA11yViolations, test, WIDE } from './support';

const TEXT = {
  de: {
    next: 'Weiter',
    finish: 'Aufgaben erstellen',
    practice: 'Wie heißt Ihre Praxis?',
    user: 'Wer nutzt Passwort-Lotse gerade?',
    tasks: 'Aufgaben',
    overview: 'Übersicht',
    protocol: 'Protokoll',
    settings: 'Einstellungen',
    incident: 'Was ist passiert?',
    setStatus: 'Status setzen',
    pvs: 'Praxissoftware x.comfort',
    sources: 'Quellen',
  },
  en: {
    next: 'Next',
    finish: 'Create tasks',
    practice: 'What is your practice called?',
    user: 'Who is using Passwort-Lotse right now?',
    tasks: 'Tasks',
    overview: 'Overview',
    protocol: 'Log',
    settings: 'Settings',
    incident: 'What happened?',
    setStatus: 'Set status',
    pvs: 'Practice software x.comfort',
    sources: 'Sources',
  },
} as const;

/** The answers the layout specs give in the Einrichtung: long names, and x.comfort as the practice software. */
async function answer(page: Page, text: (typeof TEXT)[keyof typeof TEXT], title: string, screen: number) {
  if (title === text.practice) await page.getByRole('textbox', { name: text.practice }).fill('Praxis Dr. Weiß-Müllenbach und Kolleginnen');
  if (title === text.user) await page.getByRole('textbox', { name: text.user }).fill('Sabine Yılmaz-Hohenstein');
  if (screen === 2) await page.getByRole('checkbox', { name: 'x.comfort' }).check();
}

/** Is the whole element inside the viewport, without scrolling? */
async function expectInView(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, what).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: bottom within ${viewport.height}px`).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width);
}

/**
 * Tab from an Einrichtung question's heading through its controls to the sticky Zurück/Weiter bar: each control that
 * gets focus is scrolled into view above the bar, never left under it (WCAG 2.4.11 Focus Not Obscured).
 */
async function expectFocusAboveBar(page: Page, heading: Locator, what: string) {
  await heading.focus();
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const focused = document.activeElement;
      const bar = document.querySelector('.sticky-actions');
      if (!(focused instanceof HTMLElement) || !bar || bar.contains(focused)) return null;
      const box = focused.getBoundingClientRect();
      const label = focused.closest('label')?.textContent ?? focused.getAttribute('aria-label') ?? focused.textContent ?? '';
      return { name: `${focused.tagName} “${label.trim()}”`, top: box.top, bottom: box.bottom, barTop: bar.getBoundingClientRect().top };
    });
    if (!focus) return;
    expect(focus.top, `${what}: ${focus.name} in view`).toBeGreaterThanOrEqual(0);
    expect(focus.bottom, `${what}: ${focus.name} above the sticky bar`).toBeLessThanOrEqual(focus.barTop);
  }
  throw new Error(`${what}: Tab never reached the sticky bar`);
}

for (const language of ['de', 'en'] as const) {
  test(`at 200 % scaling (683×384) every Einrichtung screen's primary button and the guide's status are in view (${language})`, async ({
    userDataDir,
    host,
  }) => {
    // Eleven questions tabbed through and axe on every screen at two sizes: more than the default 90 s on a slow machine.
    test.setTimeout(180_000);
    const text = TEXT[language];
    writeFileSync(join(userDataDir, 'passwort-lotse.json'), JSON.stringify({ schemaVersion: 3, settings: { userName: '', language } }));
    const app = await launchApp({ userDataDir });
    const { page } = app;
    await page.setViewportSize(NARROW);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const primary = page.locator('.form-actions .button-primary');
    const heading = page.getByRole('heading', { level: 1 });

    // No navigation entry is current during the first Einrichtung.
    await expect(page.locator('.app-nav [aria-current="page"]')).toHaveCount(0);
    let screen = 0;
    for (;;) {
      await expect(heading).toBeVisible();
      const title = (await heading.innerText()).trim();
      await expectInView(page, primary, `“${title}”: primary button`);
      await expectNoOverflow(page, title);
      expect(await seriousA11yViolations(page), title).toEqual([]);
      await screenshot(page, host, `l-${language}-683-setup-${String(screen).padStart(2, '0')}`);
      await expectFocusAboveBar(page, heading, `“${title}”`);
      // The window as it is once Tab reached the bar: the question's last control above it.
      await screenshot(page, host, `l-${language}-683-setup-${String(screen).padStart(2, '0')}-tabbed`, { fullPage: false });
      await answer(page, TEXT[language], title, screen);
      const label = (await primary.innerText()).trim();
      await primary.click();
      if (label === text.finish) break;
      await expect(heading).not.toHaveText(title);
      screen += 1;
      expect(screen, 'the Einrichtung ends').toBeLessThan(20);
    }

    // The guide: the status choices and "Status setzen" are in view when it opens.
    await expect(heading).toHaveText(text.tasks);
    await page.getByRole('button', { name: text.pvs, exact: true }).click();
    await expect(heading).toHaveText(text.pvs);
    await screenshot(page, host, `l-${language}-683-guide`);
    await expectInView(page, page.locator('.status-panel input[type="radio"]').first(), 'guide: first status choice');
    await expectInView(page, page.getByRole('button', { name: text.setStatus }), 'guide: Status setzen');
    await expectNoOverflow(page, 'guide');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Every other screen, at both sizes: nothing wider than the window, axe clean, a screenshot to look at.
    for (const size of [NARROW, WIDE]) {
      await page.setViewportSize(size);
      for (const [name, target] of [
        ['overview', text.overview],
        ['tasks', text.tasks],
        ['protocol', text.protocol],
        ['settings', text.settings],
      ] as const) {
        await page.getByRole('navigation').getByRole('button', { name: target, exact: true }).click();
        await expect(heading).toBeVisible();
        await expectNoOverflow(page, `${name} at ${size.width}`);
        expect(await seriousA11yViolations(page), `${name} at ${size.width}`).toEqual([]);
        await screenshot(page, host, `l-${language}-${size.width}-${name}`);
      }
      // The Einstellungen' folder and files (data folder, log file, record): broken only after a separator.
      const paths = page.locator('dd.path').filter({ hasText: /^\s*(\/|[A-Za-z]:\\)/ });
      await expect(paths).toHaveCount(3);
      for (const path of await paths.all()) await expectPathWrapsAtSeparators(path, `settings at ${size.width}`);
      await page.getByRole('navigation').getByRole('button', { name: text.overview, exact: true }).click();
      await page.getByRole('button', { name: text.incident }).click();
      await expect(page.getByRole('heading', { level: 2, name: text.sources })).toBeVisible();
      await expectNoOverflow(page, `incident at ${size.width}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, host, `l-${language}-${size.width}-incident`);
    }
    // The practice and user names never break inside a word: each stays on one line, shortened with an ellipsis at
    // 683 px, and the full text is the element's tooltip.
    await page.setViewportSize(NARROW);
    for (const name of [page.locator('.practice-name'), page.locator('.user-name')]) {
      const shape = await name.evaluate((el) => ({
        lineHeight: parseFloat(getComputedStyle(el).lineHeight),
        shortened: el.scrollWidth > el.clientWidth,
        text: el.textContent,
        title: el.getAttribute('title') ?? '',
      }));
      expect((await name.boundingBox())?.height ?? 0).toBeLessThanOrEqual(shape.lineHeight * 1.2);
      expect(shape.shortened, `${shape.text} is shortened at 683 px`).toBe(true);
      expect(shape.text?.trim(), 'a name is shown').not.toBe('');
      expect(shape.title, 'the tooltip has the full name').toBe(shape.text?.trim());
    }
    await app.close();
  });
}

test('where the Zurück/Weiter bar wraps (320 px wide, large text), a control reached with Tab still comes to rest above it', async ({
  userDataDir,
}) => {
  writeFileSync(join(userDataDir, 'passwort-lotse.json'), JSON.stringify({ schemaVersion: 3, settings: { userName: '', language: 'de' } }));
  const app = await launchApp({ userDataDir });
  const { page } = app;
  // WCAG's reflow width (1280 px at 400 %), with the text enlarged as a user may set it.
  await page.setViewportSize({ width: 320, height: 568 });
  await page.evaluate(() => (document.documentElement.style.fontSize = '22px'));
  const heading = page.getByRole('heading', { level: 1 });
  const next = page.getByRole('button', { name: TEXT.de.next });
  await page.getByRole('textbox', { name: TEXT.de.practice }).fill('Praxis am Dom');
  await next.click();
  await page.getByRole('textbox', { name: TEXT.de.user }).fill('Sabine Yilmaz');
  await next.click();
  await expect(heading).toHaveText('Welche Praxissoftware von medatixx nutzen Sie?');
  // The bar's two buttons are on two lines here (nothing wider than the window), so the bar is twice as tall.
  const buttons = page.locator('.sticky-actions button');
  await expect(buttons).toHaveCount(2);
  const [back, forward] = [await buttons.nth(0).boundingBox(), await buttons.nth(1).boundingBox()];
  if (!back || !forward) throw new Error('the bar’s buttons have no boxes');
  expect(forward.y, 'Weiter is below Zurück').toBeGreaterThanOrEqual(back.y + back.height);
  await expectNoOverflow(page, 'Praxissoftware at 320 px');
  await expectFocusAboveBar(page, heading, 'Praxissoftware at 320 px');
  await app.close();
});

for (const language of ['de', 'en'] as const) {
  test(`at 320 px (WCAG reflow) with text enlarged to 125 %, no screen is wider than the window; a wide table scrolls in its own frame (${language})`, async ({
    userDataDir,
  }) => {
    test.setTimeout(120_000);
    const text = TEXT[language];
    writeFileSync(join(userDataDir, 'passwort-lotse.json'), JSON.stringify({ schemaVersion: 3, settings: { userName: '', language } }));
    const app = await launchApp({ userDataDir });
    const { page } = app;
    await page.setViewportSize({ width: 320, height: 568 });
    await page.evaluate(() => (document.documentElement.style.fontSize = '20px'));
    const heading = page.getByRole('heading', { level: 1 });
    const primary = page.locator('.form-actions .button-primary');
    for (let screen = 0; ; screen += 1) {
      const title = (await heading.innerText()).trim();
      await expectNoOverflow(page, `Einrichtung “${title}”`);
      await answer(page, TEXT[language], title, screen);
      const label = (await primary.innerText()).trim();
      await primary.click();
      if (label === text.finish) break;
      await expect(heading).not.toHaveText(title);
      expect(screen, 'the Einrichtung ends').toBeLessThan(20);
    }
    await expect(heading).toHaveText(text.tasks);
    // The Aufgaben table is wider than 320 px: its frame scrolls, is named by the heading and takes focus (arrow keys).
    const frame = page.locator('.table-scroll');
    await expect(frame).toHaveAttribute('role', 'region');
    await expect(frame).toHaveAttribute('tabindex', '0');
    await expect(frame).toHaveAccessibleName(text.tasks);
    const scrolled = await frame.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrolled, 'the table scrolls inside its frame').toBe(true);
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.evaluate((el) => el.scrollLeft), { message: 'ArrowRight scrolls the table' }).toBeGreaterThan(0);
    await expectNoOverflow(page, 'tasks');

    await page.getByRole('button', { name: text.pvs, exact: true }).click();
    await expect(heading).toHaveText(text.pvs);
    await expectNoOverflow(page, 'guide');
    for (const target of [text.overview, text.protocol, text.settings]) {
      await page.getByRole('navigation').getByRole('button', { name: target, exact: true }).click();
      await expect(heading).toBeVisible();
      await expectNoOverflow(page, target);
    }
    await page.getByRole('navigation').getByRole('button', { name: text.overview, exact: true }).click();
    await page.getByRole('button', { name: text.incident }).click();
    await expect(page.getByRole('heading', { level: 2, name: text.sources })).toBeVisible();
    await expectNoOverflow(page, 'incident');

    // Where the table fits, its frame is no region and adds no tab stop.
    await page.setViewportSize(WIDE);
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    await page.getByRole('navigation').getByRole('button', { name: text.tasks, exact: true }).click();
    await expect(heading).toHaveText(text.tasks);
    await expect(page.locator('.table-scroll')).not.toHaveAttribute('tabindex', /.*/);
    await expect(page.locator('.table-scroll')).not.toHaveAttribute('role', /.*/);
    await app.close();
  });
}
