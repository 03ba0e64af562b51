import * as nodeFs from 'node:fs';
import { readOnlyFs } from './journal/read-only-fs';
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { PersistedState } from '../../shared/state/persisted';
import type { Notice } from '../../shared/state/snapshot';
import { createMainCore, type FileDeps, type MainCore } from './core';
import { createIpcRouter, type IpcRouter } from './ipc/router';
import { adoptOrCreateInstallationId, carryOverToJournal } from './journal/carry-over';
import { JOURNAL_DIR, journalIds, type JournalFinding, type JournalFs } from './journal/journal';
import { resolveDataLocation, type DataLocation, type MachineDirs } from './data-location';
import { acquireRecordLock, type RecordLock } from './store/record-lock';
import { removeLeftovers } from './store/leftovers';
import { presetProfile, samePracticeName } from '../../shared/preset/preset';
import { createFileLogger, type Logger } from './logger';
import type { StoreEngine } from './store/key-value-store';
import { backUpStore, openStateStore } from './store/open-state-store';
import { loadBundledPack, loadTrustedKeys, releaseKeys } from './services/advisory-source';
import { AdvisoryService } from './services/advisory-service';
import type { TrustedKey } from './services/pack-signing';
import { RecordService, type ForeignProblem } from './services/record-service';
import { SettingsService } from './services/settings-service';
import { fileStamp } from '../../shared/format/date';

export const APP_ORIGIN = 'app://passwort-lotse';

export interface MainServices {
  core: MainCore;
  router: IpcRouter;
  logger: Logger;
  /** Where the record lives and which preset this start found. */
  location: DataLocation;
  /** The record folder's lock, when this instance holds it (release it at quit). */
  lock: RecordLock | undefined;
  /** Close the journal and give the record free (the app at quit; scripts and tests that seed a record). */
  close(): void;
}

