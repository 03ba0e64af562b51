import { z } from 'zod';
import { itPartnerSchema } from '../preset/preset';
import { calendarDaySchema } from '../journal/events';

/**
 * A Wiedervorlage as the renderer may send it: a real calendar day (no 31 February) between 2021 and 2100. Only here:
 * the journal's schema stays as it is, so no line already written can turn invalid.
 */
const followUpDay = calendarDaySchema.refine(
  (day) => {
    const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 2021 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  },
  { message: 'no-such-day' },
);
import { MAX_PACK_BYTES, PACK_REFUSALS, packIssueSchema } from '../advisory/signed-pack';
import { profileInputSchema } from '../domain/profile';
import { reasonInputSchema, userStatusSchema } from '../domain/status';
import { settingsPatchSchema } from '../state/settings';
import { AREAS, STATUSES } from '../domain/constants';
import { CHAIN_PROBLEM_REASONS, IMPORT_REFUSALS, MAX_RECORD_EXPORT_BYTES } from '../record/export-format';
import { packContentSchema, protocolPageSchema, snapshotSchema, type Snapshot } from '../state/snapshot';
import { invokeChannels, type ApiMethod } from './channels';
import type { IpcResult } from './result';

/**
 * The one IPC contract: every channel with its argument and result schema.
 *
 * Main registers its handlers from this object, the preload builds `window.api` from the same names, and the
 * renderer gets its types from it. Adding a channel means one entry here, one in `channels.ts`, one handler.
 */
const taskId = z.string().min(1).max(120);
/** A pack text as it crosses IPC: German, and English where the pack has it. */
const localTextSchema = z.object({ de: z.string().max(4000), en: z.string().max(4000).optional() }).strict();

const previewResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ready'),
    previewId: z.string(),
    fromRevision: z.number(),
    toRevision: z.number(),
    diff: z.object({
      newGuides: z.array(z.object({ guideId: z.string(), title: localTextSchema, version: z.string() })),
      changedGuides: z.array(
        z.object({
          guideId: z.string(),
          title: localTextSchema,
          oldVersion: z.string(),
          newVersion: z.string(),
          changedSteps: z.array(z.string()),
        }),
      ),
      removedGuides: z.array(z.object({ guideId: z.string(), title: localTextSchema })),
      newProducts: z.array(z.string()),
    }),
  }),
  z.object({
    status: z.literal('refused'),
    refusal: z.enum(PACK_REFUSALS),
    issues: z.array(packIssueSchema).max(20),
  }),
]);
export type PreviewResult = z.infer<typeof previewResultSchema>;

/** What a call that changes the record answers: the chain head after it, not the whole state (that is pushed). */
export const ackSchema = z.object({ count: z.number().int().nonnegative(), head: z.string() }).strict();
export type Ack = z.infer<typeof ackSchema>;

export const PROTOCOL_PAGE_MAX = 200;

/** A file main wrote where the person chose (save dialog), or nothing when they cancelled. */
const savedSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), file: z.string().max(4096) }).strict(),
  z.object({ status: z.literal('cancelled') }).strict(),
]);
export type Saved = z.infer<typeof savedSchema>;

const conflictSideSchema = z.object({ status: z.enum(STATUSES), by: z.string(), at: z.string(), computer: z.string() }).strict();
export const importPreviewSchema = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('ready'),
      preview: z
        .object({
          previewId: z.string().uuid(),
          otherPractice: z.string().optional(),
          fromComputer: z.string(),
          installations: z.array(
            z
              .object({
                installationId: z.string(),
                computer: z.string(),
                newEvents: z.number().int().nonnegative(),
                people: z.array(z.string()),
                firstAt: z.string().optional(),
                lastAt: z.string().optional(),
              })
              .strict(),
          ),
          conflicts: z.array(
            z
              .object({
                taskId: z.string(),
                area: z.enum(AREAS).optional(),
                ours: conflictSideSchema,
                theirs: conflictSideSchema,
                winner: z.enum(['ours', 'theirs']),
              })
              .strict(),
          ),
          nothingNew: z.boolean(),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      status: z.literal('refused'),
      refusal: z.enum(IMPORT_REFUSALS),
      computer: z.string().optional(),
      line: z.number().int().optional(),
      reason: z.enum(CHAIN_PROBLEM_REASONS).optional(),
      /** `future-dated`: the latest time the file's new entries name (ISO, UTC). */
      at: z.string().optional(),
    })
    .strict(),
]);
export type ImportPreviewResult = z.infer<typeof importPreviewSchema>;

