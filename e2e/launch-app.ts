import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { _electron, chromium, test, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { startMainServices } from '../electron/main/bootstrap';
import { type SenderInfo } from '../electron/main/ipc/router';
import { contentTypeOf, SECURITY_HEADERS } from '../electron/main/security/app-protocol';
import { confEngine } from '../electron/main/store/conf-engine';
import { BUNDLED_PACK_FILE } from '../electron/main/services/advisory-source';
import { testTrustedKeys } from '../electron/main/services/test-keys';
import { eventChannels, invokeChannels } from '../shared/ipc/channels';
import { chromiumPath, electronBinary, type HostName } from './hosts';

const root = join(import.meta.dirname, '..');
const rendererDir = join(root, 'out', 'renderer');
/** The browser host serves the built renderer from this origin; main trusts exactly this origin there. */
const BROWSER_ORIGIN = 'https://passwort-lotse.test';

export interface RunningApp {
  page: Page;
  /** The Electron application, in the electron host only. */
  electron?: ElectronApplication;
  host: HostName;
  userDataDir: string;
  close(): Promise<void>;
}

let sharedBrowser: Browser | undefined;

/**
 * The one launcher every spec uses: the running app for a user-data folder, in the host of the current project.
 *
 * Host "electron": the real app through Playwright's `_electron`. Host "browser": the built renderer in
 * Chromium, with `window.api` bridged to the real main services running in this process, exactly as the
 * preload exposes them and behind the same router (sender check and schema validation).
 */
export async function launchApp({
  userDataDir,
  computer = 'E2E-PC',
  saveDir,
}: {
  userDataDir: string;
  /** The PC's name (os.hostname() in the app). */
  computer?: string;
  /** Browser host: where the "save dialog" puts files (the suggested name in this folder); none: "cancelled". */
  saveDir?: string;
}): Promise<RunningApp> {
  const host = (test.info().project.metadata as { host?: HostName }).host ?? 'browser';
  const running = host === 'electron' ? await launchElectron(userDataDir) : await launchBrowserHost(userDataDir, computer, saveDir);
  await running.page.locator('main[data-ready="true"]').waitFor();
  return running;
}

async function launchElectron(userDataDir: string): Promise<RunningApp> {
  const binary = electronBinary();
  if (!('path' in binary)) throw new Error(`Electron host requested but ${binary.reason}`);
  const app = await _electron.launch({
    executablePath: binary.path,
    args: [root],
    env: { ...process.env, PASSWORT_LOTSE_USER_DATA: userDataDir } as Record<string, string>,
  });
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1366, height: 768 });
  return { page, electron: app, host: 'electron', userDataDir, close: () => app.close() };
}

async function launchBrowserHost(userDataDir: string, computer: string, saveDir: string | undefined): Promise<RunningApp> {
  sharedBrowser ??= await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const services = startMainServices({
    userDataDir,
    engine: confEngine,
    version: '0.1.0-e2e',
    appOrigin: BROWSER_ORIGIN,
    packFile: join(root, 'assets', 'packs', BUNDLED_PACK_FILE),
    keysDir: join(root, 'assets', 'keys'),
    extraTrustedKeys: testTrustedKeys(),
    // The native save dialog, stood in for by a folder the test gives (the file keeps its suggested name).
    files: { computer, chooseSavePath: (name) => Promise.resolve(saveDir ? join(saveDir, name) : undefined) },
  });
  const context = await sharedBrowser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  // No network: anything but the app origin is refused, as in the app.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== BROWSER_ORIGIN) return route.abort('blockedbyclient');
    const file = join(rendererDir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    if (!file.startsWith(rendererDir)) return route.fulfill({ status: 404, headers: SECURITY_HEADERS });
    try {
      const body = await readFile(file);
      return route.fulfill({ status: 200, body, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) } });
    } catch {
      return route.fulfill({ status: 404, headers: SECURITY_HEADERS });
    }
  });
  const page = await context.newPage();
  await page.exposeBinding('__passwortLotseInvoke', (source, channel: string, args: unknown[]) => {
    const sender: SenderInfo = {
      frameUrl: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
      isAppWindow: source.page === page,
    };
    return services.router.invoke(channel, sender, args);
  });
  // The same object the preload exposes: one named function per channel and the state stream, nothing else.
  await page.addInitScript(
    ({ channels, stateChanged }) => {
      const bridge = window as unknown as {
        __passwortLotseInvoke: (channel: string, args: unknown[]) => Promise<unknown>;
        __passwortLotsePush?: (snapshot: unknown) => void;
      };
      const listeners = new Set<(snapshot: unknown) => void>();
      const api: Record<string, unknown> = {};
      for (const [method, channel] of Object.entries(channels))
        api[method] = (...args: unknown[]) => bridge.__passwortLotseInvoke(channel, args);
      api['onStateChanged'] = (listener: (snapshot: unknown) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      };
      Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: false });
      bridge.__passwortLotsePush = (snapshot) => {
        if (stateChanged) for (const listener of listeners) listener(snapshot);
      };
    },
    { channels: invokeChannels, stateChanged: eventChannels.stateChanged },
  );
  const unsubscribe = services.core.subscribe((snapshot) => {
    void page
      .evaluate((next) => (window as unknown as { __passwortLotsePush: (s: unknown) => void }).__passwortLotsePush(next), snapshot)
      .catch(() => undefined);
  });
  await page.goto(`${BROWSER_ORIGIN}/index.html`);
  return {
    page,
    host: 'browser',
    userDataDir,
    close: async () => {
      unsubscribe();
      await context.close();
    },
  };
}
