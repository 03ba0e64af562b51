import type { Locator, Page } from '@playwright/test';

/** Press Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, { max = 60, backwards = false } = {}): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`keyboard: could not reach ${String(target)} with ${max} presses of Tab`);
}

/** Tab into a radio group and move with the arrow keys until `target` is checked. */
export async function chooseRadio(page: Page, target: Locator): Promise<void> {
  const name = await target.getAttribute('name');
  const group = page.locator(`input[type="radio"][name="${name}"]`);
  for (let i = 0; i < 60; i += 1) {
    const inGroup = await page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, name);
    if (inGroup) break;
    await page.keyboard.press('Tab');
  }
  for (let i = 0; i < (await group.count()) + 1; i += 1) {
    if (await target.isChecked()) return;
    await page.keyboard.press('ArrowDown');
  }
  if (!(await target.isChecked())) throw new Error('keyboard: radio could not be chosen with the arrow keys');
}

/** Focus a control by Tab and press a key on it (Space for a checkbox, Enter for a button). */
export async function press(page: Page, target: Locator, key: 'Enter' | 'Space'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}
