import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ORIGIN, startMainServices } from './bootstrap';
import { createMemoryLogger } from './logger';
import type { SenderInfo } from './ipc/router';
import { confEngine } from './store/conf-engine';

/** The app's own main frame, as the Electron adapter would describe it. */
export const appSender: SenderInfo = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, isAppWindow: true };

/** Every main service on a real conf store in a fresh temp folder, with an in-memory logger. */
export function startTestServices(dir = mkdtempSync(join(tmpdir(), 'pl-main-'))) {
  const logger = createMemoryLogger();
  const services = startMainServices({ userDataDir: dir, engine: confEngine, version: '0.0.0-test', logger });
  return { ...services, logger, dir };
}
