import { _electron } from '@playwright/test';
import type { WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../electron/main/security/app-protocol';
import { electronBinary } from './hosts';
import { launchApp } from './launch-app';
import { expect, test } from './support';

// What only the real Electron app can show: these run in the electron host and are skipped (with the reason) elsewhere.
// (The CSP, the missing Node globals and the exact window.api are asserted in both hosts: platform.spec.ts.)

/** What every page of the app must have been created with (electron/main/shell/window.ts), in the unpackaged app. */
const securePreferences = {
  preload: expect.stringMatching(/[\\/]out[\\/]preload[\\/]index\.cjs$/) as unknown as string,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  devTools: true,
};

test('every window and every page was created with the secure webPreferences', async ({ userDataDir, host }) => {
  test.skip(host !== 'electron', 'needs the real Electron app: webPreferences exist only in its main process');
  const app = await launchApp({ userDataDir });
  const electron = app.electron;
  if (!electron) throw new Error('the electron host has no Electron application');
  // In the main process: every window and every webContents, with what main recorded when it created them
  // (Electron has no getter for webPreferences) and whether the OS reports the renderer as sandboxed.
  const seen = await electron.evaluate(({ app: electronApp, BrowserWindow, webContents }) => {
    const record = (globalThis as unknown as Record<symbol, ((contents: WebContents) => unknown) | undefined>)[
      Symbol.for('passwort-lotse.webPreferencesOf')
    ];
    const given = (contents: WebContents) => (record ? record(contents) : 'main keeps no record of webPreferences');
    const metrics = electronApp.getAppMetrics();
    return {
      windows: BrowserWindow.getAllWindows().map((window) => ({ url: window.webContents.getURL(), given: given(window.webContents) })),
      pages: webContents.getAllWebContents().map((contents) => ({
        type: contents.getType(),
        url: contents.getURL(),
        given: given(contents),
        osSandboxed: metrics.find((metric) => metric.pid === contents.getOSProcessId())?.sandboxed ?? 'not reported',
      })),
    };
  });
  const appUrl = expect.stringMatching(/^app:\/\/passwort-lotse\//) as unknown as string;
  expect(seen.windows).toEqual([{ url: appUrl, given: securePreferences }]);
  expect(seen.pages).toEqual([{ type: 'window', url: appUrl, given: securePreferences, osSandboxed: expect.anything() as unknown }]);
  // Windows and macOS report the OS sandbox of each renderer; Linux does not.
  expect([true, 'not reported']).toContain(seen.pages[0]?.osSandboxed);
  await app.close();
});

test('the app scheme sends the security headers, CSP included, with every response', async ({ userDataDir, host }) => {
  test.skip(host !== 'electron', 'needs the real Electron app: the app:// protocol handler exists only there');
  const app = await launchApp({ userDataDir });
  const electron = app.electron;
  if (!electron) throw new Error('the electron host has no Electron application');
  const script = await app.page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src]')?.src ?? 'no script');
  const urls = ['app://passwort-lotse/index.html', script, 'app://passwort-lotse/missing.txt', 'app://passwort-lotse/..%2fmain%2findex.js'];
  // Through the same session and protocol handler the window loads from (net.fetch reaches custom protocols).
  const responses = await electron.evaluate(
    async ({ net }, { urls, names }) =>
      Promise.all(
        urls.map(async (url) => {
          const response = await net.fetch(url);
          return { url, status: response.status, headers: Object.fromEntries(names.map((name) => [name, response.headers.get(name)])) };
        }),
      ),
    { urls, names: Object.keys(SECURITY_HEADERS) },
  );
  expect(responses).toEqual(urls.map((url, index) => ({ url, status: index < 2 ? 200 : 404, headers: { ...SECURITY_HEADERS } })));
  expect(responses[0]?.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  await app.close();
});

test('no window opens, no webview attaches and the page cannot navigate away', async ({ userDataDir, host }) => {
  test.skip(host !== 'electron', 'needs the real Electron app: window.open and navigation handlers exist only there');
  const app = await launchApp({ userDataDir });
  const electron = app.electron;
  if (!electron) throw new Error('the electron host has no Electron application');
  const { page } = app;
  const start = page.url();
  expect(start).toMatch(/^app:\/\/passwort-lotse\//);
  // A mark in this document: it is gone if the page was replaced, even by the same URL.
  await page.evaluate(() => Object.assign(window, { __stay: 'still here' }));
  const stayed = () => page.evaluate(() => [location.href, (window as unknown as { __stay?: string }).__stay]);

  // window.open, to anywhere and in every form, gives the page no window; nor does a link to a new window, nor a webview.
  const opened = await page.evaluate(() => {
    const targets = ['https://example.org/', 'about:blank', location.href, 'app://passwort-lotse/index.html?second'];
    const results = targets.flatMap((url) => [window.open(url), window.open(url, '_blank', 'noopener'), window.open(url, 'named')]);
    const link = document.createElement('a');
    link.href = 'https://example.org/';
    link.target = '_blank';
    link.textContent = 'probe';
    document.body.append(link);
    link.click();
    link.remove();
    const webview = document.createElement('webview');
    webview.setAttribute('src', 'https://example.org/');
    document.body.append(webview);
    const webviewElement = webview.constructor.name;
    return { nonNull: results.filter((result) => result !== null).length, webviewElement };
  });
  expect(opened).toEqual({ nonNull: 0, webviewElement: 'HTMLUnknownElement' });
  await page.waitForTimeout(500);
  expect(
    await electron.evaluate(({ BrowserWindow, webContents }) => ({
      windows: BrowserWindow.getAllWindows().length,
      pages: webContents.getAllWebContents().length,
    })),
  ).toEqual({ windows: 1, pages: 1 });
  await page.evaluate(() => document.querySelector('webview')?.remove());

  // Navigation, away or to another page of the app, is refused: the same document stays.
  // (Asked of the page: Playwright's locators would wait for the refused navigation.)
  for (const attempt of ['location-https', 'location-app', 'link-https', 'link-app']) {
    await page.evaluate((attempt) => {
      if (attempt === 'location-https') window.location.href = 'https://example.org/';
      if (attempt === 'location-app') window.location.assign('app://passwort-lotse/index.html?elsewhere');
      if (attempt.startsWith('link-')) {
        const link = document.createElement('a');
        link.href = attempt === 'link-https' ? 'https://example.org/' : 'app://passwort-lotse/index.html?linked';
        link.textContent = 'probe';
        document.body.append(link);
        link.click();
        link.remove();
      }
    }, attempt);
    await page.waitForTimeout(500);
    expect({ attempt, now: await stayed() }).toEqual({ attempt, now: [start, 'still here'] });
  }
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
