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
import { ipcFailure } from '../shared/ipc/result';
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
  const bridge = await openBridge(page, (sender, channel, args) => services.router.invoke(channel, sender, args));
  // One bridge: the app's own built preload (out/preload/index.cjs) runs in the page, with `electron` stood in for
  // by the binding above (ipcRenderer.invoke) and the push below (ipcRenderer.on). So the code the app ships is
  // the code every browser-host test runs; nothing here re-implements window.api.
  const preload = readFileSync(join(root, 'out', 'preload', 'index.cjs'), 'utf8');
  await page.addInitScript({
    content: `(() => {
      const listeners = new Map();
      const send = window.${BRIDGE_BINDING};
      delete window.${BRIDGE_BINDING};
      const pending = new Map();
      let last = 0;
      Object.defineProperty(window, '${BRIDGE_REPLY}', {
        value: (id, reply) => {
          const call = pending.get(id);
          pending.delete(id);
          if (call) call(JSON.parse(reply));
        },
        enumerable: false,
      });
      const electron = {
        contextBridge: { exposeInMainWorld: (name, value) => Object.defineProperty(window, name, { value, enumerable: false }) },
        ipcRenderer: {
          invoke: (channel, ...args) =>
            new Promise((resolve) => {
              last += 1;
              pending.set(last, resolve);
              send(JSON.stringify({ id: last, channel, args }));
            }),
          on: (channel, listener) => {
            if (!listeners.has(channel)) listeners.set(channel, new Set());
            listeners.get(channel).add(listener);
          },
          removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
        },
      };
      Object.defineProperty(window, '${BRIDGE_PUSH}', {
        value: (channel, payload) => { for (const listener of listeners.get(channel) ?? []) listener({}, JSON.parse(payload)); },
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
  const unsubscribe = services.core.subscribe((snapshot) => bridge.push(eventChannels.stateChanged, snapshot));
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
      await bridge.close();
      await context.close();
      services.close();
    },
  };
}

const BRIDGE_BINDING = '__passwortLotseBridge';
const BRIDGE_REPLY = '__passwortLotseReply';
const BRIDGE_PUSH = '__passwortLotsePush';

/**
 * The stand-in for Electron's IPC: a DevTools binding in the page's main world (what Playwright's exposeBinding
 * builds on), answered on the same DevTools session. Used directly rather than through exposeBinding, whose first
 * answer during a page load arrives 50–100 ms after the page is free again (Playwright sets up its delivery path
 * then), a delay Electron's IPC does not have and that would be counted against the app's start. The sender is
 * what the browser reports for the calling context: its frame's URL and whether that is the top frame, as Electron
 * reports them. Replies and pushes go out in order on one session, as on Electron's one IPC channel.
 */
async function openBridge(
  page: Page,
  invoke: (sender: SenderInfo, channel: string, args: unknown[]) => Promise<unknown>,
): Promise<{ push(channel: string, payload: unknown): void; close(): Promise<void> }> {
  const session = await page.context().newCDPSession(page);
  /** Frame id → its URL and whether it has a parent (from the browser, not from the page). */
  const frames = new Map<string, { url: string; child: boolean }>();
  /** Main-world context id → its frame id and its id unique across renderer processes (replies go by that). */
  const contexts = new Map<number, { frameId: string; uniqueId: string }>();
  /** The top frame's newest main-world context: where pushes go (a newer document's replaces it). */
  let mainContext: string | undefined;
  const remember = (frame: { id: string; parentId?: string; url: string; urlFragment?: string }) =>
    frames.set(frame.id, { url: frame.url + (frame.urlFragment ?? ''), child: frame.parentId !== undefined });
  session.on('Page.frameNavigated', ({ frame }) => remember(frame));
  session.on('Page.navigatedWithinDocument', ({ frameId, url }) => {
    const known = frames.get(frameId);
    if (known) frames.set(frameId, { ...known, url });
  });
  session.on('Page.frameDetached', ({ frameId }) => frames.delete(frameId));
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { frameId?: string; isDefault?: boolean } | undefined;
    if (!aux?.isDefault || !aux.frameId) return;
    contexts.set(context.id, { frameId: aux.frameId, uniqueId: context.uniqueId });
    if (frames.get(aux.frameId)?.child === false) mainContext = context.uniqueId;
  });
  session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    if (contexts.get(executionContextId)?.uniqueId === mainContext) mainContext = undefined;
    contexts.delete(executionContextId);
  });
  session.on('Runtime.executionContextsCleared', () => {
    contexts.clear();
    mainContext = undefined;
  });
  /** Run `expression` in a context: by its unique id where known, else by the id the call came with. */
  const evaluate = (where: string | number, expression: string) =>
    session
      .send('Runtime.evaluate', typeof where === 'string' ? { expression, uniqueContextId: where } : { expression, contextId: where })
      .catch(() => undefined);
  session.on('Runtime.bindingCalled', ({ name, payload, executionContextId }) => {
    if (name !== BRIDGE_BINDING) return;
    // A context not known as a frame's main world has no sender: the router refuses its call.
    const context = contexts.get(executionContextId);
    const frame = context ? frames.get(context.frameId) : undefined;
    const sender: SenderInfo = { frameUrl: frame?.url ?? null, isMainFrame: frame?.child === false, isAppWindow: true };
    let call: { id: number; channel: string; args: unknown[] };
    try {
      call = JSON.parse(payload) as typeof call;
    } catch {
      return;
    }
    const reply = (result: unknown) =>
      evaluate(
        context?.uniqueId ?? executionContextId,
        `window.${BRIDGE_REPLY}(${Number(call.id)}, ${JSON.stringify(JSON.stringify(result) ?? 'null')})`,
      );
    // The router answers every call with a result; should it ever throw (e.g. while closing), the call still gets one.
    void invoke(sender, String(call.channel), Array.isArray(call.args) ? call.args : []).then(reply, () => reply(ipcFailure('internal')));
  });
  await session.send('Page.enable');
  for (const frame of flatten((await session.send('Page.getFrameTree')).frameTree)) remember(frame);
  await session.send('Runtime.enable');
  await session.send('Runtime.addBinding', { name: BRIDGE_BINDING });
  return {
    push: (channel, payload) => {
      if (mainContext === undefined) return;
      void evaluate(mainContext, `window.${BRIDGE_PUSH}?.(${JSON.stringify(channel)}, ${JSON.stringify(JSON.stringify(payload))})`);
    },
    close: () => session.detach().catch(() => undefined),
  };
}

type FrameTree = { frame: { id: string; parentId?: string; url: string; urlFragment?: string }; childFrames?: FrameTree[] };
function flatten(tree: FrameTree): FrameTree['frame'][] {
  return [tree.frame, ...(tree.childFrames ?? []).flatMap(flatten)];
}
