import { BrowserWindow, shell } from 'electron';
import type { Rect } from '../../../shared/state/window-state';
import { externalUrl } from '../security/external-links';

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
    webPreferences: {
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
    },
  });
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
