import { _electron } from '@playwright/test';
import { electronBinary } from './hosts';
import { launchApp } from './launch-app';
import { expect, test } from './support';

// What only the real Electron app can show: these run in the electron host and are skipped (with the reason) elsewhere.
test('the window is sandboxed, isolated and without Node integration', async ({ userDataDir, host }) => {
  test.skip(host !== 'electron', 'needs the real Electron app: window preferences do not exist in the browser host');
  const app = await launchApp({ userDataDir });
  const url = app.page.url();
  expect(url.startsWith('app://passwort-lotse/')).toBe(true);
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
