import { BrowserWindow, shell, type WebContents, type WebPreferences } from 'electron';
import type { Rect } from '../../../shared/state/window-state';
import { externalUrl } from '../security/external-links';

/**
 * What each page was given, by its webContents. Electron has no getter for a window's webPreferences, so the e2e
 * spec in the Electron host reads this (from the main process, through Playwright's evaluate) to assert every
 * window's preferences at runtime. Main-process only: no page can reach it.
 */
const givenPreferences = new WeakMap<WebContents, Readonly<WebPreferences>>();
Object.defineProperty(globalThis, Symbol.for('passwort-lotse.webPreferencesOf'), {
  value: (contents: WebContents): Readonly<WebPreferences> | undefined => givenPreferences.get(contents),
});

/**
 * The one window factory: every security preference set explicitly, navigation and new windows denied.
 */
export function createMainWindow(options: {
  preloadPath: string;
  title: string;
  url: string;
  devTools: boolean;
  bounds?: Rect | undefined;
  maximized?: boolean;
}): BrowserWindow {
  // The preferences stay written out inside the constructor call, where the security scan (scripts/security-gate.ts)
  // reads them; the same object is recorded below.
  let webPreferences: WebPreferences;
  const window = new BrowserWindow({
    title: options.title,
    width: 1280,
    height: 800,
    ...(options.bounds ?? {}),
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#f7f8fa',
    autoHideMenuBar: false,
    webPreferences: (webPreferences = {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    }),
  });
  givenPreferences.set(window.webContents, Object.freeze({ ...webPreferences }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to an allow-listed https page open in the browser; the app itself never opens a window.
    // The parsed and normalised URL, never the raw string the page handed over.
    const allowed = externalUrl(url);
    if (allowed) void shell.openExternal(allowed.href);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => {
    if (options.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(options.url);
  return window;
}
