import { z } from 'zod';
import { areaSchema, logEntrySchema } from '../domain/log';
import { profileSchema } from '../domain/profile';
import { statusSchema, taskStateSchema } from '../domain/status';
import { EVENT_KINDS } from './event-kinds';

/**
 * The journal's events: one line per user action, hash-chained, in one file per installation (PC).
 *
 * The format is described for IT partners in `docs/journal.md`. Every line is the canonical JSON (RFC 8785) of
 * one event; `hash` is the SHA-256 of the canonical JSON of the event without its `hash` member.
 */
export const EVENT_FORMAT_VERSION = 2;

/**
 * The format version a line is written with: 2 only where the line uses what format 2 added (the Wiedervorlage:
 * `follow-up-set`, `followUp` on a hand-over), 1 otherwise. So an app of format 1 reads every line it can
 * understand and reports the others as written by a newer app (`future-version`), never as damaged.
 */
export function formatVersionOf(draft: { kind: string; data: unknown }): 1 | 2 {
  if (draft.kind === 'follow-up-set') return 2;
  if (draft.kind === 'status-set' && typeof draft.data === 'object' && draft.data !== null && 'followUp' in draft.data) return 2;
  return 1;
}

/** An installation id: a random UUID made once per PC and kept in the settings. */
export const installationIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const taskId = z.string().min(1).max(120);
const guideRef = { guideId: z.string().max(80), guideVersion: z.string().max(20) };
const personName = z.string().max(60);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * Is `text` a real UTC instant in the form `Date#toISOString` writes (the milliseconds may be left out)?
 *
 * The pattern alone lets through a 13th month, a 31 February or 24:00, which `Date.parse` reads as NaN or as
 * another instant. The merge of several PCs' journals orders events by this time, so such a time would make the
 * order, and the status shown, depend on chance; it is read back and must give the same date and time.
 */
export function isUtcInstant(text: string): boolean {
  if (!ISO_INSTANT.test(text)) return false;
  const time = Date.parse(text);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 19) === text.slice(0, 19);
}
/** A time as the journal records it (see isUtcInstant). */
export const utcInstantSchema = z.string().refine(isUtcInstant, { message: 'no-such-instant' });
/** A calendar day (the Wiedervorlage of a hand-over), as YYYY-MM-DD. */
export const calendarDaySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

const statusSet = z
  .object({
    taskId,
    area: areaSchema,
    from: statusSchema,
    to: statusSchema,
    ...guideRef,
    reason: z.string().max(600).optional(),
    /** A hand-over to the IT partner: the day to look again whether it was done (Wiedervorlage). */
    followUp: calendarDaySchema.optional(),
  })
  .strict();

/** What a profile save changed, so the Protokoll can say it without the whole profile. */
export const profileChangeSchema = z
  .object({
    field: z.string().max(40),
    from: z.string().max(200).optional(),
    to: z.string().max(200).optional(),
    added: z.array(z.string().max(120)).max(1000).optional(),
    removed: z.array(z.string().max(120)).max(1000).optional(),
  })
  .strict();
export type ProfileChange = z.infer<typeof profileChangeSchema>;

/** The first bad line of a journal file, as the warning and the chain-break event name it. */
export const breakInfoSchema = z
  .object({
    line: z.number().int().positive(),
    reason: z.enum([
      'unreadable',
      'unparsable',
      'too-long',
      'hash-mismatch',
      'chain-gap',
      'seq-gap',
      'foreign-installation',
      'future-version',
      'invalid',
    ]),
    seq: z.number().int().optional(),
    at: z.string().max(40).optional(),
    by: z.string().max(60).optional(),
    kind: z.string().max(40).optional(),
    /** What the line says, as far as it can be read: the task and status it names. */
    taskId: z.string().max(120).optional(),
    to: z.string().max(40).optional(),
  })
  .strict();
export type BreakInfo = z.infer<typeof breakInfoSchema>;

