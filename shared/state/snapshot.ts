import { z } from 'zod';
import { advisorySchema, guideSchema } from '../advisory/pack-schema';
import { protocolEntrySchema } from '../domain/log';
import type { TaskView } from '../domain/overview';
import { profileSchema } from '../domain/profile';
import { statusRecordSchema, statusSchema } from '../domain/status';
import { breakInfoSchema } from '../journal/events';
import { settingsSchema } from './settings';
import { itPartnerSchema, PRESET_REFUSALS } from '../preset/preset';
import { CHAIN_PROBLEM_REASONS } from '../domain/constants';

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
  /** The last line of the journal was cut off by a crash or power loss: cut off and kept in a file beside it. */
  z.object({ id: z.string(), kind: z.literal('journal-torn-tail'), keptAs: z.string() }),
  /** This PC's journal is empty or missing although something was recorded here before (the settings name a person). */
  z.object({ id: z.string(), kind: z.literal('journal-lost'), file: z.string() }),
  /** The journal's chain does not hold at a line: the file is left as it is, new entries go to a new segment. */
  z.object({
    id: z.string(),
    kind: z.literal('journal-broken'),
    file: z.string(),
    info: breakInfoSchema,
    newSegment: z.string().optional(),
  }),
  /**
   * A journal merged in from another PC is damaged on disk or cannot be read: its intact part is used, the file is
   * left as it is. `computer` is empty when the folder of merged journals itself cannot be read.
   */
  z.object({
    id: z.string(),
    kind: z.literal('imported-journal-damaged'),
    computer: z.string(),
    file: z.string(),
    reason: z.enum([...CHAIN_PROBLEM_REASONS, 'unreadable']),
    line: z.number().int().positive().optional(),
    kept: z.number().int().nonnegative(),
  }),
  /** An installed guide update older than one applied before was found (swapped back in) and not used. */
  z.object({ id: z.string(), kind: z.literal('pack-rolled-back'), installed: z.number(), highest: z.number() }),
  /** A guide update was installed but a crash came before its Protokoll entry: the entry was made at this start. */
  z.object({ id: z.string(), kind: z.literal('pack-update-caught-up'), revision: z.number() }),
  /**
   * The guide update this PC applied (revision `highest`) could not be used at start: its file is missing, cannot be
   * read or does not verify. The guides shown are those of revision `shown` (the bundled ones).
   */
  z.object({ id: z.string(), kind: z.literal('pack-update-unreadable'), file: z.string(), highest: z.number(), shown: z.number() }),
  /** A Vorgabe (preset) file that could not be used: it pre-fills nothing, nothing recorded changes. */
  z.object({
    id: z.string(),
    kind: z.literal('preset-invalid'),
    file: z.string(),
    refusal: z.enum([...PRESET_REFUSALS, 'unreadable']),
    field: z.string().optional(),
  }),
  /** A preset for another practice than the one in this record: not used. */
  z.object({
    id: z.string(),
    kind: z.literal('preset-other-practice'),
    file: z.string(),
    presetPractice: z.string(),
    recordPractice: z.string(),
  }),
  /** The record folder the preset names cannot be written: the record stays in this user's own folder. */
  z.object({ id: z.string(), kind: z.literal('data-folder-unwritable'), folder: z.string() }),
  /** Another instance (another Windows session) has the record open: this one shows it read-only. */
  z.object({ id: z.string(), kind: z.literal('record-read-only'), account: z.string(), computer: z.string(), since: z.string() }),
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
    'phishing-warning',
    'pvs',
    'pvs-unknown',
    'connector',
    'connector-general',
    'remote-all',
    'windows-general',
    'windows-shared-accounts',
    'windows-server',
    'windows-workstation',
    'firewall',
    'security-system',
    'remote',
    'card-terminal',
    'portal',
    'vendor-accounts',
    'pvs-database',
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

/** The advisory's own text ("Was ist passiert?"), in German and, where the pack has it, English. */
export const advisoryTextSchema = advisorySchema;

export const packInfoSchema = z.object({ id: z.string(), revision: z.number(), source: z.enum(['bundled', 'imported']) });

/**
 * What the screens need, pushed by main after every change (`state:changed`).
 *
 * Its size does not grow with the record: the Protokoll comes in pages (`protocol:page`) and the guides with the
 * pack (`advisory:get`), fetched again when `pack.revision` changes.
 */
export const snapshotSchema = z.object({
  settings: settingsSchema,
  notices: z.array(noticeSchema),
  app: appInfoSchema,
  profile: profileSchema,
  tasks: z.array(taskViewSchema),
  record: z.object({
    installationId: z.string(),
    /** Journal events on this PC, and the hash of the newest (the chain head). */
    count: z.number().int().nonnegative(),
    head: z.string(),
    file: z.string(),
    /** Every PC whose record is merged here (this one first), to name the computer of a Protokoll line. */
    computers: z.array(z.object({ installationId: z.string(), computer: z.string(), own: z.boolean() }).strict()),
    /** Another instance holds the record (see record-lock.ts): nothing can be recorded here now. */
    readOnly: z.boolean(),
    /** The record lives in a folder shared by the PC's users (the machine-wide data folder or one the preset names). */
    shared: z.boolean(),
  }),
  pack: packInfoSchema,
  /** A Vorgabe (preset) to pre-fill the Einrichtung: only while it is not completed, and only of this practice. */
  preset: z
    .object({
      source: z.enum(['argument', 'machine', 'kept']),
      file: z.string(),
      practiceName: z.string(),
      profile: profileSchema,
    })
    .optional(),
  /** Counts up each time a reminder was clicked: the screens then show the Übersicht. */
  openOverview: z.number().int().nonnegative().optional(),
  /** The practice's IT partner, as the preset names them. */
  itPartner: itPartnerSchema.optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** The advisory text and the guides of the pack in force. */
export const packContentSchema = z.object({ advisory: advisoryTextSchema, guides: z.array(guideSchema), pack: packInfoSchema });
export type PackContent = z.infer<typeof packContentSchema>;

/** One page of the Protokoll, newest first, with the total after filtering and everyone named in it. */
export const protocolPageSchema = z.object({
  entries: z.array(protocolEntrySchema),
  total: z.number().int().nonnegative(),
  people: z.array(z.string()),
});
export type ProtocolPage = z.infer<typeof protocolPageSchema>;
