import type { ApiMethod } from '../../shared/ipc/channels';
import type { ParsedArgsOf, ResultOf } from '../../shared/ipc/contract';
import type { AppInfo, Snapshot } from '../../shared/state/snapshot';
import type { Logger } from './logger';
import type { AdvisoryService } from './services/advisory-service';
import { ChecklistError, ChecklistService } from './services/checklist-service';
import { NoticeService } from './services/notice-service';
import { SettingsService } from './services/settings-service';
import type { OpenedStore } from './store/open-state-store';

/** A handler receives arguments already validated against the contract. */
export type Handlers = {
  [M in ApiMethod]: (...args: ParsedArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>>;
};

/** Thrown by a handler for a well-known failure the renderer can explain. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export interface MainCore {
  handlers: Handlers;
  snapshot(): Snapshot;
  /** Called with the new snapshot after every change; returns the unsubscribe function. */
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
  settings: SettingsService;
  checklist: ChecklistService;
}

/**
 * All main-process logic without Electron: services, handlers and the state:changed stream.
 *
 * The Electron entry and the e2e browser host both build the app from this one function.
 */
export function createMainCore(deps: {
  opened: OpenedStore;
  appInfo: AppInfo;
  logger: Logger;
  advisory: AdvisoryService;
  clock?: () => Date;
}): MainCore {
  const store = deps.opened.store;
  const settings = new SettingsService(store);
  const { advisory } = deps;
  const checklist = new ChecklistService(store, () => advisory.current(), deps.clock ?? (() => new Date()));
  const notices = new NoticeService(deps.opened.notice ? [deps.opened.notice] : []);
  const listeners = new Set<(snapshot: Snapshot) => void>();
  const user = () => settings.get().userName;

  const snapshot = (): Snapshot => ({
    settings: settings.get(),
    notices: notices.list(),
    app: deps.appInfo,
    profile: checklist.profile(),
    tasks: checklist.views(),
    guides: advisory.current().guides,
    advisory: advisory.current().advisory,
    log: checklist.log(),
    pack: advisory.info(),
  });
  const changed = (): Snapshot => {
    const next = snapshot();
    for (const listener of listeners) listener(next);
    return next;
  };

  const handlers: Handlers = {
    getState: () => snapshot(),
    updateSettings: (patch) => {
      if (settings.update(patch)) deps.logger.info('settings.updated', { fields: Object.keys(patch).join(',') });
      return changed();
    },
    dismissNotice: ({ id }) => {
      if (!notices.dismiss(id)) throw new NotFoundError('notice');
      return changed();
    },
    saveProfile: (profile) => {
      checklist.saveProfile(profile, user());
      deps.logger.info('profile.saved', { tasks: checklist.tasks().length });
      return changed();
    },
    setTaskStatus: ({ taskId, status, reason }) => {
      checklist.setStatus(taskId, status, reason, user());
      deps.logger.info('task.status', { status });
      return changed();
    },
    undoTaskStatus: ({ taskId }) => {
      checklist.undo(taskId, user());
      return changed();
    },
    checkStep: ({ taskId, stepId, checked }) => {
      checklist.checkStep(taskId, stepId, checked, user());
      return changed();
    },
    previewAdvisory: ({ content }) => {
      const outcome = advisory.preview(content);
      deps.logger.info('advisory.preview', { outcome: outcome.status === 'ready' ? 'ready' : outcome.refusal });
      return outcome;
    },
    applyAdvisory: ({ previewId }) => {
      if (user().trim() === '') throw new ChecklistError('no-user');
      const applied = advisory.apply(previewId);
      if (!applied) throw new NotFoundError('preview');
      checklist.applyGuideUpdate(applied.before, applied.after, user());
      return changed();
    },
  };

  return {
    handlers,
    snapshot,
    settings,
    checklist,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
