import { AREAS, isFinished, type Status } from './constants';
import type { Area } from './log';
import type { StatusRecord } from './status';
import type { Task } from './tasks';
import type { Role } from '../state/settings';

/** A task as the renderer shows it: the derived task with its recorded state. */
export interface TaskView extends Task {
  status: Status;
  /** The current status record (who, when, guide version), absent while the task was never touched. */
  record?: StatusRecord;
  checkedSteps: string[];
  /** Version of the guide as the app has it now. */
  guideVersion: string;
  /** Done under an older version of its guide. */
  outdated: boolean;
  canUndo: boolean;
}

export interface Progress {
  finished: number;
  total: number;
}

export interface OverviewSummary {
  overall: Progress;
  byArea: Record<Area, Progress>;
  /** The next task for the person's role: what is in progress first, then what was handed over, then by risk. */
  next?: TaskView;
  /** Tasks handed to the IT partner (who handed them over and when is in `record`). */
  withIt: TaskView[];
  /** Open tasks for the IT partner that nobody has handed over yet. */
  toHandOver: TaskView[];
  outdated: TaskView[];
}

/** Order of precedence for "Ihre nächste Aufgabe" by status; a status not listed is not a next task for the role. */
const RANK: Record<Role, Partial<Record<Status, number>>> = {
  praxis: { 'in-progress': 0, recheck: 1, open: 2 },
  'it-partner': { 'in-progress': 0, 'handed-to-it': 1, recheck: 2, open: 3 },
};

/** Is this task the role's to do? The IT partner's own tasks, and anything the practice handed to them. */
const belongsTo = (task: TaskView, role: Role) =>
  role === 'it-partner'
    ? task.audience === 'it-partner' || task.status === 'handed-to-it'
    : task.audience === 'praxis' && task.status !== 'handed-to-it';

/**
 * How far the practice is, the next task for the person using the app (by role), what is with the IT partner and
 * what could still be handed over; pure. `tasks` come in order of risk (the derivation's order).
 */
export function summarize(tasks: readonly TaskView[], role: Role = 'praxis', today?: string): OverviewSummary {
  const count = (list: readonly TaskView[]): Progress => ({
    finished: list.filter((t) => isFinished(t.status)).length,
    total: list.length,
  });
  const byArea = Object.fromEntries(AREAS.map((area) => [area, count(tasks.filter((t) => t.area === area))])) as Record<Area, Progress>;
  let next: TaskView | undefined;
  let best = Infinity;
  for (const task of tasks) {
    const rank = RANK[role][task.status];
    if (rank === undefined || !belongsTo(task, role) || rank >= best) continue;
    next = task;
    best = rank;
  }
  return {
    overall: count(tasks),
    byArea,
    ...(next ? { next } : {}),
    withIt: withItFirstDue(tasks, today),
    toHandOver: tasks.filter((t) => t.audience === 'it-partner' && (t.status === 'open' || t.status === 'recheck')),
    outdated: tasks.filter((t) => t.outdated || t.status === 'recheck'),
  };
}

/** Whether a hand-over's Wiedervorlage (YYYY-MM-DD) lies before `today` (YYYY-MM-DD). */
export const isOverdue = (task: Pick<TaskView, 'status' | 'record'>, today: string | undefined): boolean =>
  today !== undefined && task.status === 'handed-to-it' && task.record?.followUp !== undefined && task.record.followUp < today;

/** What is with the IT partner: overdue Wiedervorlagen first (the oldest first), then by day, then the rest by risk. */
function withItFirstDue(tasks: readonly TaskView[], today: string | undefined): TaskView[] {
  const handed = tasks.filter((t) => t.status === 'handed-to-it');
  const rank = (task: TaskView) => (isOverdue(task, today) ? 0 : task.record?.followUp ? 1 : 2);
  return handed
    .map((task, index) => ({ task, index }))
    .sort(
      (a, b) =>
        rank(a.task) - rank(b.task) || compareDays(a.task.record?.followUp ?? '', b.task.record?.followUp ?? '') || a.index - b.index,
    )
    .map(({ task }) => task);
}

/**
 * Two days as YYYY-MM-DD compared as text (what they are: the same order as the calendar). Not localeCompare: it
 * would make the first Übersicht load ICU's collation data (about 35 ms in Chromium) for nothing.
 */
function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
