import type { Audience } from '../advisory/pack-schema';
import { AREAS, isFinished, type Status } from './constants';
import type { Area } from './log';
import type { StatusRecord } from './status';
import type { Task } from './tasks';

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
  next?: TaskView;
  /** The most important actionable task the practice can do itself (when `next` is the IT partner's). */
  nextForPraxis?: TaskView;
  waitingForIt: TaskView[];
  outdated: TaskView[];
}

const ACTIONABLE: readonly Status[] = ['open', 'in-progress', 'recheck'];

/** How far the practice is, what comes next and what waits for the IT partner; pure. */
export function summarize(tasks: readonly TaskView[]): OverviewSummary {
  const count = (list: readonly TaskView[]): Progress => ({
    finished: list.filter((t) => isFinished(t.status)).length,
    total: list.length,
  });
  const byArea = Object.fromEntries(AREAS.map((area) => [area, count(tasks.filter((t) => t.area === area))])) as Record<Area, Progress>;
  const isIt = (audience: Audience, status: Status) => status === 'handed-to-it' || (audience === 'it-partner' && !isFinished(status));
  const next = tasks.find((t) => ACTIONABLE.includes(t.status));
  const nextForPraxis = tasks.find((t) => ACTIONABLE.includes(t.status) && t.audience === 'praxis');
  return {
    overall: count(tasks),
    byArea,
    ...(next ? { next } : {}),
    ...(nextForPraxis ? { nextForPraxis } : {}),
    waitingForIt: tasks.filter((t) => isIt(t.audience, t.status)),
    outdated: tasks.filter((t) => t.outdated || t.status === 'recheck'),
  };
}
