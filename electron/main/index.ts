import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Menu, Notification, protocol, screen, session, type BrowserWindow } from 'electron';
import i18next from 'i18next';
import { de } from '../../shared/i18n/de';
import { en } from '../../shared/i18n/en';
import { startupLanguage } from './startup-language';
import { runSelfTest } from './self-test';
import { restoreBounds } from '../../shared/state/window-state';
import { i18nOptions } from '../../shared/i18n/resources';
import { APP_ORIGIN, startMainServices } from './bootstrap';
import { closeUncontractedChannels, pushState, registerIpc } from './shell/electron-ipc';
import { menuTemplate } from './shell/menu';
import { APP_HOST, APP_SCHEME, contentTypeOf, resolveAppPath, SECURITY_HEADERS } from './security/app-protocol';
import { BUNDLED_PACK_FILE } from './services/advisory-source';
import { electronStoreEngine } from './shell/electron-store-engine';
import { createMainWindow } from './shell/window';
import { machineDirs, type MachineDirs } from './data-location';
import { startReminders } from './services/reminder-service';
import { permissionAllowed } from './security/permissions';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');

// Must run before `ready`: the app scheme behaves like https (secure, standard) so module scripts load.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
]);
app.enableSandbox();

// For tests and IT partners' trials only: a user-data folder from the environment, never in the installed app.
// Set before the single-instance lock, which lives in the user-data folder.
const userDataOverride = app.isPackaged ? undefined : process.env['PASSWORT_LOTSE_USER_DATA'];
if (userDataOverride) app.setPath('userData', userDataOverride);
// Likewise the machine-wide folder (preset and shared record), so a trial never needs administrator rights.
const machineOverride = app.isPackaged ? undefined : process.env['PASSWORT_LOTSE_MACHINE_DIR'];
const machine: MachineDirs = machineOverride
  ? { presetDir: machineOverride, dataDir: join(machineOverride, 'data') }
  : machineDirs(process.platform, process.env);
/** `--vorgabe <file>` or `--vorgabe=<file>`: a preset to pre-fill the Einrichtung (see docs/it-partner.md). */
function presetArgument(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--vorgabe');
  if (at >= 0) return argv[at + 1];
  return argv.find((arg) => arg.startsWith('--vorgabe='))?.slice('--vorgabe='.length);
}

if (process.argv.includes('--selbsttest')) {
  // The self-test after a silent install: no window, no lock, nothing recorded; a report on stdout and an exit code.
  void app.whenReady().then(() => {
    const userDataDir = app.getPath('userData');
    const packDir = app.isPackaged ? join(process.resourcesPath, 'packs') : join(app.getAppPath(), 'assets', 'packs');
    const argumentFile = presetArgument(process.argv);
    const result = runSelfTest({
      userDataDir,
      packDir,
      language: startupLanguage(userDataDir),
      machine,
      ...(argumentFile ? { presetArgument: argumentFile } : {}),
    });
    process.stdout.write(`${result.lines.join('\n')}\n`);
    app.exit(result.ok ? 0 : 1);
  });
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let releaseLock: (() => void) | undefined;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    try {
      start();
    } catch (error) {
      // Without this, a failed start would leave a windowless process holding the single-instance lock.
      const logFile = join(app.getPath('userData'), 'logs', 'passwort-lotse.log');
      // In the language the person chose (read straight from the settings file), German otherwise.
      const texts = startupLanguage(app.getPath('userData')) === 'en' ? en : de;
      dialog.showErrorBox(texts.app.name, `${texts.errors.startup}\n\n${logFile}\n\n${error instanceof Error ? error.name : 'Error'}`);
      app.exit(1);
    }
  });

  const start = () => {
    const userDataDir = app.getPath('userData');
    const packDir = app.isPackaged ? join(process.resourcesPath, 'packs') : join(app.getAppPath(), 'assets', 'packs');
    const argumentFile = presetArgument(process.argv);
    const { core, router, logger, lock } = startMainServices({
      userDataDir,
      machine,
      ...(argumentFile ? { presetArgument: argumentFile } : {}),
      engine: electronStoreEngine,
      version: app.getVersion(),
      packFile: join(packDir, BUNDLED_PACK_FILE),
      files: {
        computer: hostname(),
        // The native save dialog, in the user's documents folder; the renderer never names a path.
        chooseSavePath: async (suggestedName, kind) => {
          const options = {
            defaultPath: join(app.getPath('documents'), suggestedName),
            filters: [kind === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Passwort-Lotse', extensions: ['json'] }],
          };
          const chosen = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
          return chosen.canceled || !chosen.filePath ? undefined : chosen.filePath;
        },
      },
    });

    releaseLock = () => lock?.release();

    // Everything refused but writing text to the clipboard from the app's own page (see security/permissions.ts).
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
      callback(permissionAllowed(permission, details.requestingUrl, APP_ORIGIN)),
    );
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      permissionAllowed(permission, requestingOrigin, APP_ORIGIN),
    );

    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppPath(rendererDir, request.url);
      if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
      try {
        const body = await readFile(file);
        return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) } });
      } catch {
        return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
      }
    });

    const i18n = i18next.createInstance();
    void i18n.init(i18nOptions(core.settings.get().language));
    const applyMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(i18n.t, process.platform)));
    applyMenu();

    closeUncontractedChannels();
    registerIpc(router, (event) => mainWindow !== null && event.sender === mainWindow.webContents);
    core.subscribe((snapshot) => {
      if (snapshot.settings.language !== i18n.language) void i18n.changeLanguage(snapshot.settings.language).then(applyMenu);
      pushState(mainWindow, snapshot);
    });

    const saved = core.settings.windowState();
    mainWindow = createMainWindow({
      preloadPath,
      title: i18n.t('app.name'),
      url: `${APP_SCHEME}://${APP_HOST}/index.html`,
      devTools: !app.isPackaged,
      bounds: restoreBounds(
        saved,
        screen.getAllDisplays().map((display) => display.workArea),
      ),
      maximized: saved?.maximized ?? false,
    });
    mainWindow.on('close', () => {
      if (!mainWindow) return;
      const bounds = mainWindow.getNormalBounds();
      core.settings.setWindowState({ ...bounds, maximized: mainWindow.isMaximized() });
    });
    // Windows ends the session (shutdown, restart, sign-out) without the quit events: give the record free here too.
    mainWindow.on('session-end', () => releaseLock?.());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    logger.info('window.created', { origin: APP_ORIGIN });

    // At the start and once a day: how many hand-overs are overdue and how many tasks are open (counts only).
    let shown: Notification | undefined; // kept, so its click handler is not collected with it
    startReminders({
      snapshot: core.snapshot,
      notify: (reminder, onClick) => {
        if (!Notification.isSupported()) return;
        shown = new Notification({ title: reminder.title, body: reminder.body });
        shown.on('click', onClick);
        shown.show();
        logger.info('reminder.shown', {});
      },
      onClick: () => {
        if (mainWindow) {
          if (mainWindow.isMinimized()) mainWindow.restore();
          mainWindow.show();
          mainWindow.focus();
        }
        core.showOverview();
      },
    });
  };

  app.on('window-all-closed', () => app.quit());
  // The record is free for the next session once this one ends (a killed process's lock is taken over anyway).
  app.on('will-quit', () => releaseLock?.());
}
