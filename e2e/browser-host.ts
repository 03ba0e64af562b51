import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startMainServices, type MainServices } from '../electron/main/bootstrap';
import type { MachineDirs } from '../electron/main/data-location';
import { startReminders, type Reminder } from '../electron/main/services/reminder-service';

/** The browser host's stand-in for desktop notifications: what was shown, a click on the last one, a daily check now. */
export interface BrowserReminders {
  shown: Reminder[];
  click(): void;
  check(): Reminder | undefined;
}
import { type SenderInfo } from '../electron/main/ipc/router';
import { contentTypeOf, SECURITY_HEADERS } from '../electron/main/security/app-protocol';
import { confEngine } from '../electron/main/store/conf-engine';
import { BUNDLED_PACK_FILE } from '../electron/main/services/advisory-source';
import type { TrustedKey } from '../electron/main/services/pack-signing';
import { eventChannels } from '../shared/ipc/channels';
import { chromiumPath } from './hosts';

const root = join(import.meta.dirname, '..');
const rendererDir = join(root, 'out', 'renderer');
/** The browser host serves the built renderer from this origin; main trusts exactly this origin there. */
export const BROWSER_ORIGIN = 'https://passwort-lotse.test';

/** Debian's Chromium, as the browser host and the bench use it: no network, no background services. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * The built renderer in Chromium with `window.api` bridged to the real main services for a user-data folder,
 * behind the same router (sender check and schema validation). Used by the e2e launcher and the bench.
 */
export async function openBrowserHost(options: {
  browser: Browser;
  userDataDir: string;
  computer?: string;
  /** Where the "save dialog" puts files (the suggested name in this folder); none: "cancelled". */
  saveDir?: string;
  extraTrustedKeys?: readonly TrustedKey[];
  /** Open the app's page (default); the bench navigates itself, to time it. */
  navigate?: boolean;
  /** Folders standing in for the machine-wide ones (preset, shared record). */
  machine?: MachineDirs;
  /**
   * Serve this built page instead of the app's (out/renderer): the bench opens its blank reference pages through
   * the same host (bridge, init scripts, file serving), so the comparison measures the app, not the host.
   */
  pageDir?: string;
}): Promise<{ page: Page; services: MainServices; reminders: BrowserReminders; close(): Promise<void> }> {
  const services = startMainServices({
    userDataDir: options.userDataDir,
    engine: confEngine,
    version: '0.1.0-e2e',
    appOrigin: BROWSER_ORIGIN,
    packFile: join(root, 'assets', 'packs', BUNDLED_PACK_FILE),
    keysDir: join(root, 'assets', 'keys'),
    extraTrustedKeys: options.extraTrustedKeys ?? [],
    ...(options.machine ? { machine: options.machine } : {}),
    // The native save dialog, stood in for by a folder the test gives (the file keeps its suggested name).
    files: {
      computer: options.computer ?? 'E2E-PC',
      chooseSavePath: (name) => Promise.resolve(options.saveDir ? join(options.saveDir, name) : undefined),
    },
  });
  const context = await options.browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  // No network: anything but the app origin is refused, as in the app.
  const pageDir = options.pageDir ?? rendererDir;
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== BROWSER_ORIGIN) return route.abort('blockedbyclient');
    const file = join(pageDir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    if (!file.startsWith(pageDir)) return route.fulfill({ status: 404, headers: SECURITY_HEADERS });
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
  // One bridge: the app's own built preload (out/preload/index.cjs) runs in the page, with `electron` stood in for
  // by the binding above (ipcRenderer.invoke) and the push below (ipcRenderer.on). So the code the app ships is
  // the code every browser-host test runs; nothing here re-implements window.api.
  const preload = readFileSync(join(root, 'out', 'preload', 'index.cjs'), 'utf8');
  await page.addInitScript({
    content: `(() => {
      const listeners = new Map();
      const electron = {
        contextBridge: { exposeInMainWorld: (name, value) => Object.defineProperty(window, name, { value, enumerable: false }) },
        ipcRenderer: {
          invoke: (channel, ...args) => window.__passwortLotseInvoke(channel, args),
          on: (channel, listener) => {
            if (!listeners.has(channel)) listeners.set(channel, new Set());
            listeners.get(channel).add(listener);
          },
          removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
        },
      };
      Object.defineProperty(window, '__passwortLotsePush', {
        value: (channel, payload) => { for (const listener of listeners.get(channel) ?? []) listener({}, payload); },
        enumerable: false,
      });
      const require = (name) => {
        if (name === 'electron') return electron;
        throw new Error('the preload may require only electron, not ' + name);
      };
      const module = { exports: {} };
      (function (require, module, exports) {\n${preload}\n})(require, module, module.exports);
    })();`,
  });
  const unsubscribe = services.core.subscribe((snapshot) => {
    void page
      .evaluate(
        ({ channel, next }) =>
          (window as unknown as { __passwortLotsePush: (c: string, s: unknown) => void }).__passwortLotsePush(channel, next),
        { channel: eventChannels.stateChanged, next: snapshot },
      )
      .catch(() => undefined);
  });
  if (options.navigate !== false) await page.goto(`${BROWSER_ORIGIN}/index.html`);
  // The desktop notification, stood in for by a list the test reads; "clicking" one calls what the app's click does.
  const shown: Reminder[] = [];
  let lastClick: (() => void) | undefined;
  const scheduler = startReminders({
    snapshot: services.core.snapshot,
    notify: (reminder, onClick) => {
      shown.push(reminder);
      lastClick = onClick;
    },
    onClick: () => services.core.showOverview(),
  });
  const reminders: BrowserReminders = {
    shown,
    click: () => lastClick?.(),
    check: () => scheduler.check(),
  };
  return {
    page,
    services,
    reminders,
    close: async () => {
      scheduler.stop();
      unsubscribe();
      await context.close();
      services.close();
    },
  };
}
