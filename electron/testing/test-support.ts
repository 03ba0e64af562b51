import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ORIGIN, startMainServices } from '../main/bootstrap';
import { createMemoryLogger } from '../main/logger';
import type { SenderInfo } from '../main/ipc/router';
import { confEngine } from '../main/store/conf-engine';
import { BUNDLED_PACK_FILE } from '../main/services/advisory-source';
import type { TrustedKey } from '../main/services/pack-signing';

export const BUNDLED_PACK_PATH = join(import.meta.dirname, '..', '..', 'assets', 'packs', BUNDLED_PACK_FILE);
export const KEYS_DIR = join(import.meta.dirname, '..', '..', 'assets', 'keys');

/** The app's own main frame, as the Electron adapter would describe it. */
export const appSender: SenderInfo = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, isAppWindow: true };

/** Every main service on a real conf store in a fresh temp folder, with an in-memory logger. */
export function startTestServices(dir = mkdtempSync(join(tmpdir(), 'pl-main-')), extraTrustedKeys: readonly TrustedKey[] = []) {
  const logger = createMemoryLogger();
  const services = startMainServices({
    userDataDir: dir,
    engine: confEngine,
    version: '0.0.0-test',
    logger,
    packFile: BUNDLED_PACK_PATH,
    keysDir: KEYS_DIR,
    extraTrustedKeys,
  });
  return { ...services, logger, dir };
}
