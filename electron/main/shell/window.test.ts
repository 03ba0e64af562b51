import { describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;
const created: { options: { webPreferences?: Record<string, unknown> }; contents: FakeContents }[] = [];
const opened: string[] = [];

class FakeContents {
  readonly handlers = new Map<string, Handler>();
  openHandler: Handler | undefined;
  on(event: string, handler: Handler) {
    this.handlers.set(event, handler);
  }
  setWindowOpenHandler(handler: Handler) {
    this.openHandler = handler;
  }
}

vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly webContents = new FakeContents();
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      created.push({ options, contents: this.webContents });
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  },
  shell: { openExternal: (url: string) => opened.push(url) },
}));

const recordOf = (contents: unknown) =>
  (globalThis as unknown as Record<symbol, (contents: unknown) => unknown>)[Symbol.for('passwort-lotse.webPreferencesOf')]?.(contents);

describe('createMainWindow', () => {
  it('records, for the e2e check, exactly the webPreferences the window was created with, and they are the secure ones', async () => {
    const { createMainWindow } = await import('./window');
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', title: 'T', url: 'app://passwort-lotse/index.html', devTools: false });
    const [window] = created;
    const recorded = recordOf(window?.contents);
    expect(recorded).toEqual(window?.options.webPreferences);
    expect(Object.isFrozen(recorded)).toBe(true);
    expect(recorded).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    // A page main did not create through the factory has no record, so the e2e check fails for it.
    expect(recordOf(new FakeContents())).toBeUndefined();
  });

  it('refuses navigation, redirects, webviews and every new window; only allow-listed https links go to the browser', async () => {
    const { createMainWindow } = await import('./window');
    createMainWindow({ preloadPath: '/p', title: 'T', url: 'app://passwort-lotse/index.html', devTools: false });
    const contents = created.at(-1)?.contents as FakeContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.handlers.get(event)?.({ preventDefault });
      expect(preventDefault, event).toHaveBeenCalledOnce();
    }
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://www.bsi.bund.de/DE/Themen/x' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.bsi.bund.de/DE/Themen/x']);
  });
});
