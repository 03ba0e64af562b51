import { z } from 'zod';
import { guideSchema } from '../advisory/pack-schema';
import { logEntrySchema } from '../domain/log';
import type { TaskView } from '../domain/overview';
import { profileSchema } from '../domain/profile';
import { statusRecordSchema, statusSchema } from '../domain/status';
import { settingsSchema } from './settings';

/** A notice main wants the user to read, e.g. that a damaged store file was set aside. */
export const noticeSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('store-recovered'),
    restoredFrom: z.enum(['backup', 'defaults']),
    damagedFile: z.string(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('store-missing-restored'),
    backupFile: z.string(),
  }),
]);
export type Notice = z.infer<typeof noticeSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  logFile: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const taskViewSchema = z.object({
  id: z.string(),
  kind: z.enum([
    'pvs',
    'connector',
    'windows-server',
    'windows-workstation',
    'firewall',
    'security-system',
    'remote',
    'card-terminal',
    'portal',
    'team-briefing',
  ]),
  area: z.enum(['pvs', 'connector', 'windows', 'remote', 'other']),
  subject: z.string(),
  guideId: z.string(),
  audience: z.enum(['praxis', 'it-partner']),
  priority: z.number(),
  status: statusSchema,
  record: statusRecordSchema.optional(),
  checkedSteps: z.array(z.string()),
  guideVersion: z.string(),
  outdated: z.boolean(),
  canUndo: z.boolean(),
}) satisfies z.ZodType<TaskView>;

/** Everything the renderer shows, pushed by main after every change. */
export const snapshotSchema = z.object({
  settings: settingsSchema,
  notices: z.array(noticeSchema),
  app: appInfoSchema,
  profile: profileSchema,
  tasks: z.array(taskViewSchema),
  guides: z.array(guideSchema),
  advisory: z.object({
    issuer: z.string(),
    title: z.string(),
    date: z.string(),
    summary: z.string(),
    timeline: z.array(z.object({ date: z.string(), text: z.string() })),
    known: z.array(z.string()),
    unknown: z.array(z.string()),
    sources: z.array(z.string()),
  }),
  log: z.array(logEntrySchema),
  pack: z.object({ id: z.string(), revision: z.number(), source: z.enum(['bundled', 'imported']) }),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
