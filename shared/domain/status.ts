import { z } from 'zod';
import { STATUSES, USER_STATUSES, type Status } from './constants';

export { isFinished, STATUSES, USER_STATUSES, type Status } from './constants';

export const statusSchema = z.enum(STATUSES);
export const userStatusSchema = z.enum(USER_STATUSES);

export const statusRecordSchema = z.object({
  status: statusSchema,
  at: z.string(),
  by: z.string(),
  guideVersion: z.string(),
  reason: z.string().optional(),
  /** Handed to the IT partner: the day to look again (YYYY-MM-DD). */
  followUp: z.string().optional(),
});
export type StatusRecord = z.infer<typeof statusRecordSchema>;

/**
 * The reason for "Nicht zutreffend" as it may be typed (and as an imported event must hold it): it is written into
 * the journal as canonical JSON, so no control characters and no unpaired surrogates.
 */
export const reasonInputSchema = z
  .string()
  .max(500)
  .refine((r) => r.isWellFormed() && !/\p{Cc}/u.test(r), { message: 'unprintable' })
  .transform((r) => r.trim());

export const taskStateSchema = z.object({
  /** Effective status records, oldest first; the last is current. Undo removes the last here; the log keeps it. */
  history: z.array(statusRecordSchema),
  /** Checked step ids. */
  checkedSteps: z.array(z.string()),
});
export type TaskState = z.infer<typeof taskStateSchema>;

export type TransitionError = 'reason-required' | 'no-user' | 'same-status' | 'nothing-to-undo' | 'not-handed-over';

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
