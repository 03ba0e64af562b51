import type { ProtocolEntry } from '../domain/log';
import { defaultProfile, type Profile } from '../domain/profile';
import type { StatusRecord, TaskState } from '../domain/status';
import type { JournalEvent } from './events';

/** What the journal says the practice did: the state every screen, report and export is made from. */
export interface RecordState {
  practiceName: string;
  /** The person last named in this record, when a name change was recorded. */
  userName?: string;
  profile: Profile;
  /** Recorded states by task id; a task that is no longer derived keeps its state for when it comes back. */
  taskStates: ReadonlyMap<string, TaskState>;
  /** The Protokoll, oldest first. */
  protocol: readonly ProtocolEntry[];
  /** Events of this PC's own chain folded so far, and the hash of the last one (all events when no PC is named). */
  count: number;
  head: string;
  /** The highest advisory-pack revision this record has applied (0: only the bundled pack). */
  packRevision: number;
}

/** What one event changed, so a caller can update its views for just that. */
export interface FoldChange {
  profile: boolean;
  practice: boolean;
  tasks: string[];
}

/**
 * The fold of journal events into the record's state, one event at a time.
 *
 * `apply` costs the same at the first and the hundred-thousandth event (it touches only what the event names);
 * the state is owned by the fold and must be treated as read-only by callers. Folding the same events in the
 * same order always gives the same state.
 */
export class RecordFold {
  private practiceName = '';
  private userName: string | undefined;
  private profile: Profile = defaultProfile();
  private readonly taskStates = new Map<string, TaskState>();
  /** For each task, the installation that recorded each history entry (an undo takes back its own PC's entry). */
  private readonly origins = new Map<string, string[]>();
  private readonly protocol: ProtocolEntry[] = [];
  private count = 0;
  private head = '';
  private packRevision = 0;

  /**
   * @param own This PC's installation id, when foreign journals (merged from other PCs) are folded too: the chain
   *   count and head, the name of the person using the app and the applied pack revision are then this PC's own.
   */
  constructor(private readonly own?: string) {}

  /** The installation whose chain count and head this fold keeps (undefined: all events). */
  get ownInstallation(): string | undefined {
    return this.own;
  }

  get state(): RecordState {
    return {
      practiceName: this.practiceName,
      ...(this.userName !== undefined ? { userName: this.userName } : {}),
      profile: this.profile,
      taskStates: this.taskStates,
      protocol: this.protocol,
      count: this.count,
      head: this.head,
      packRevision: this.packRevision,
    };
  }

  taskState(taskId: string): TaskState {
    return this.taskStates.get(taskId) ?? { history: [], checkedSteps: [] };
  }

