import { redoRequiredSince } from '../../../shared/advisory/pack-diff';
import type { GuideTarget, Pack } from '../../../shared/advisory/pack-schema';
import { withStableIds } from '../../../shared/domain/item-ids';
import type { Area } from '../../../shared/domain/log';
import type { TaskView } from '../../../shared/domain/overview';
import type { Profile } from '../../../shared/domain/profile';
import { checkTransition, currentStatus, type Status, type TransitionError } from '../../../shared/domain/status';
import { deriveTasks, type Task } from '../../../shared/domain/tasks';
import type { EventDataOf, JournalEvent } from '../../../shared/journal/events';
import type { FoldChange } from '../../../shared/journal/fold';
import { profileChanges } from '../../../shared/journal/profile-changes';
import type { RecordService } from './record-service';

/** The Übersicht area a guide's target belongs to, so guide updates can be filtered in the Protokoll. */
const AREA_OF_TARGET: Record<GuideTarget, Area> = {
  pvs: 'pvs',
  connector: 'connector',
  'card-terminal': 'connector',
  windows: 'windows',
  remote: 'remote',
  other: 'other',
  team: 'other',
};

/** A refusal the renderer can explain; its code is also the IPC error code. */
export class ChecklistError extends Error {
  override readonly name = 'ChecklistError';
  constructor(readonly code: TransitionError | 'not-found') {
    super(code);
  }
}

/**
 * The practice's checklist on top of the record: derived tasks, their views, and the actions that change them.
 *
 * Every action is checked against the folded state, then written as exactly one journal event. Tasks are derived
 * from the profile and the pack only when one of them changes; a status change rebuilds only its own task's view,
 * so the cost of an action does not grow with the record.
 */
export class ChecklistService {
  private derived: { profile: Profile; pack: Pack; tasks: Task[]; byId: Map<string, Task> } | undefined;
  private viewCache: { tasks: Task[]; views: TaskView[]; index: Map<string, number> } | undefined;

  constructor(
    private readonly record: RecordService,
    private readonly pack: () => Pack,
  ) {}

  profile(): Profile {
    return this.record.state.profile;
  }

  tasks(): Task[] {
    return this.derive().tasks;
  }

  /** Every task with its recorded state; the same array until something changes. */
  views(): TaskView[] {
    const { tasks } = this.derive();
    if (this.viewCache?.tasks !== tasks) {
      const views = tasks.map((task) => this.view(task));
      this.viewCache = { tasks, views, index: new Map(tasks.map((task, i) => [task.id, i])) };
    }
    return this.viewCache.views;
  }

  saveProfile(input: Profile, by: string): JournalEvent {
    this.requireUser(by);
    const before = this.profile();
    const profile = { ...withStableIds(input, before), completed: true };
    return this.commit({ kind: 'profile-saved', by, data: { profile, changes: profileChanges(before, profile) } });
  }

  setStatus(taskId: string, status: Status, reason: string | undefined, by: string, followUp?: string): JournalEvent {
    const task = this.find(taskId);
    const state = this.record.taskState(taskId);
    const from = currentStatus(state);
    const guideVersion = this.guideVersion(task);
    const outdated = state.history.at(-1)?.guideVersion !== guideVersion;
    const refusal = checkTransition(from, status, reason, by, { outdated });
    if (refusal) throw new ChecklistError(refusal);
    return this.commit({
      kind: 'status-set',
      by,
      data: {
        taskId,
        area: task.area,
        from,
        to: status,
        guideId: task.guideId,
        guideVersion,
        ...(status === 'not-applicable' && reason ? { reason } : {}),
        ...(status === 'handed-to-it' && followUp ? { followUp } : {}),
      },
    });
  }

  /** Move the Wiedervorlage of a task that is with the IT partner (one event: from which day to which). */
  setFollowUp(taskId: string, day: string, by: string): JournalEvent {
    this.requireUser(by);
    const task = this.find(taskId);
    const current = this.record.taskState(taskId).history.at(-1);
    if (current?.status !== 'handed-to-it') throw new ChecklistError('not-handed-over');
    if (current.followUp === day) throw new ChecklistError('same-status');
    return this.commit({
      kind: 'follow-up-set',
      by,
      data: { taskId, area: task.area, ...(current.followUp ? { from: current.followUp } : {}), to: day },
    });
  }

  /**
   * After a guide update: a task done under an older version becomes "Erneut prüfen" where the guide's changelog
   * says a step must be redone; otherwise it stays done and shows that its guide changed. One event for all.
   */
  applyGuideUpdate(before: Pack, after: Pack, by: string): JournalEvent {
    this.requireUser(by);
    const changed = after.guides.filter((guide) => JSON.stringify(guide) !== JSON.stringify(before.guides.find((g) => g.id === guide.id)));
    return this.recordUpdate(before.revision, changed, after, by);
  }

  /**
   * The record of an update whose pack is installed but whose journal line is missing; made by Passwort-Lotse.
   * It runs from the revision last recorded (this PC's last pack-applied, else the bundled pack): a guide counts as
   * changed when its version differs from the one last recorded for it, or, never recorded, when it is not the
   * bundled guide. So nothing recorded by an earlier update is listed again.
   */
  recordInterruptedUpdate(bundled: Pack, after: Pack): JournalEvent {
    const recorded = new Map<string, string>();
    let fromRevision = bundled.revision;
    for (const event of this.record.ownChain().events) {
      if (event.kind !== 'pack-applied') continue;
      fromRevision = event.data.toRevision;
      for (const guide of event.data.guides) recorded.set(guide.guideId, guide.guideVersion);
    }
    const changed = after.guides.filter((guide) => {
      const version = recorded.get(guide.id);
      if (version !== undefined) return version !== guide.version;
      return JSON.stringify(guide) !== JSON.stringify(bundled.guides.find((g) => g.id === guide.id));
    });
    return this.recordUpdate(fromRevision, changed, after, '');
  }

