import { z } from 'zod';
import { AREAS } from './constants';
import { statusSchema } from './status';

export { AREAS } from './constants';
export { filterLog, peopleInLog } from './log-filter';

export const areaSchema = z.enum(AREAS);
export type Area = z.infer<typeof areaSchema>;

/** One line of the Protokoll as the store of version 2 kept it; carried into the journal unchanged. */
export const logEntrySchema = z.object({
  seq: z.number().int().nonnegative(),
  at: z.string().max(40),
  by: z.string().max(60),
  kind: z.enum(['status', 'undo', 'step', 'profile', 'guide-update']),
  taskId: z.string().max(120).optional(),
  area: areaSchema.optional(),
  from: statusSchema.optional(),
  to: statusSchema.optional(),
  stepId: z.string().max(80).optional(),
  checked: z.boolean().optional(),
  guideId: z.string().max(80).optional(),
  guideVersion: z.string().max(20).optional(),
  reason: z.string().max(600).optional(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

export const PROTOCOL_KINDS = [
  'status',
  'undo',
  'step',
  'profile',
  'guide-update',
  'practice',
  'user',
  'pack-declined',
  'migration',
  'chain-break',
  'follow-up',
] as const;

/**
 * One line of the Protokoll as the screens show it, folded from the journal.
 *
 * `id` names the journal event (`<installation>:<seq>`), with `/n` when one action made several lines (a step
 * tick that starts a task, a guide update that sends tasks back to "Erneut prüfen").
 */
export const protocolEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  kind: z.enum(PROTOCOL_KINDS),
  taskId: z.string().optional(),
  area: areaSchema.optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  stepId: z.string().optional(),
  checked: z.boolean().optional(),
  guideId: z.string().optional(),
  guideVersion: z.string().optional(),
  reason: z.string().optional(),
  /** A hand-over's Wiedervorlage (YYYY-MM-DD). */
  followUp: z.string().optional(),
  /** For profile saves: the fields that changed. */
  changes: z.array(z.string()).optional(),
});
export type ProtocolEntry = z.infer<typeof protocolEntrySchema>;
