import { z } from 'zod';
import { statusSchema } from './status';

export const AREAS = ['pvs', 'connector', 'windows', 'remote', 'other'] as const;
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

/** Newest first, optionally only one area and/or one person. */
export function filterLog(entries: readonly LogEntry[], filter: { area?: Area | ''; by?: string }): LogEntry[] {
  return entries
    .filter((entry) => !filter.area || entry.area === filter.area)
    .filter((entry) => !filter.by || entry.by === filter.by)
    .toSorted((a, b) => b.seq - a.seq);
}

export function peopleInLog(entries: readonly LogEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.by))].sort((a, b) => a.localeCompare(b, 'de'));
}
