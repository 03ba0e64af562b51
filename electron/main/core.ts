import type { ApiMethod } from '../../shared/ipc/channels';
import { PROTOCOL_PAGE_MAX, type Ack, type ParsedArgsOf, type ResultOf } from '../../shared/ipc/contract';
import { filterLog, peopleInLog } from '../../shared/domain/log-filter';
import type { EventDraft } from '../../shared/journal/events';
import type { Language } from '../../shared/state/settings';
import type { AppInfo, Notice, Snapshot } from '../../shared/state/snapshot';
import type { Logger } from './logger';
import type { AdvisoryService } from './services/advisory-service';
import { ChecklistError, ChecklistService } from './services/checklist-service';
import { NoticeService } from './services/notice-service';
import type { RecordService } from './services/record-service';
import type { SettingsService } from './services/settings-service';
import { ExchangeService } from './services/exchange-service';
import { nachweisPdf, safeFileName, translatorFor, worksheetPdf } from './services/report-service';
import { writeFileAtomically } from './store/atomic-write';
import type { Profile } from '../../shared/domain/profile';
import { buildPreset, PRESET_FILE_NAME, samePracticeName, type ItPartner } from '../../shared/preset/preset';
import { randomUUID } from 'node:crypto';

/** A handler receives arguments already validated against the contract. */
export type Handlers = {
  [M in ApiMethod]: (...args: ParsedArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>>;
};

/** Thrown by a handler for a well-known failure the renderer can explain. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export interface FileDeps {
  computer: string;
  /** The path to write to, or undefined when the person cancelled the dialog. */
  chooseSavePath(suggestedName: string, kind: 'pdf' | 'json'): Promise<string | undefined>;
}

/** Statuses a work sheet is for: everything not finished. */
const OPEN = new Set(['open', 'in-progress', 'recheck', 'handed-to-it']);

/** Thrown when a chosen file cannot be written (full USB stick, no permission). */
export class SaveError extends Error {
  override readonly name = 'SaveError';
}

/** Thrown when something would be recorded while another instance holds the record (see record-lock.ts). */
export class ReadOnlyError extends Error {
  override readonly name = 'ReadOnlyError';
}

/** Thrown when a preset is asked for before the Einrichtung was completed (there is nothing to pass on yet). */
export class SetupIncompleteError extends Error {
  override readonly name = 'SetupIncompleteError';
}

/** The preset this start found, as the screens need it (see data-location.ts). */
export interface FoundPreset {
  source: 'argument' | 'machine' | 'kept';
  file: string;
  practiceId: string;
  practiceName: string;
  profile: Profile;
  itPartner?: ItPartner;
}

/** Thrown when a file of another practice is merged without the person's confirmation. */
export class ConfirmPracticeError extends Error {
  override readonly name = 'ConfirmPracticeError';
}

export interface MainCore {
  handlers: Handlers;
  snapshot(): Snapshot;
  /** Called with the new snapshot after every change; returns the unsubscribe function. */
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
  settings: SettingsService;
  checklist: ChecklistService;
  record: RecordService;
  exchange: ExchangeService;
  /** A reminder was clicked: the screens show the Übersicht. */
  showOverview(): void;
  /** A PDF of the record (Nachweis) or a work sheet, in the UI language unless another is asked for. */
  report(kind: 'nachweis' | 'worksheet', options?: { language?: Language; taskIds?: readonly string[] }): Promise<Buffer>;
}

/**
 * All main-process logic without Electron: services, handlers and the state:changed stream.
 *
 * The Electron entry and the e2e browser host both build the app from this one function. A call that changes
 * something answers with an acknowledgement (the record's head); the new state goes out as `state:changed`.
 */
