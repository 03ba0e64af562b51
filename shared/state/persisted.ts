import { z } from 'zod';
import { logEntrySchema } from '../domain/log';
import { profileSchema } from '../domain/profile';
import { taskStateSchema } from '../domain/status';
import { installationIdSchema } from '../journal/events';
import { defaultStoredSettings, languageSchema, storedSettingsSchema } from './settings';
import { windowStateSchema } from './window-state';

/**
 * The settings file main keeps with electron-store, as of the current schema version.
 *
 * Since version 3 it holds settings only (who uses the app on this PC, the language, the installation id); what
 * the practice did lives in the journal. Older versions are described here and in `migrations.ts`.
 */
export const CURRENT_SCHEMA_VERSION = 3;

export const persistedStateSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    /** This PC's installation id; absent only until the first start assigns one. */
    installationId: installationIdSchema.optional(),
    settings: storedSettingsSchema.strict(),
    /** Where the window was when it was last closed. */
    window: windowStateSchema.optional(),
  })
  .strict();
export type PersistedState = z.infer<typeof persistedStateSchema>;

export function defaultPersistedState(): PersistedState {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, settings: { ...defaultStoredSettings } };
}

/** The store of version 2 (checklist and Protokoll in the settings file), as the app before the journal wrote it. */
export const persistedV2Schema = z
  .object({
    schemaVersion: z.literal(2),
    settings: z.object({ practiceName: z.string().max(120), userName: z.string().max(60), language: languageSchema }).strict(),
    profile: profileSchema,
    // The task ids the app of version 2 could make (its contract allowed at most 120 characters).
    taskStates: z.record(z.string().max(120), taskStateSchema),
    log: z.array(logEntrySchema),
  })
  .strict();
export type PersistedV2 = z.infer<typeof persistedV2Schema>;