/** The installation id of a shared record folder: the journal that is there (the first, should there be more), or a new one. */
function sharedInstallationId(journalDir: string, fs: JournalFs): string {
  return journalIds(fs, journalDir)[0] ?? randomUUID();
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

/** The notices for journals of other PCs that are damaged or cannot be read (their intact part is used). */
export function importedJournalNotices(problems: readonly ForeignProblem[], now: Date): Notice[] {
  return problems.map((problem, i) => ({
    id: `imported-journal-${i}-${fileStamp(now)}`,
    kind: 'imported-journal-damaged',
    computer: problem.installationId === '' ? '' : problem.computer || problem.installationId.slice(0, 8),
    file: problem.file,
    reason: problem.reason,
    ...(problem.line !== undefined ? { line: problem.line } : {}),
    kept: problem.kept,
  }));
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
  /**
   * The machine-wide folders (preset, shared record); without them no preset is looked for and the record stays in
   * the user-data folder (unit tests). The app passes the real ones, the e2e host test folders.
   */
  machine?: MachineDirs;
  /** A preset file named with --vorgabe. */
  presetArgument?: string;
  /** Tests: who holds a lock (the process of another session is not alive in a test). */
  lockPid?: number;
}): MainServices {
  const logFile = join(options.userDataDir, 'logs', 'passwort-lotse.log');
  const logger = options.logger ?? createFileLogger(logFile);
  const clock = options.clock ?? (() => new Date());
  const osUser = options.osUser ?? osAccountName();
  const location: DataLocation = options.machine
    ? resolveDataLocation({
        userDataDir: options.userDataDir,
        machine: options.machine,
        ...(options.presetArgument ? { argumentFile: options.presetArgument } : {}),
      })
    : { recordDir: options.userDataDir, shared: false, problems: [] };
  const { recordDir } = location;
  const computer = options.files?.computer || hostname();
  // One writer per record folder; a second instance (another Windows session on a shared folder) reads only.
  const acquired = acquireRecordLock({
    dir: recordDir,
    account: osUser,
    computer,
    clock,
    ...(options.lockPid !== undefined ? { pid: options.lockPid } : {}),
  });
  const lock = acquired.held ? acquired.lock : undefined;
  if (lock) lock.startHeartbeat();
  // Only the writer cleans up: temporary files a crash left behind (never the journal or a kept copy).
  if (lock) removeLeftovers({ userDataDir: options.userDataDir, recordDir, logger });
  const journalDir = join(recordDir, JOURNAL_DIR);
  const baseFs = options.journalFs ?? nodeFs;
  const journalFs = lock ? options.journalFs : readOnlyFs(baseFs);
  const fsOption = journalFs ? { fs: journalFs } : {};
  const opened = openStateStore({
    dir: options.userDataDir,
    engine: options.engine,
    logger,
    carryOver: (legacy) => carryOverToJournal({ dir: journalDir, legacy, osUser, clock, ...fsOption }),
  });
  const settings = new SettingsService(opened.store, () => backUpStore(options.userDataDir));
  let installationId = location.shared ? sharedInstallationId(journalDir, baseFs) : settings.installationId();
  /** The settings name this PC's journal and a person: something was recorded here before (the name only after it). */
  const recordedBefore = !location.shared && installationId !== undefined && settings.get().userName.trim() !== '';
  if (!installationId) {
    installationId = adoptOrCreateInstallationId(journalDir, options.journalFs);
    // Only the writer keeps it: a read-only instance's id would replace the writer's, orphaning its journal.
    if (lock) settings.setInstallationId(installationId);
  }
  const record = new RecordService({ dir: journalDir, installationId, osUser, clock, ...fsOption });
  for (const finding of record.findings)
    logger.warn(`journal.${finding.kind}`, finding.kind === 'break' ? { reason: finding.info.reason, line: finding.info.line } : {});
  for (const problem of record.foreignProblems)
    logger.warn('journal.imported-damaged', {
      installation: problem.installationId,
      reason: problem.reason,
      line: problem.line ?? 0,
      kept: problem.kept,
    });
  const installedFile = join(recordDir, 'packs', 'installed-update.json');
  const advisory = new AdvisoryService({
    bundled: loadBundledPack(options.packFile),
    trustedKeys: [
      ...releaseKeys(),
      ...(options.keysDir ? loadTrustedKeys(options.keysDir, (file) => logger.warn('advisory.key-skipped', { file })) : []),
      ...(options.extraTrustedKeys ?? []),
    ],
    // With the record: an update applied in one Windows session is the update of every session sharing the record.
    installedFile,
    logger,
    highestApplied: () => record.state.packRevision,
  });
  const packNotices: Notice[] = advisory.rolledBack
    ? [{ id: `pack-rolled-back-${fileStamp(clock())}`, kind: 'pack-rolled-back', ...advisory.rolledBack }]
    : advisory.unusable
      ? [{ id: `pack-update-unreadable-${fileStamp(clock())}`, kind: 'pack-update-unreadable', file: installedFile, ...advisory.unusable }]
      : [];
  const stamp = fileStamp(clock());
  // An empty or missing journal where something was recorded before: the record was lost (emptied, deleted, disk).
  const recordLost = lock !== undefined && recordedBefore && record.state.count === 0;
  const lostNotices: Notice[] = recordLost ? [{ id: `journal-lost-${stamp}`, kind: 'journal-lost', file: record.file }] : [];
  if (recordLost) logger.warn('journal.lost', {});
  const locationNotices: Notice[] = location.problems.map((problem, i) =>
    problem.kind === 'preset-invalid'
      ? { id: `preset-invalid-${i}-${stamp}`, ...problem }
      : { id: `data-folder-unwritable-${i}-${stamp}`, ...problem },
  );
  for (const problem of location.problems)
    logger.warn(`location.${problem.kind}`, problem.kind === 'preset-invalid' ? { refusal: problem.refusal } : {});
  // A preset pre-fills only this practice's Einrichtung, and only while it is not completed; it never changes a status.
  const found = location.preset;
  const recordPractice = record.state.practiceName;
  const otherPractice =
    found !== undefined && recordPractice.trim() !== '' && !samePracticeName(found.preset.practice.name, recordPractice);
  if (found && otherPractice) {
    locationNotices.push({
      id: `preset-other-practice-${stamp}`,
      kind: 'preset-other-practice',
      file: found.file,
      presetPractice: found.preset.practice.name,
      recordPractice,
    });
    logger.warn('location.preset-other-practice', {});
  }
  const preset = found && !otherPractice ? found : undefined;
  const readOnlyNotices: Notice[] = acquired.held
    ? []
    : [
        {
          id: `record-read-only-${stamp}`,
          kind: 'record-read-only',
          account: acquired.holder?.account ?? '',
          computer: acquired.holder?.computer ?? '',
          since: acquired.holder?.since ?? '',
        },
      ];
  if (!acquired.held) logger.warn('record.read-only', {});
  const core = createMainCore({
    settings,
    record,
    notices: [
      ...(opened.notice ? [opened.notice] : []),
      ...readOnlyNotices,
      // What a read-only instance sees of a journal the other instance is writing is not a finding of its own.
      ...(lock ? journalNotices(record.findings, clock()) : []),
      ...lostNotices,
      ...importedJournalNotices(record.foreignProblems, clock()),
      ...packNotices,
      ...locationNotices,
    ],
    logger,
    advisory,
    appInfo: { version: options.version, dataDir: recordDir, logFile },
    ...(options.files ? { files: options.files } : {}),
    clock,
    recordWritable: () => lock?.stillOurs() ?? false,
    location: {
      shared: location.shared,
      ...(preset
        ? {
            preset: {
              source: preset.source,
              file: preset.file,
              practiceId: preset.preset.practice.id,
              practiceName: preset.preset.practice.name,
              profile: presetProfile(preset.preset),
              ...(preset.preset.itPartner ? { itPartner: preset.preset.itPartner } : {}),
            },
          }
        : {}),
    },
  });
  const router = createIpcRouter(core.handlers, { appOrigin: options.appOrigin ?? APP_ORIGIN, logger });
  logger.info('main.started', { version: options.version, recovered: opened.notice !== undefined, events: record.state.count });
  return {
    core,
    router,
    logger,
    location,
    lock,
    close: () => {
      record.close();
      lock?.release();
    },
  };
}
