import { z } from 'zod';

/** Languages the app speaks; German is the default. */
export const languageSchema = z.enum(['de', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** Trim and refuse control characters and lone surrogates, so a name prints the same in the app, the log and a report. */
const displayText = (max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((value) => !/[\u0000-\u001f\u007f]/u.test(value), { message: 'control-characters' })
    .refine((value) => value.isWellFormed(), { message: 'lone-surrogate' })
    .transform((value) => value.trim());

/** The practice name and the person's name as they may be typed (and as an imported event must hold them). */
export const practiceNameInputSchema = displayText(120);
export const userNameInputSchema = displayText(60);

/** Whom the person using the app belongs to: the practice, or its IT partner. It picks their next task. */
export const roleSchema = z.enum(['praxis', 'it-partner']);
export type Role = z.infer<typeof roleSchema>;

/**
 * What this PC keeps in its settings file: who is using the app here, in which language, and (once they said so)
 * whether they are from the practice or the IT partner. `role` is optional, so files written before it still load.
 */
export const storedSettingsSchema = z.object({
  userName: z.string().max(60),
  language: languageSchema,
  role: roleSchema.optional(),
  /** Desktop reminders of overdue hand-overs and open tasks (at start and once a day); on unless switched off. */
  reminders: z.boolean().optional(),
});
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

/** The settings as the screens see them; the practice name comes from the record (the journal). */
export const settingsSchema = storedSettingsSchema.extend({ practiceName: z.string().max(120) });
export type Settings = z.infer<typeof settingsSchema>;

/** What the renderer may change in the settings; every field optional, at least one present. */
export const settingsPatchSchema = z
  .object({
    practiceName: practiceNameInputSchema.optional(),
    userName: userNameInputSchema.optional(),
    language: languageSchema.optional(),
    role: roleSchema.optional(),
    reminders: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'empty-patch' });
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const defaultStoredSettings: StoredSettings = { userName: '', language: 'de' };
