import { z } from 'zod';
import { settingsSchema } from './settings';

/** A notice main wants the user to read, e.g. that a damaged store file was set aside. */
export const noticeSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('store-recovered'),
    restoredFrom: z.enum(['backup', 'defaults']),
    damagedFile: z.string(),
  }),
]);
export type Notice = z.infer<typeof noticeSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  logFile: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Everything the renderer shows, pushed by main after every change. */
export const snapshotSchema = z.object({
  settings: settingsSchema,
  notices: z.array(noticeSchema),
  app: appInfoSchema,
});
export type Snapshot = z.infer<typeof snapshotSchema>;