  apply(event: JournalEvent): FoldChange {
    const change: FoldChange = { profile: false, practice: false, tasks: [] };
    const id = `${event.inst}:${event.seq}`;
    const base = { at: event.at, by: event.by };
    const mine = this.own === undefined || event.inst === this.own;
    if (mine) {
      this.count += 1;
      this.head = event.hash;
    }
    const push = (entry: Omit<ProtocolEntry, 'at' | 'by'> & { at?: string; by?: string }) => this.protocol.push({ ...base, ...entry });
    const record = (status: StatusRecord['status'], guideVersion: string, reason?: string, followUp?: string): StatusRecord => ({
      status,
      at: event.at,
      by: event.by,
      guideVersion,
      ...(reason ? { reason } : {}),
      ...(followUp && status === 'handed-to-it' ? { followUp } : {}),
    });

    switch (event.kind) {
      case 'profile-saved':
        this.profile = { ...event.data.profile, completed: true };
        change.profile = true;
        push({ id, kind: 'profile', changes: event.data.changes.map((c) => c.field) });
        break;
      case 'names-changed': {
        const { practice, user } = event.data;
        if (practice) {
          this.practiceName = practice.to;
          change.practice = true;
          push({ id, kind: 'practice', from: practice.from, to: practice.to });
        }
        if (user) {
          if (mine) this.userName = user.to;
          push({ id: practice ? `${id}/1` : id, kind: 'user', from: user.from, to: user.to });
        }
        break;
      }
      case 'status-set': {
        const d = event.data;
        this.mutateTask(d.taskId, (state) =>
          this.pushHistory(d.taskId, state, event.inst, record(d.to, d.guideVersion, d.reason, d.followUp)),
        );
        change.tasks.push(d.taskId);
        push({ id, kind: 'status', ...statusFields(d), ...(d.followUp && d.to === 'handed-to-it' ? { followUp: d.followUp } : {}) });
        break;
      }
      case 'follow-up-set': {
        const d = event.data;
        // The current hand-over gets the new day; a task no longer with the IT partner keeps its history as it is.
        this.mutateTask(d.taskId, (state) => {
          const current = state.history.at(-1);
          if (current?.status === 'handed-to-it') state.history[state.history.length - 1] = { ...current, followUp: d.to };
        });
        change.tasks.push(d.taskId);
        push({ id, kind: 'follow-up', taskId: d.taskId, area: d.area, ...(d.from ? { from: d.from } : {}), to: d.to });
        break;
      }
      case 'status-undone': {
        const d = event.data;
        // In a record merged from several PCs an undo takes back the last status this PC recorded for the task.
        this.mutateTask(d.taskId, (state) => this.undoHistory(d.taskId, state, event.inst));
        change.tasks.push(d.taskId);
        push({ id, kind: 'undo', ...statusFields(d) });
        break;
      }
      case 'step-checked': {
        const d = event.data;
        this.mutateTask(d.taskId, (state) => {
          const at = state.checkedSteps.indexOf(d.stepId);
          if (d.checked && at < 0) state.checkedSteps.push(d.stepId);
          if (!d.checked && at >= 0) state.checkedSteps.splice(at, 1);
          if (d.startsTask) this.pushHistory(d.taskId, state, event.inst, record('in-progress', d.guideVersion));
        });
        change.tasks.push(d.taskId);
        const ref = { taskId: d.taskId, area: d.area, guideId: d.guideId, guideVersion: d.guideVersion };
        push({ id, kind: 'step', ...ref, stepId: d.stepId, checked: d.checked });
        if (d.startsTask) push({ id: `${id}/1`, kind: 'status', ...ref, from: 'open', to: 'in-progress' });
        break;
      }
      case 'pack-applied': {
        const d = event.data;
        if (mine) this.packRevision = Math.max(this.packRevision, d.toRevision);
        let n = 0;
        const next = () => (n++ === 0 ? id : `${id}/${n - 1}`);
        for (const guide of d.guides) push({ id: next(), kind: 'guide-update', ...guide });
        for (const recheck of d.rechecks) {
          // The steps must be worked through again, so their ticks are cleared (the Protokoll keeps the old ones).
          this.mutateTask(recheck.taskId, (state) => {
            this.pushHistory(recheck.taskId, state, event.inst, record('recheck', recheck.guideVersion));
            state.checkedSteps.length = 0;
          });
          change.tasks.push(recheck.taskId);
          push({ id: next(), kind: 'status', ...statusFields(recheck) });
        }
        break;
      }
      case 'pack-declined':
        push({ id, kind: 'pack-declined', to: String(event.data.revision) });
        break;
      case 'legacy-entry': {
        const { seq: _seq, ...entry } = event.data.entry;
        push({ id, ...entry });
        break;
      }
      case 'store-migrated': {
        const d = event.data;
        this.practiceName = d.practiceName;
        this.profile = clone(d.profile);
        for (const [taskId, state] of Object.entries(d.taskStates)) {
          this.taskStates.set(taskId, clone(state));
          this.origins.set(
            taskId,
            state.history.map(() => event.inst),
          );
          change.tasks.push(taskId);
        }
        change.profile = true;
        change.practice = true;
        push({ id, kind: 'migration' });
        break;
      }
      case 'chain-break':
        push({ id, kind: 'chain-break', reason: event.data.firstBad.reason });
        break;
    }
    return change;
  }

  private pushHistory(taskId: string, state: TaskState, inst: string, entry: StatusRecord): void {
    state.history.push(entry);
    const origins = this.origins.get(taskId) ?? [];
    origins.push(inst);
    this.origins.set(taskId, origins);
  }

  private undoHistory(taskId: string, state: TaskState, inst: string): void {
    const origins = this.origins.get(taskId) ?? [];
    const at = origins.lastIndexOf(inst);
    if (at < 0) return;
    state.history.splice(at, 1);
    origins.splice(at, 1);
  }

  private mutateTask(taskId: string, mutate: (state: TaskState) => void): void {
    let state = this.taskStates.get(taskId);
    if (!state) {
      state = { history: [], checkedSteps: [] };
      this.taskStates.set(taskId, state);
    }
    mutate(state);
  }
}

function statusFields(d: {
  taskId: string;
  area: ProtocolEntry['area'];
  from: string;
  to: string;
  guideId: string;
  guideVersion: string;
  reason?: string | undefined;
}) {
  return {
    taskId: d.taskId,
    ...(d.area ? { area: d.area } : {}),
    from: d.from,
    to: d.to,
    guideId: d.guideId,
    guideVersion: d.guideVersion,
    ...(d.reason ? { reason: d.reason } : {}),
  };
}

/** Fold a whole list of events; pure: the same events in the same order give the same state. */
export function foldEvents(events: Iterable<JournalEvent>, own?: string): RecordState {
  const fold = new RecordFold(own);
  for (const event of events) fold.apply(event);
  return fold.state;
}

/** A deep copy of plain JSON data, so the fold never shares arrays with an event it was given. */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
