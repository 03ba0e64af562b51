import { redoRequiredSince } from '../../../shared/advisory/pack-diff';
import type { GuideTarget, Pack } from '../../../shared/advisory/pack-schema';
import type { Area, LogEntry } from '../../../shared/domain/log';
import type { TaskView } from '../../../shared/domain/overview';
import type { Profile } from '../../../shared/domain/profile';
import { checkTransition, currentStatus, type Status, type TaskState, type TransitionError } from '../../../shared/domain/status';
import { deriveTasks, type Task } from '../../../shared/domain/tasks';
import type { PersistedState } from '../../../shared/state/persisted';
import type { KeyValueStore } from '../store/key-value-store';

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
 * The practice's checklist: profile, task states and the append-only Protokoll.
 *
 * Tasks are derived from the profile on every read, so a changed answer never loses a recorded status: states
 * are kept by task id, and a task that disappears keeps its state for when it comes back.
 */
export class ChecklistService {
  constructor(
    private readonly store: KeyValueStore<PersistedState>,
    private readonly pack: () => Pack,
    private readonly clock: () => Date,
  ) {}

  profile(): Profile {
    return this.store.get('profile');
  }

  log(): LogEntry[] {
    return this.store.get('log');
  }

  tasks(): Task[] {
    return deriveTasks(this.profile(), this.pack());
  }

  views(): TaskView[] {
    const states = this.store.get('taskStates');
    const versions = new Map(this.pack().guides.map((g) => [g.id, g.version]));
    return this.tasks().map((task) => {
      const state = states[task.id];
      const record = state?.history.at(-1);
      const guideVersion = versions.get(task.guideId) ?? '';
      return {
        ...task,
        status: currentStatus(state),
        ...(record ? { record } : {}),
        checkedSteps: state?.checkedSteps ?? [],
        guideVersion,
        outdated: record?.status === 'done' && record.guideVersion !== guideVersion,
        canUndo: (state?.history.length ?? 0) > 0 && record?.status !== 'recheck',
      };
    });
  }

  saveProfile(profile: Profile, by: string): void {
    if (by.trim() === '') throw new ChecklistError('no-user');
    this.store.set('profile', { ...profile, completed: true });
    this.append({ by, kind: 'profile' });
  }

  setStatus(taskId: string, status: Status, reason: string | undefined, by: string): void {
    const task = this.find(taskId);
    const state = this.state(taskId);
    const from = currentStatus(state);
    const guideVersion = this.guideVersion(task);
    const outdated = state.history.at(-1)?.guideVersion !== guideVersion;
    const refusal = checkTransition(from, status, reason, by, { outdated });
    if (refusal) throw new ChecklistError(refusal);
    const at = this.clock().toISOString();
    const record = { status, at, by, guideVersion, ...(status === 'not-applicable' && reason ? { reason } : {}) };
    this.saveState(taskId, { ...state, history: [...state.history, record] });
    this.append(
      {
        by,
        kind: 'status',
        taskId,
        area: task.area,
        from,
        to: status,
        guideId: task.guideId,
        guideVersion,
        ...(record.reason ? { reason } : {}),
      },
      at,
    );
  }

  /**
   * After a guide update: a task done under an older version becomes "Erneut prüfen" where the guide's changelog
   * says a step must be redone; otherwise it stays done and shows that its guide changed.
   */
  applyGuideUpdate(before: Pack, after: Pack, by: string): void {
    const changed = after.guides.filter((guide) => JSON.stringify(guide) !== JSON.stringify(before.guides.find((g) => g.id === guide.id)));
    for (const guide of changed) {
      this.append({ by, kind: 'guide-update', area: AREA_OF_TARGET[guide.target], guideId: guide.id, guideVersion: guide.version });
    }
    for (const task of this.tasks()) {
      const guide = after.guides.find((g) => g.id === task.guideId);
      const state = this.state(task.id);
      const record = state.history.at(-1);
      if (!guide || record?.status !== 'done' || record.guideVersion === guide.version) continue;
      if (!redoRequiredSince(guide, record.guideVersion)) continue;
      const at = this.clock().toISOString();
      const reason = guide.changelog.find((entry) => entry.version === guide.version)?.note;
      // The steps must be worked through again, so their ticks are cleared (the Protokoll keeps the old ones).
      this.saveState(task.id, {
        history: [...state.history, { status: 'recheck', at, by, guideVersion: guide.version }],
        checkedSteps: [],
      });
      this.append(
        {
          by,
          kind: 'status',
          taskId: task.id,
          area: task.area,
          from: 'done',
          to: 'recheck',
          guideId: guide.id,
          guideVersion: guide.version,
          ...(reason ? { reason } : {}),
        },
        at,
      );
    }
  }

  /** Take back the last status change; the Protokoll keeps both the change and the undo. */
  undo(taskId: string, by: string): void {
    const task = this.find(taskId);
    if (by.trim() === '') throw new ChecklistError('no-user');
    const state = this.state(taskId);
    const last = state.history.at(-1);
    // "Erneut prüfen" comes from a guide update, not from a person: it is left by confirming the task again.
    if (!last || last.status === 'recheck') throw new ChecklistError('nothing-to-undo');
    const history = state.history.slice(0, -1);
    this.saveState(taskId, { ...state, history });
    this.append({
      by,
      kind: 'undo',
      taskId,
      area: task.area,
      from: last.status,
      to: currentStatus({ ...state, history }),
      guideId: task.guideId,
      guideVersion: this.guideVersion(task),
    });
  }

  /** Check or uncheck one step; the first check of an open task puts it "In Arbeit". */
  checkStep(taskId: string, stepId: string, checked: boolean, by: string): void {
    const task = this.find(taskId);
    if (by.trim() === '') throw new ChecklistError('no-user');
    const guide = this.pack().guides.find((g) => g.id === task.guideId);
    if (!guide?.steps.some((s) => s.id === stepId)) throw new ChecklistError('not-found');
    const state = this.state(taskId);
    const has = state.checkedSteps.includes(stepId);
    if (has === checked) return;
    const checkedSteps = checked ? [...state.checkedSteps, stepId] : state.checkedSteps.filter((s) => s !== stepId);
    this.saveState(taskId, { ...state, checkedSteps });
    this.append({ by, kind: 'step', taskId, area: task.area, stepId, checked, guideId: task.guideId, guideVersion: guide.version });
    if (checked && currentStatus(state) === 'open') this.setStatus(taskId, 'in-progress', undefined, by);
  }

  private find(taskId: string): Task {
    const task = this.tasks().find((t) => t.id === taskId);
    if (!task) throw new ChecklistError('not-found');
    return task;
  }

  private guideVersion(task: Task): string {
    return this.pack().guides.find((g) => g.id === task.guideId)?.version ?? '';
  }

  private state(taskId: string): TaskState {
    return this.store.get('taskStates')[taskId] ?? { history: [], checkedSteps: [] };
  }

  private saveState(taskId: string, state: TaskState): void {
    this.store.set('taskStates', { ...this.store.get('taskStates'), [taskId]: state });
  }

  private append(entry: Omit<LogEntry, 'seq' | 'at'>, at = this.clock().toISOString()): void {
    const log = this.store.get('log');
    const seq = (log.at(-1)?.seq ?? 0) + 1;
    this.store.set('log', [...log, { seq, at, ...entry }]);
  }
}
