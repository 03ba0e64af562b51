import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { electronBinary, type HostName } from './hosts';

export { expect } from '@playwright/test';

/** Every spec runs in both hosts; in the Electron project each test is skipped, with the reason, when there is no binary. */
/** The two screens every layout is checked at: 1366×768, and 200 % Windows scaling on it (683×384 CSS pixels). */
export const WIDE = { width: 1366, height: 768 };
export const NARROW = { width: 683, height: 384 };

export const test = base.extend<{ userDataDir: string; host: HostName }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use, testInfo) => {
    const host = (testInfo.project.metadata as { host?: HostName }).host ?? 'browser';
    if (host === 'electron') {
      const binary = electronBinary();
      testInfo.skip(!('path' in binary), 'reason' in binary ? `Electron host unavailable: ${binary.reason}` : '');
    }
    await use(host);
  },
  userDataDir: async ({ host }, use) => {
    await use(mkdtempSync(join(tmpdir(), `pl-e2e-${host}-`)));
  },
});

/**
 * A screenshot of a screen, written as a test artifact (never committed). `mask` covers elements with a solid box,
 * e.g. a suggested password, which must never be in a screenshot taken by a test (issue 13). `fullPage: false` for
 * a modal dialog: it is fixed to the window, so a full-page shot would draw its backdrop over part of the page only.
 */
export async function screenshot(
  page: Page,
  host: HostName,
  name: string,
  { mask, fullPage = true }: { mask?: Locator[]; fullPage?: boolean } = {},
): Promise<void> {
  const dir = join(import.meta.dirname, '..', 'e2e-artifacts', 'screenshots', host);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage, ...(mask ? { mask, maskColor: '#5a5a5a' } : {}) });
}

/** Nothing is wider than the window (no sideways scrolling of the page). */
export async function expectNoOverflow(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what}: page wider than the window`).toBeLessThanOrEqual(0);
}

/** axe violations of impact serious or critical on the current page. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/**
 * The text of an element as it is laid out, line by line (each character placed by its box), so a spec can see
 * where a long text wraps.
 */
export async function renderedLines(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const lines: { top: number; text: string }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let index = 0; index < text.length; index += 1) {
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const box = range.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const last = lines.at(-1);
        // A character more than half a line lower than the last one starts a new line.
        if (last && box.top < last.top + box.height / 2) last.text += text[index];
        else lines.push({ top: box.top, text: text[index] ?? '' });
      }
    }
    return lines.map((line) => line.text);
  });
}

/** A path's lines, laid out: every line but the last ends at a separator, i.e. no folder or file name is broken. */
export async function expectPathWrapsAtSeparators(locator: Locator, what: string): Promise<void> {
  const lines = await renderedLines(locator);
  const shown = lines.join('').replace(/\s/g, '');
  expect(shown, `${what}: the whole path is shown`).toBe((await locator.textContent())?.replace(/\s/g, '') ?? '');
  expect(
    lines.slice(0, -1).filter((line) => !/[\\/]$/.test(line.trim())),
    `${what}: lines ending inside a name (${lines.join(' ⏎ ')})`,
  ).toEqual([]);
}