export function createMainCore(deps: {
  settings: SettingsService;
  record: RecordService;
  notices?: readonly Notice[];
  appInfo: AppInfo;
  logger: Logger;
  advisory: AdvisoryService;
  /** This PC's name and where to save a file: the save dialog in the app, a test's folder in the browser host. */
  files?: FileDeps;
  clock?: () => Date;
  /** Whether this instance may record (holds the record lock); always, when not given (unit tests). */
  recordWritable?: () => boolean;
  /** Where the record lives and the preset this start found. */
  location?: { shared: boolean; preset?: FoundPreset };
}): MainCore {
  const { settings, record, advisory } = deps;
  const checklist = new ChecklistService(record, () => advisory.current());
  const notices = new NoticeService(deps.notices ?? []);
  const listeners = new Set<(snapshot: Snapshot) => void>();
  const user = () => settings.get().userName;
  const clock = deps.clock ?? (() => new Date());
  const files: FileDeps = deps.files ?? { computer: '', chooseSavePath: () => Promise.resolve(undefined) };
  const exchange = new ExchangeService({ record, appVersion: deps.appInfo.version, computer: files.computer, clock });
  const today = () => clock().toISOString().slice(0, 10);
  const writable = deps.recordWritable ?? (() => true);
  let openOverview = 0;
  const location = deps.location ?? { shared: false };
  /** Before anything is recorded: this instance must still hold the record; else it turns read-only, and says so. */
  const requireWritable = () => {
    if (writable()) return;
    if (!notices.list().some((notice) => notice.kind === 'record-read-only')) {
      notices.add({ id: `record-read-only-${clock().toISOString()}`, kind: 'record-read-only', account: '', computer: '', since: '' });
      deps.logger.warn('record.lock-lost', {});
      changed();
    }
    throw new ReadOnlyError('read-only');
  };
  /** Ask where, then write the whole file or nothing (a temporary file renamed into place). */
  const save = async (name: string, kind: 'pdf' | 'json', bytes: () => Promise<Buffer> | Buffer) => {
    const target = await files.chooseSavePath(`${safeFileName(name)}.${kind}`, kind);
    if (!target) return { status: 'cancelled' as const };
    const content = await bytes();
    try {
      writeFileAtomically(target, content);
    } catch {
      throw new SaveError('save-failed');
    }
    deps.logger.info('file.saved', { kind });
    return { status: 'saved' as const, file: target };
  };
  const reportSource = (language: Language = settings.get().language) => ({
    record,
    tasks: checklist.views(),
    pack: advisory.current(),
    language,
    appVersion: deps.appInfo.version,
    computer: files.computer,
    now: clock(),
  });

  // The record is the truth for names: a crash between the journal line and the settings write is mended here.
  // Not for a record shared by the PC's Windows users: its last name change may be another person's.
  const recordedUser = record.state.userName;
  if (!location.shared && recordedUser !== undefined && recordedUser !== settings.get().userName)
    settings.update({ userName: recordedUser });

  // An update installed without its record (a crash between the pack file and the journal line): record it now.
  if (advisory.info().source === 'imported' && advisory.current().revision > record.state.packRevision) {
    try {
      const revision = advisory.current().revision;
      checklist.recordInterruptedUpdate(advisory.bundled(), advisory.current());
      deps.logger.warn('advisory.record-caught-up', { revision });
      notices.add({ id: `pack-update-caught-up-${revision}`, kind: 'pack-update-caught-up', revision });
    } catch (error) {
      deps.logger.error('advisory.record-catch-up-failed', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }

  const snapshot = (): Snapshot => {
    const state = record.state;
    return {
      settings: { ...settings.get(), practiceName: state.practiceName },
      notices: notices.list(),
      app: deps.appInfo,
      profile: state.profile,
      tasks: checklist.views(),
      record: {
        installationId: record.installationId,
        count: state.count,
        head: state.head,
        file: record.file,
        computers: [...exchange.computers()].map(([installationId, computer]) => ({
          installationId,
          computer,
          own: installationId === record.installationId,
        })),
        readOnly: !writable(),
        shared: location.shared,
      },
      pack: advisory.info(),
      ...(location.preset && !state.profile.completed
        ? {
            preset: {
              source: location.preset.source,
              file: location.preset.file,
              practiceName: location.preset.practiceName,
              profile: location.preset.profile,
            },
          }
        : {}),
      ...(location.preset?.itPartner ? { itPartner: location.preset.itPartner } : {}),
      ...(openOverview > 0 ? { openOverview } : {}),
    };
  };
  const ack = (): Ack => ({ count: record.state.count, head: record.state.head });
  const changed = (): Ack => {
    if (listeners.size > 0) {
      const next = snapshot();
      for (const listener of listeners) listener(next);
    }
    return ack();
  };

  const report: MainCore['report'] = (kind, options = {}) =>
    kind === 'nachweis' ? nachweisPdf(reportSource(options.language)) : worksheetPdf(reportSource(options.language), options.taskIds);

  const handlers: Handlers = {
    getState: () => snapshot(),
    updateSettings: (patch) => {
      const current = settings.get();
      const practiceName = record.state.practiceName;
      const names: Extract<EventDraft, { kind: 'names-changed' }>['data'] = {};
      if (patch.practiceName !== undefined && patch.practiceName !== practiceName)
        names.practice = { from: practiceName, to: patch.practiceName };
      if (patch.userName !== undefined && patch.userName !== current.userName) names.user = { from: current.userName, to: patch.userName };
      // Evidence first: the journal line, then the setting it names.
      if (names.practice || names.user) {
        requireWritable();
        record.append({ kind: 'names-changed', by: names.user ? names.user.to || names.user.from : current.userName, data: names });
      }
      const stored = {
        ...(names.user ? { userName: names.user.to } : {}),
        ...(patch.language ? { language: patch.language } : {}),
        ...(patch.role ? { role: patch.role } : {}),
        ...(patch.reminders !== undefined ? { reminders: patch.reminders } : {}),
      };
      if (settings.update(stored) || names.practice) deps.logger.info('settings.updated', { fields: Object.keys(patch).join(',') });
      return changed();
    },
    dismissNotice: ({ id }) => {
      if (!notices.dismiss(id)) throw new NotFoundError('notice');
      return changed();
    },
    saveProfile: (profile) => {
      requireWritable();
      checklist.saveProfile(profile, user());
      deps.logger.info('profile.saved', { tasks: checklist.tasks().length });
      return changed();
    },
    setTaskStatus: ({ taskId, status, reason, followUp }) => {
      requireWritable();
      checklist.setStatus(taskId, status, reason, user(), followUp);
      deps.logger.info('task.status', { status });
      return changed();
    },
    setFollowUp: ({ taskId, followUp }) => {
      requireWritable();
      checklist.setFollowUp(taskId, followUp, user());
      return changed();
    },
    undoTaskStatus: ({ taskId }) => {
      requireWritable();
      checklist.undo(taskId, user());
      return changed();
    },
    checkStep: ({ taskId, stepId, checked }) => {
      requireWritable();
      checklist.checkStep(taskId, stepId, checked, user());
      return changed();
    },
    previewAdvisory: ({ content }) => {
      const outcome = advisory.preview(content);
      deps.logger.info('advisory.preview', { outcome: outcome.status === 'ready' ? 'ready' : outcome.refusal });
      return outcome;
    },
    applyAdvisory: ({ previewId }) => {
      requireWritable();
      if (user().trim() === '') throw new ChecklistError('no-user');
      // The pack file first (durably), then its record; if the record cannot be written, the pack is taken back.
      // A crash between the two is caught up at the next start (see below).
      const applied = advisory.apply(previewId);
      if (!applied) throw new NotFoundError('preview');
      try {
        checklist.applyGuideUpdate(applied.before, applied.after, user());
      } catch (error) {
        advisory.revert();
        throw error;
      }
      return changed();
    },
    cancelAdvisory: ({ previewId }) => {
      const pending = advisory.pending(previewId);
      if (!pending) throw new NotFoundError('preview');
      // Recorded before the preview is forgotten, so a refused write can be tried again (read-only: not recorded).
      if (user().trim() !== '' && writable()) checklist.declineUpdate(pending.id, pending.revision, user());
      advisory.cancel(previewId);
      return changed();
    },
    getAdvisory: () => ({ advisory: advisory.current().advisory, guides: advisory.current().guides, pack: advisory.info() }),
    getProtocol: ({ area, by, taskId, offset = 0, limit = PROTOCOL_PAGE_MAX }) => {
      const protocol = record.state.protocol;
      const filtered = filterLog(protocol, { ...(area ? { area } : {}), ...(by ? { by } : {}), ...(taskId ? { taskId } : {}) });
      return { entries: filtered.slice(offset, offset + limit), total: filtered.length, people: peopleInLog(protocol) };
    },
    createReport: ({ kind, taskIds, audience }) => {
      const t = translatorFor(settings.get().language);
      const practice = record.state.practiceName.trim();
      const base = kind === 'nachweis' ? t('report.fileName') : t('worksheet.fileName');
      const name = [base, practice, today()].filter((part) => part !== '').join(' ');
      const chosen =
        taskIds ??
        (audience
          ? checklist
              .views()
              .filter((task) => task.audience === audience && OPEN.has(task.status))
              .map((task) => task.id)
          : undefined);
      return save(name, 'pdf', () => report(kind, chosen ? { taskIds: chosen } : {}));
    },
    exportRecord: () => {
      const practice = record.state.practiceName.trim();
      const name = ['Passwort-Lotse Export', practice, files.computer, today()].filter((part) => part !== '').join(' ');
      return save(name, 'json', () => Buffer.from(`${JSON.stringify(exchange.exportRecord())}\n`, 'utf8'));
    },
    previewImport: ({ content }) => {
      const outcome = exchange.preview(content);
      deps.logger.info('exchange.preview', { outcome: outcome.status === 'ready' ? 'ready' : outcome.refusal });
      return outcome;
    },
    applyImport: ({ previewId, confirmOtherPractice }) => {
      requireWritable();
      const outcome = exchange.apply(previewId, confirmOtherPractice);
      if (outcome === 'not-found') throw new NotFoundError('preview');
      if (outcome === 'confirm-practice') throw new ConfirmPracticeError('confirm-practice');
      deps.logger.info('exchange.applied', { installations: record.foreignJournals.size });
      // A damaged imported journal that the import set aside and replaced is whole again: its notice goes.
      const stillDamaged = new Set(record.foreignProblems.map((problem) => problem.file));
      for (const notice of notices.list())
        if (notice.kind === 'imported-journal-damaged' && !stillDamaged.has(notice.file)) notices.dismiss(notice.id);
      return changed();
    },
    savePreset: ({ itPartner, record: recordLocation }) => {
      const state = record.state;
      if (!state.profile.completed || state.practiceName.trim() === '') throw new SetupIncompleteError('setup-incomplete');
      // All presets of one practice carry one id: the one this PC was set up from, else a new one.
      const known = location.preset && samePracticeName(location.preset.practiceName, state.practiceName) ? location.preset : undefined;
      const preset = buildPreset({
        practiceId: known?.practiceId ?? randomUUID(),
        practiceName: state.practiceName,
        profile: state.profile,
        ...(itPartner ? { itPartner } : {}),
        record: recordLocation,
        createdAt: clock().toISOString(),
        createdBy: user(),
      });
      return save(PRESET_FILE_NAME.replace(/\.json$/, ''), 'json', () => Buffer.from(`${JSON.stringify(preset, null, 2)}\n`, 'utf8'));
    },
    cancelImport: ({ previewId }) => {
      exchange.cancel(previewId);
      return ack();
    },
  };

  return {
    handlers,
    snapshot,
    settings,
    checklist,
    record,
    exchange,
    report,
    showOverview() {
      openOverview += 1;
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
