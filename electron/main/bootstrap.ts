import { join } from 'node:path';
import type { PersistedState } from '../../shared/state/persisted';
import { createMainCore, type MainCore } from './core';
import { createIpcRouter, type IpcRouter } from './ipc/router';
import { createFileLogger, type Logger } from './logger';
import type { StoreEngine } from './store/key-value-store';
import { openStateStore } from './store/open-state-store';
import { loadBundledPack, loadTrustedKeys } from './services/advisory-source';
import { AdvisoryService } from './services/advisory-service';
import type { TrustedKey } from './services/pack-signing';

export const APP_ORIGIN = 'app://passwort-lotse';

export interface MainServices {
  core: MainCore;
  router: IpcRouter;
  logger: Logger;
}

/** Build every main-process service for one user-data folder; used by the app and by the e2e browser host. */
export function startMainServices(options: {
  userDataDir: string;
  engine: StoreEngine<PersistedState>;
  version: string;
  /** The bundled advisory pack file. */
  packFile: string;
  /** Folder of trusted public keys (*.pem) for pack updates. */
  keysDir: string;
  /** Further trusted keys, for tests that sign their own update packs. */
  extraTrustedKeys?: readonly TrustedKey[];
  appOrigin?: string;
  logger?: Logger;
  clock?: () => Date;
}): MainServices {
  const logFile = join(options.userDataDir, 'logs', 'passwort-lotse.log');
  const logger = options.logger ?? createFileLogger(logFile);
  const opened = openStateStore({ dir: options.userDataDir, engine: options.engine, logger });
  const core = createMainCore({
    opened,
    logger,
    advisory: new AdvisoryService({
      bundled: loadBundledPack(options.packFile),
      trustedKeys: [...loadTrustedKeys(options.keysDir), ...(options.extraTrustedKeys ?? [])],
      installedFile: join(options.userDataDir, 'packs', 'installed-update.json'),
      logger,
    }),
    ...(options.clock ? { clock: options.clock } : {}),
    appInfo: { version: options.version, dataDir: options.userDataDir, logFile },
  });
  const router = createIpcRouter(core.handlers, { appOrigin: options.appOrigin ?? APP_ORIGIN, logger });
  logger.info('main.started', { version: options.version, recovered: opened.notice !== undefined });
  return { core, router, logger };
}