export const contract = {
  getState: { channel: invokeChannels.getState, args: z.tuple([]), result: snapshotSchema },
  updateSettings: {
    channel: invokeChannels.updateSettings,
    args: z.tuple([settingsPatchSchema]),
    result: ackSchema,
  },
  dismissNotice: {
    channel: invokeChannels.dismissNotice,
    args: z.tuple([z.object({ id: z.string().min(1).max(100) }).strict()]),
    result: ackSchema,
  },
  saveProfile: { channel: invokeChannels.saveProfile, args: z.tuple([profileInputSchema]), result: ackSchema },
  setTaskStatus: {
    channel: invokeChannels.setTaskStatus,
    args: z.tuple([
      z
        .object({
          taskId: taskId,
          status: userStatusSchema,
          reason: reasonInputSchema.optional(),
          /** With "An IT-Partner übergeben": the day to look again (Wiedervorlage). */
          followUp: followUpDay.optional(),
        })
        .strict(),
    ]),
    result: ackSchema,
  },
  setFollowUp: {
    channel: invokeChannels.setFollowUp,
    args: z.tuple([z.object({ taskId, followUp: followUpDay }).strict()]),
    result: ackSchema,
  },
  undoTaskStatus: { channel: invokeChannels.undoTaskStatus, args: z.tuple([z.object({ taskId }).strict()]), result: ackSchema },
  checkStep: {
    channel: invokeChannels.checkStep,
    args: z.tuple([z.object({ taskId, stepId: z.string().min(1).max(80), checked: z.boolean() }).strict()]),
    result: ackSchema,
  },
  previewAdvisory: {
    channel: invokeChannels.previewAdvisory,
    // Main refuses files over MAX_PACK_BYTES with its own message; this bound only stops absurd payloads.
    args: z.tuple([z.object({ content: z.string().max(MAX_PACK_BYTES * 4) }).strict()]),
    result: previewResultSchema,
  },
  applyAdvisory: {
    channel: invokeChannels.applyAdvisory,
    args: z.tuple([z.object({ previewId: z.string().uuid() }).strict()]),
    result: ackSchema,
  },
  cancelAdvisory: {
    channel: invokeChannels.cancelAdvisory,
    args: z.tuple([z.object({ previewId: z.string().uuid() }).strict()]),
    result: ackSchema,
  },
  getAdvisory: { channel: invokeChannels.getAdvisory, args: z.tuple([]), result: packContentSchema },
  getProtocol: {
    channel: invokeChannels.getProtocol,
    args: z.tuple([
      z
        .object({
          area: z.enum(AREAS).optional(),
          by: z.string().max(60).optional(),
          taskId: taskId.optional(),
          offset: z.number().int().min(0).max(10_000_000).optional(),
          limit: z.number().int().min(1).max(PROTOCOL_PAGE_MAX).optional(),
        })
        .strict(),
    ]),
    result: protocolPageSchema,
  },
  createReport: {
    channel: invokeChannels.createReport,
    args: z.tuple([
      z
        .object({
          kind: z.enum(['nachweis', 'worksheet']),
          /** Work sheet: these tasks (e.g. the one guide printed from its screen); absent: every open task. */
          taskIds: z.array(taskId).min(1).max(500).optional(),
          /** Work sheet: only the open tasks of the practice or of the IT partner. */
          audience: z.enum(['praxis', 'it-partner']).optional(),
        })
        .strict(),
    ]),
    result: savedSchema,
  },
  exportRecord: { channel: invokeChannels.exportRecord, args: z.tuple([]), result: savedSchema },
  previewImport: {
    channel: invokeChannels.previewImport,
    // Main refuses files over MAX_RECORD_EXPORT_BYTES with its own message; this bound only stops absurd payloads.
    args: z.tuple([z.object({ content: z.string().max(MAX_RECORD_EXPORT_BYTES + 1) }).strict()]),
    result: importPreviewSchema,
  },
  applyImport: {
    channel: invokeChannels.applyImport,
    args: z.tuple([z.object({ previewId: z.string().uuid(), confirmOtherPractice: z.boolean() }).strict()]),
    result: ackSchema,
  },
  cancelImport: {
    channel: invokeChannels.cancelImport,
    args: z.tuple([z.object({ previewId: z.string().uuid() }).strict()]),
    result: ackSchema,
  },
  savePreset: {
    channel: invokeChannels.savePreset,
    args: z.tuple([
      z
        .object({
          /** The IT partner's name and phone for the other PCs (a phone number is not a secret; no password field). */
          itPartner: itPartnerSchema.optional(),
          /** Where the other PCs keep the record: per Windows user, or machine-wide for all users of the PC. */
          record: z.enum(['user', 'machine']),
        })
        .strict(),
    ]),
    result: savedSchema,
  },
} as const satisfies Record<ApiMethod, ChannelSpec>;

export interface ChannelSpec {
  channel: string;
  args: z.ZodType<unknown[]>;
  result: z.ZodType;
}

export type Contract = typeof contract;
export type ArgsOf<M extends ApiMethod> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends ApiMethod> = z.output<Contract[M]['args']>;
export type ResultOf<M extends ApiMethod> = z.output<Contract[M]['result']>;

/** What the preload exposes as `window.api`. */
export type Api = {
  [M in ApiMethod]: (...args: ArgsOf<M>) => Promise<IpcResult<ResultOf<M>>>;
} & {
  /** Subscribe to the snapshot main pushes after every change; returns the unsubscribe function. */
  onStateChanged(listener: (snapshot: Snapshot) => void): () => void;
};

// Both lists must name the same methods: a missing entry on either side is a type error here.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
export const contractCoversChannels: SameKeys<Contract, typeof invokeChannels> = true;
