import { isFinished } from '../../../shared/domain/constants';
import { isOverdue } from '../../../shared/domain/overview';
import { localDay } from '../../../shared/format/date';
import type { Snapshot } from '../../../shared/state/snapshot';
import { translatorFor } from './report-service';

/** A desktop notification: a title and one sentence. Counts only: never a task's detail, never a secret. */
export interface Reminder {
  title: string;
  body: string;
}

export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** How many hand-overs are overdue and how many of the practice's own tasks are still open. */
export function reminderCounts(snapshot: Pick<Snapshot, 'tasks'>, today: string): { overdue: number; open: number } {
  return {
    overdue: snapshot.tasks.filter((task) => isOverdue(task, today)).length,
    open: snapshot.tasks.filter((task) => task.audience === 'praxis' && task.status !== 'handed-to-it' && !isFinished(task.status)).length,
  };
}

/** The reminder for a snapshot, in its language; none when nothing is overdue or open, or reminders are off. */
export function reminderFor(snapshot: Pick<Snapshot, 'tasks' | 'settings' | 'profile'>, today: string): Reminder | undefined {
  if (snapshot.settings.reminders === false || !snapshot.profile.completed) return undefined;
  const { overdue, open } = reminderCounts(snapshot, today);
  if (overdue === 0 && open === 0) return undefined;
  const t = translatorFor(snapshot.settings.language);
  const parts = [
    ...(overdue > 0 ? [t(overdue === 1 ? 'reminders.overdueOne' : 'reminders.overdueMany', { count: overdue })] : []),
    ...(open > 0 ? [t(open === 1 ? 'reminders.openOne' : 'reminders.openMany', { count: open })] : []),
  ];
  return { title: t('reminders.title'), body: `${parts.join(' ')} ${t('reminders.action')}` };
}

/**
 * Remind at the start and once a day while the app runs. `notify` shows the notification (Electron's
 * Notification in the app, a recording double in the browser host); clicking it calls `onClick`.
 */
export function startReminders(deps: {
  snapshot: () => Snapshot;
  notify: (reminder: Reminder, onClick: () => void) => void;
  onClick: () => void;
  clock?: () => Date;
  intervalMs?: number;
}): { check(): Reminder | undefined; stop(): void } {
  const clock = deps.clock ?? (() => new Date());
  const check = () => {
    const reminder = reminderFor(deps.snapshot(), localDay(clock()));
    if (reminder) deps.notify(reminder, deps.onClick);
    return reminder;
  };
  const timer = setInterval(check, deps.intervalMs ?? REMINDER_INTERVAL_MS);
  timer.unref();
  check();
  return { check, stop: () => clearInterval(timer) };
}
