import { _electron } from '@playwright/test';
import { electronBinary } from './hosts';
import { launchApp } from './launch-app';
import { expect, test } from './support';

// What only the real Electron app can show: these run in the electron host and are skipped (with the reason) elsewhere.
test('the window has no Node, opens no other window and cannot navigate away', async ({ userDataDir, host }) => {
  test.skip(host !== 'electron', 'needs the real Electron app: window.open and navigation handlers exist only there');
  const app = await launchApp({ userDataDir });
  expect(app.page.url().startsWith('app://passwort-lotse/')).toBe(true);
  // No Node in the page, no second window from window.open.
  expect(
    await app.page.evaluate(() => [
      typeof (window as unknown as { require?: unknown }).require,
      typeof (window as unknown as { process?: unknown }).process,
    ]),
  ).toEqual(['undefined', 'undefined']);
  expect(await app.page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
  expect(await app.electron?.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  // Navigation away from the app is refused.
  await app.page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await expect.poll(() => app.page.url()).toMatch(/^app:\/\/passwort-lotse\//);
  await app.close();
});

test('a second start focuses the first window instead of opening another', async ({ userDataDir, host }) => {
  test.skip(host !== 'electron', 'needs the real Electron app: the single-instance lock is an Electron feature');
  const app = await launchApp({ userDataDir });
  const binary = electronBinary();
  if (!('path' in binary)) throw new Error(binary.reason);
  const second = await _electron.launch({
    executablePath: binary.path,
    args: ['.'],
    env: { ...process.env, PASSWORT_LOTSE_USER_DATA: userDataDir } as Record<string, string>,
  });
  await expect.poll(() => second.process().exitCode, { timeout: 15_000 }).not.toBeNull();
  await app.close();
});