  private recordUpdate(fromRevision: number, changed: Pack['guides'], after: Pack, by: string): JournalEvent {
    const rechecks: EventDataOf<'pack-applied'>['rechecks'] = [];
    for (const task of deriveTasks(this.profile(), after)) {
      const guide = after.guides.find((g) => g.id === task.guideId);
      const record = this.record.taskState(task.id).history.at(-1);
      if (!guide || record?.status !== 'done' || record.guideVersion === guide.version) continue;
      if (!redoRequiredSince(guide, record.guideVersion)) continue;
      // The record keeps the German note: the journal is the practice's German evidence.
      const reason = guide.changelog.find((entry) => entry.version === guide.version)?.note.de;
      rechecks.push({
        taskId: task.id,
        area: task.area,
        from: 'done',
        to: 'recheck',
        guideId: guide.id,
        guideVersion: guide.version,
        ...(reason ? { reason } : {}),
      });
    }
    return this.commit({
      kind: 'pack-applied',
      by,
      data: {
        packId: after.id,
        fromRevision,
        toRevision: after.revision,
        guides: changed.map((guide) => ({ guideId: guide.id, area: AREA_OF_TARGET[guide.target], guideVersion: guide.version })),
        rechecks,
      },
    });
  }

  /** The person looked at an update and chose not to apply it. */
  declineUpdate(packId: string, revision: number, by: string): JournalEvent {
    this.requireUser(by);
    return this.commit({ kind: 'pack-declined', by, data: { packId, revision } });
  }

  /** Take back the last status change; the Protokoll keeps both the change and the undo. */
  undo(taskId: string, by: string): JournalEvent {
    const task = this.find(taskId);
    this.requireUser(by);
    const history = this.record.taskState(taskId).history;
    const last = history.at(-1);
    // "Erneut prüfen" comes from a guide update, not from a person: it is left by confirming the task again.
    if (!last || last.status === 'recheck') throw new ChecklistError('nothing-to-undo');
    return this.commit({
      kind: 'status-undone',
      by,
      data: {
        taskId,
        area: task.area,
        from: last.status,
        to: history.at(-2)?.status ?? 'open',
        guideId: task.guideId,
        guideVersion: this.guideVersion(task),
      },
    });
  }

  /** Check or uncheck one step; the first check of an open task puts it "In Arbeit" (in the same event). */
  checkStep(taskId: string, stepId: string, checked: boolean, by: string): JournalEvent | undefined {
    const task = this.find(taskId);
    this.requireUser(by);
    const guide = this.pack().guides.find((g) => g.id === task.guideId);
    if (!guide?.steps.some((s) => s.id === stepId)) throw new ChecklistError('not-found');
    const state = this.record.taskState(taskId);
    if (state.checkedSteps.includes(stepId) === checked) return undefined;
    const startsTask = checked && currentStatus(state) === 'open';
    return this.commit({
      kind: 'step-checked',
      by,
      data: { taskId, area: task.area, stepId, checked, guideId: task.guideId, guideVersion: guide.version, startsTask },
    });
  }

  private commit(draft: Parameters<RecordService['append']>[0]): JournalEvent {
    const { event, change } = this.record.append(draft);
    this.refresh(change);
    return event;
  }

  /** Keep the cached views in step with one folded event. */
  private refresh(change: FoldChange): void {
    if (change.profile) {
      this.derived = undefined;
      return;
    }
    const cache = this.viewCache;
    if (!cache || cache.tasks !== this.derived?.tasks) return;
    let views: TaskView[] | undefined;
    for (const taskId of change.tasks) {
      const i = cache.index.get(taskId);
      const task = this.derived.byId.get(taskId);
      if (i === undefined || !task) continue;
      views ??= cache.views.slice();
      views[i] = this.view(task);
    }
    if (views) this.viewCache = { ...cache, views };
  }

  private derive() {
    const profile = this.profile();
    const pack = this.pack();
    if (this.derived?.profile !== profile || this.derived.pack !== pack) {
      const tasks = deriveTasks(profile, pack);
      this.derived = { profile, pack, tasks, byId: new Map(tasks.map((task) => [task.id, task])) };
    }
    return this.derived;
  }

  private view(task: Task): TaskView {
    const state = this.record.taskState(task.id);
    const record = state.history.at(-1);
    const guideVersion = this.guideVersion(task);
    return {
      ...task,
      status: currentStatus(state),
      ...(record ? { record } : {}),
      checkedSteps: [...state.checkedSteps],
      guideVersion,
      outdated: record?.status === 'done' && record.guideVersion !== guideVersion,
      canUndo: state.history.length > 0 && record?.status !== 'recheck',
    };
  }

  private requireUser(by: string): void {
    if (by.trim() === '') throw new ChecklistError('no-user');
  }

  private find(taskId: string): Task {
    const task = this.derive().byId.get(taskId);
    if (!task) throw new ChecklistError('not-found');
    return task;
  }

  private guideVersion(task: Task): string {
    return this.pack().guides.find((g) => g.id === task.guideId)?.version ?? '';
  }
}
