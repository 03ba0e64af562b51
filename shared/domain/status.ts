import { z } from 'zod';

/** The fixed status words (ui-language.md): Offen, In Arbeit, Erledigt, Nicht zutreffend, An IT-Partner übergeben, Erneut prüfen. */
export const STATUSES = ['open', 'in-progress', 'done', 'not-applicable', 'handed-to-it', 'recheck'] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

/** Statuses a person may set; "Erneut prüfen" is set only by a guide update. */
export const USER_STATUSES = ['open', 'in-progress', 'done', 'not-applicable', 'handed-to-it'] as const satisfies readonly Status[];
export const userStatusSchema = z.enum(USER_STATUSES);

/** A task counts as finished when done or, with a reason, not applicable. */
export const isFinished = (status: Status): boolean => status === 'done' || status === 'not-applicable';

export const statusRecordSchema = z.object({
  status: statusSchema,
  at: z.string(),
  by: z.string(),
  guideVersion: z.string(),
  reason: z.string().optional(),
});
export type StatusRecord = z.infer<typeof statusRecordSchema>;

export const taskStateSchema = z.object({
  /** Effective status records, oldest first; the last is current. Undo removes the last here; the log keeps it. */
  history: z.array(statusRecordSchema),
  /** Checked step ids. */
  checkedSteps: z.array(z.string()),
});
export type TaskState = z.infer<typeof taskStateSchema>;

export type TransitionError = 'reason-required' | 'no-user' | 'same-status' | 'nothing-to-undo';

/** Validate a status change a person asks for; pure, so every rule has a unit test. */
export function checkTransition(
  current: Status,
  next: Status,
  reason: string | undefined,
  user: string,
  options: { outdated?: boolean } = {},
): TransitionError | null {
  if (user.trim() === '') return 'no-user';
  // "Erledigt" again is allowed once, to confirm a task under a newer version of its guide.
  if (next === current && !(next === 'done' && options.outdated)) return 'same-status';
  if (next === 'not-applicable' && (reason ?? '').trim() === '') return 'reason-required';
  return null;
}

export function currentStatus(state: TaskState | undefined): Status {
  return state?.history.at(-1)?.status ?? 'open';
}
