import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { PersistedState } from '../../shared/state/persisted';
import type { Notice } from '../../shared/state/snapshot';
import { createMainCore, type FileDeps, type MainCore } from './core';
import { createIpcRouter, type IpcRouter } from './ipc/router';
import { adoptOrCreateInstallationId, carryOverToJournal } from './journal/carry-over';
import { JOURNAL_DIR, type JournalFinding, type JournalFs } from './journal/journal';
import { createFileLogger, type Logger } from './logger';
import type { StoreEngine } from './store/key-value-store';
import { backUpStore, openStateStore } from './store/open-state-store';
import { loadBundledPack, loadTrustedKeys, releaseKeys } from './services/advisory-source';
import { AdvisoryService } from './services/advisory-service';
import type { TrustedKey } from './services/pack-signing';
import { RecordService } from './services/record-service';
import { SettingsService } from './services/settings-service';
import { fileStamp } from '../../shared/format/date';

export const APP_ORIGIN = 'app://passwort-lotse';

export interface MainServices {
  core: MainCore;
  router: IpcRouter;
  logger: Logger;
}

/** The signed-in operating-system account, recorded with every journal line beside the name typed in the app. */
export function osAccountName(): string {
  try {
    return userInfo().username.slice(0, 256);
  } catch {
    return '';
  }
}

/** The notices a journal's findings call for: a repaired torn tail, and each break not recorded before. */
export function journalNotices(findings: readonly JournalFinding[], now: Date): Notice[] {
  return findings.flatMap((finding, i): Notice[] => {
    const id = `journal-${i}-${fileStamp(now)}`;
    if (finding.kind === 'torn-tail') return [{ id, kind: 'journal-torn-tail', keptAs: finding.keptAs }];
    if (finding.known) return [];
    return [
      {
        id,
        kind: 'journal-broken',
        file: finding.file,
        info: finding.info,
        ...(finding.newSegment ? { newSegment: finding.newSegment } : {}),
      },
    ];
  });
}

/** Build every main-process service for one user-data folder; used by the app and by the e2e browser host. */
export function startMainServices(options: {
  userDataDir: string;
  engine: StoreEngine<PersistedState>;
  version: string;
  /** The bundled advisory pack file. */
  packFile: string;
  /**
   * Tests only: a folder of further public keys (*.pem) to trust. The app passes none: it trusts only the release
   * keys compiled into it (electron/main/trust/anchors.ts), so no file in the install folder can add a key.
   */
  keysDir?: string;
  /** Further trusted keys, for tests that sign their own update packs. */
  extraTrustedKeys?: readonly TrustedKey[];
  appOrigin?: string;
  logger?: Logger;
  clock?: () => Date;
  osUser?: string;
  /** The file system the journal writes through (tests make it fail). */
  journalFs?: JournalFs;
  /** This PC's name and the save dialog; without it nothing can be saved (as if every dialog was cancelled). */
  files?: FileDeps;
}): MainServices {
  const logFile = join(options.userDataDir, 'logs', 'passwort-lotse.log');
  const logger = options.logger ?? createFileLogger(logFile);
  const clock = options.clock ?? (() => new Date());
  const osUser = options.osUser ?? osAccountName();
  const journalDir = join(options.userDataDir, JOURNAL_DIR);
  const fsOption = options.journalFs ? { fs: options.journalFs } : {};
  const opened = openStateStore({
    dir: options.userDataDir,
    engine: options.engine,
    logger,
    carryOver: (legacy) => carryOverToJournal({ dir: journalDir, legacy, osUser, clock, ...fsOption }),
  });
  const settings = new SettingsService(opened.store, () => backUpStore(options.userDataDir));
  let installationId = settings.installationId();
  if (!installationId) {
    installationId = adoptOrCreateInstallationId(journalDir, options.journalFs);
    settings.setInstallationId(installationId);
  }
  const record = new RecordService({ dir: journalDir, installationId, osUser, clock, ...fsOption });
  for (const finding of record.findings)
    logger.warn(`journal.${finding.kind}`, finding.kind === 'break' ? { reason: finding.info.reason, line: finding.info.line } : {});
  const advisory = new AdvisoryService({
    bundled: loadBundledPack(options.packFile),
    trustedKeys: [
      ...releaseKeys(),
      ...(options.keysDir ? loadTrustedKeys(options.keysDir, (file) => logger.warn('advisory.key-skipped', { file })) : []),
      ...(options.extraTrustedKeys ?? []),
    ],
    installedFile: join(options.userDataDir, 'packs', 'installed-update.json'),
    logger,
    highestApplied: () => record.state.packRevision,
  });
  const rolledBack: Notice[] = advisory.rolledBack
    ? [{ id: `pack-rolled-back-${fileStamp(clock())}`, kind: 'pack-rolled-back', ...advisory.rolledBack }]
    : [];
  const core = createMainCore({
    settings,
    record,
    notices: [...(opened.notice ? [opened.notice] : []), ...journalNotices(record.findings, clock()), ...rolledBack],
    logger,
    advisory,
    appInfo: { version: options.version, dataDir: options.userDataDir, logFile },
    ...(options.files ? { files: options.files } : {}),
    clock,
  });
  const router = createIpcRouter(core.handlers, { appOrigin: options.appOrigin ?? APP_ORIGIN, logger });
  logger.info('main.started', { version: options.version, recovered: opened.notice !== undefined, events: record.state.count });
  return { core, router, logger };
}
