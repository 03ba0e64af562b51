import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { testTrustedKeys } from '../electron/testing/test-keys';
import { launchChromium, openBrowserHost, type BrowserReminders } from './browser-host';
import { electronBinary, type HostName } from './hosts';

const root = join(import.meta.dirname, '..');

export interface RunningApp {
  page: Page;
  /** The Electron application, in the electron host only. */
  electron?: ElectronApplication;
  host: HostName;
  userDataDir: string;
  /** Browser host only: the desktop notifications (a recording double). */
  reminders?: BrowserReminders;
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
  machineDir,
}: {
  userDataDir: string;
  /** The PC's name (os.hostname() in the app). */
  computer?: string;
  /** Browser host: where the "save dialog" puts files (the suggested name in this folder); none: "cancelled". */
  saveDir?: string;
  /** A folder standing in for the machine-wide one (%ProgramData%\Passwort-Lotse): the preset and the shared record. */
  machineDir?: string;
}): Promise<RunningApp> {
  const host = (test.info().project.metadata as { host?: HostName }).host ?? 'browser';
  const running =
    host === 'electron'
      ? await launchElectron(userDataDir, machineDir)
      : await launchBrowserHost(userDataDir, computer, saveDir, machineDir);
  await running.page.locator('main[data-ready="true"]').waitFor();
  return running;
}

async function launchElectron(userDataDir: string, machineDir: string | undefined): Promise<RunningApp> {
  const binary = electronBinary();
  if (!('path' in binary)) throw new Error(`Electron host requested but ${binary.reason}`);
  const app = await _electron.launch({
    executablePath: binary.path,
    args: [root],
    env: {
      ...process.env,
      PASSWORT_LOTSE_USER_DATA: userDataDir,
      // Never the real machine-wide folders of the machine running the tests: a fresh stand-in unless a spec gives one.
      PASSWORT_LOTSE_MACHINE_DIR: machineDir ?? mkdtempSync(join(tmpdir(), 'pl-e2e-machine-')),
    } as Record<string, string>,
  });
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1366, height: 768 });
  return { page, electron: app, host: 'electron', userDataDir, close: () => app.close() };
}

async function launchBrowserHost(
  userDataDir: string,
  computer: string,
  saveDir: string | undefined,
  machineDir: string | undefined,
): Promise<RunningApp> {
  sharedBrowser ??= await launchChromium();
  const host = await openBrowserHost({
    browser: sharedBrowser,
    userDataDir,
    computer,
    saveDir,
    extraTrustedKeys: testTrustedKeys(),
    ...(machineDir ? { machine: { presetDir: machineDir, dataDir: join(machineDir, 'data') } } : {}),
  });
  return { page: host.page, host: 'browser', userDataDir, reminders: host.reminders, close: host.close };
}
