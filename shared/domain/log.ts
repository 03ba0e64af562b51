import { z } from 'zod';
import { AREAS } from './constants';
import { statusSchema } from './status';

export { AREAS } from './constants';
export { filterLog, peopleInLog } from './log-filter';

export const areaSchema = z.enum(AREAS);
export type Area = z.infer<typeof areaSchema>;

/** One line of the Protokoll: append-only, never edited, never removed. */
export const logEntrySchema = z.object({
  seq: z.number().int().nonnegative(),
  at: z.string(),
  by: z.string(),
  kind: z.enum(['status', 'undo', 'step', 'profile', 'guide-update']),
  taskId: z.string().optional(),
  area: areaSchema.optional(),
  from: statusSchema.optional(),
  to: statusSchema.optional(),
  stepId: z.string().optional(),
  checked: z.boolean().optional(),
  guideId: z.string().optional(),
  guideVersion: z.string().optional(),
  reason: z.string().optional(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;