/** The payload schema of every event kind of format version 1. */
export const eventData = {
  /** The Einrichtung was saved: the whole profile and what changed. */
  'profile-saved': z.object({ profile: profileSchema, changes: z.array(profileChangeSchema).max(200) }).strict(),
  /** The practice name or the name of the person using the app changed (one action, so one event). */
  'names-changed': z
    .object({
      practice: z
        .object({ from: z.string().max(120), to: z.string().max(120) })
        .strict()
        .optional(),
      user: z.object({ from: personName, to: personName }).strict().optional(),
    })
    .strict(),
  'status-set': statusSet,
  'status-undone': statusSet.omit({ reason: true, followUp: true }),
  /** The Wiedervorlage of a task handed to the IT partner was moved to another day. */
  'follow-up-set': z.object({ taskId, area: areaSchema, from: calendarDaySchema.optional(), to: calendarDaySchema }).strict(),
  /** A step was ticked or unticked; `startsTask` says the tick put an open task "In Arbeit" (same action). */
  'step-checked': z
    .object({ taskId, area: areaSchema, stepId: z.string().min(1).max(80), checked: z.boolean(), ...guideRef, startsTask: z.boolean() })
    .strict(),
  /** A signed advisory update was applied: the guides it changed and the tasks it sent back to "Erneut prüfen". */
  'pack-applied': z
    .object({
      packId: z.string().max(80),
      fromRevision: z.number().int().nonnegative(),
      toRevision: z.number().int().nonnegative(),
      guides: z.array(z.object({ guideId: z.string().max(80), area: areaSchema, guideVersion: z.string().max(20) }).strict()).max(500),
      rechecks: z.array(statusSet).max(2000),
    })
    .strict(),
  /** A previewed update was not applied: the person chose "Abbrechen". */
  'pack-declined': z.object({ packId: z.string().max(80), revision: z.number().int().nonnegative() }).strict(),
  /** One Protokoll line of the store of version 2, carried over as the older app recorded it. */
  'legacy-entry': z.object({ entry: logEntrySchema }).strict(),
  /** The end of a carry-over from a store of version 2: the state it had, so nothing recorded is lost. */
  'store-migrated': z
    .object({
      fromVersion: z.literal(2),
      practiceName: z.string().max(120),
      profile: profileSchema,
      taskStates: z.record(taskId, taskStateSchema),
      entries: z.number().int().nonnegative(),
    })
    .strict(),
  /** First event of a new segment after a broken one: where it broke and the last hash that verified. */
  'chain-break': z
    .object({
      brokenFile: z.string().max(200),
      lastGoodSeq: z.number().int().nonnegative(),
      lastGoodHash: z.union([sha256Hex, z.literal('')]),
      firstBad: breakInfoSchema,
      segment: z.number().int().min(2),
    })
    .strict(),
} as const;

export type EventKind = keyof typeof eventData;
export { EVENT_KINDS };
// The plain list and the schemas must name the same kinds: a missing entry on either side is a type error here.
export const eventKindsCoverSchemas: [EventKind] extends [(typeof EVENT_KINDS)[number]]
  ? [(typeof EVENT_KINDS)[number]] extends [EventKind]
    ? true
    : never
  : never = true;
export type EventDataOf<K extends EventKind> = z.infer<(typeof eventData)[K]>;

const envelope = {
  v: z.union([z.literal(1), z.literal(2)]),
  inst: installationIdSchema,
  seq: z.number().int().positive(),
  at: utcInstantSchema,
  /** The person: the name typed in the app. */
  by: personName,
  /** The operating-system account that was signed in. */
  os: z.string().max(256),
  /** Hash of the line before in this installation's chain; empty for the very first. */
  prev: z.union([sha256Hex, z.literal('')]),
  hash: sha256Hex,
};

export const journalEventSchema = z.discriminatedUnion(
  'kind',
  EVENT_KINDS.map((kind) => z.object({ ...envelope, kind: z.literal(kind), data: eventData[kind] }).strict()) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);

export type JournalEvent = {
  [K in EventKind]: {
    v: 1 | 2;
    inst: string;
    seq: number;
    at: string;
    by: string;
    os: string;
    prev: string;
    hash: string;
    kind: K;
    data: EventDataOf<K>;
  };
}[EventKind];

/** An event before it is chained: what a service asks the journal to append. */
export type EventDraft = { [K in EventKind]: { kind: K; by: string; data: EventDataOf<K>; at?: string } }[EventKind];

/**
 * Pure upgrades of older event formats, `upgrades[n]` from version n to n + 1.
 *
 * Format 2 only added (the Wiedervorlage), so a line of format 1 is valid as it is and keeps its `v` (its hash
 * covers it). A line of a newer version than this app knows is not guessed at but reported (the app that wrote it
 * is newer).
 */
export const upgrades: Readonly<Record<number, (event: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (event) => event,
};

export type ParseEventOutcome = { ok: true; event: JournalEvent } | { ok: false; reason: 'future-version' | 'invalid'; version?: number };

/** Validate one parsed line, upgrading an older format first; never throws. */
export function parseEvent(raw: unknown): ParseEventOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'invalid' };
  let data = raw as Record<string, unknown>;
  const version = data['v'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'invalid' };
  if (version > EVENT_FORMAT_VERSION) return { ok: false, reason: 'future-version', version };
  for (let v = version; v < EVENT_FORMAT_VERSION; v += 1) {
    const step = upgrades[v];
    if (!step) return { ok: false, reason: 'invalid' };
    data = step(data);
  }
  const parsed = journalEventSchema.safeParse(data);
  return parsed.success ? { ok: true, event: parsed.data as unknown as JournalEvent } : { ok: false, reason: 'invalid' };
}
