import { z } from 'zod';
import { logEntrySchema } from '../domain/log';
import { defaultProfile, profileSchema } from '../domain/profile';
import { taskStateSchema } from '../domain/status';
import { defaultSettings, settingsSchema } from './settings';

/**
 * The state main persists with electron-store, as of the current schema version.
 *
 * Older versions are described in `migrations.ts`; this file only knows the newest.
 */
export const CURRENT_SCHEMA_VERSION = 2;

export const persistedStateSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    settings: settingsSchema.strict(),
    profile: profileSchema,
    taskStates: z.record(z.string(), taskStateSchema),
    log: z.array(logEntrySchema),
  })
  .strict();
export type PersistedState = z.infer<typeof persistedStateSchema>;

export function defaultPersistedState(): PersistedState {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, settings: { ...defaultSettings }, profile: defaultProfile(), taskStates: {}, log: [] };
}
