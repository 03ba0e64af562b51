import { z } from 'zod';
import { CONNECTOR_MODELS } from '../domain/constants';
import { productSchema } from '../domain/profile';

/**
 * The advisory pack: one JSON file per advisory, validated here before the app uses any of it.
 *
 * Steps are plain text with a small Markdown subset (**bold**, line breaks) that the renderer draws itself,
 * never as HTML. No text may hold control characters (see CONTROL_CHARACTERS).
 */
export const PACK_SCHEMA_VERSION = 2;
/** The oldest format this app still reads: format 1, every human text a plain German string. */
export const OLDEST_PACK_SCHEMA_VERSION = 1;

export const GUIDE_TARGETS = ['pvs', 'connector', 'windows', 'remote', 'card-terminal', 'other', 'team'] as const;
export const guideTargetSchema = z.enum(GUIDE_TARGETS);
export type GuideTarget = z.infer<typeof guideTargetSchema>;

export const audienceSchema = z.enum(['praxis', 'it-partner']);
export type Audience = z.infer<typeof audienceSchema>;

/**
 * Characters no text of a pack may contain: C0 controls and DEL, C1 controls (U+0080–U+009F), the bidirectional
 * marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the zero-width
 * space U+200B, the line and paragraph separators U+2028/U+2029, U+FEFF and lone surrogates. They can make the text
 * a practice sees differ from the text that was reviewed and signed ("Trojan Source"), or hide text altogether.
 *
 * The one exception is the line feed (U+000A) in a step's `text` and `warning`, whose format allows line breaks;
 * the bundled pack uses none.
 */
const FORBIDDEN_BUT_LINE_FEED = String.raw`\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff`;
export const CONTROL_CHARACTERS = new RegExp(String.raw`[\n${FORBIDDEN_BUT_LINE_FEED}]|\p{Cs}`, 'u');
const CONTROL_CHARACTERS_BUT_LINE_FEED = new RegExp(String.raw`[${FORBIDDEN_BUT_LINE_FEED}]|\p{Cs}`, 'u');

/** Ids of packs, guides and steps. The messages of the pack's own checks are issue codes (PACK_ISSUE_CODES). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9.-]{0,60}$/;
const id = z.string().regex(ID_PATTERN, { error: 'bad-id' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'bad-date' });
/** Human text: not empty, at most `max` characters, no control characters (line feeds only with `lineBreaks`). */
const text = (max: number, { lineBreaks = false } = {}) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !(lineBreaks ? CONTROL_CHARACTERS_BUT_LINE_FEED : CONTROL_CHARACTERS).test(value), {
      error: 'control-characters',
    });

/**
 * A human text in format 2: German always, English where the pack has it. The bundled pack carries both (its
 * fidelity test says so); a pack without English is still valid, and the app then shows the German text marked
 * `lang="de"` with a one-line notice.
 */
const localText = (max: number, options: { lineBreaks?: boolean } = {}) =>
  z.object({ de: text(max, options), en: text(max, options).optional() }).strict();
export type LocalText = { de: string; en?: string | undefined };

export const stepSchema = z
  .object({
    id,
    text: localText(2000, { lineBreaks: true }),
    /** Where the step comes from: the vendor's document, an authority, or a public manual. */
    source: localText(400),
    /** Shown before the step, e.g. what happens if the practice software cannot log in afterwards. */
    warning: localText(600, { lineBreaks: true }).optional(),
    /** Only for these connector models (a connector guide's model-specific steps); absent: for every model. */
    models: z.array(z.enum(CONNECTOR_MODELS)).min(1).max(CONNECTOR_MODELS.length).optional(),
  })
  .strict();
export type Step = z.infer<typeof stepSchema>;

export const changelogEntrySchema = z
  .object({ version: text(20), date: isoDate, note: localText(600), redoRequired: z.boolean() })
  .strict();

export const guideSchema = z
  .object({
    id,
    target: guideTargetSchema,
    title: localText(200),
    /** Who wrote this guide's wording: a name, the same in every language. */
    issuer: text(120),
    /** The vendor's own document this guide follows, as the vendor named it; empty for the app's own guides. */
    vendorDocument: localText(300).optional(),
    products: z.array(productSchema),
    version: text(20),
    date: isoDate,
    audience: audienceSchema,
    minutes: z.number().int().min(1).max(600),
    steps: z.array(stepSchema).min(1).max(60),
    changelog: z.array(changelogEntrySchema).max(50),
  })
  .strict();
export type Guide = z.infer<typeof guideSchema>;

export const advisorySchema = z
  .object({
    issuer: text(200),
    title: localText(300),
    date: isoDate,
    summary: localText(4000),
    /** For the "Was ist passiert?" page: dated events, what is known, and what is not. */
    timeline: z.array(z.object({ date: isoDate, text: localText(600) }).strict()).max(40),
    known: z.array(localText(600)).max(40),
    unknown: z.array(localText(600)).max(40),
    sources: z.array(localText(400)).max(40),
  })
  .strict();

const packObjectV2 = z
  .object({
    schemaVersion: z.literal(PACK_SCHEMA_VERSION),
    id,
    /** Increases with every published update of the pack. */
    revision: z.number().int().min(1),
    advisory: advisorySchema,
    guides: z.array(guideSchema).min(1).max(200),
  })
  .strict();

const packSchemaV2 = packObjectV2.superRefine((pack, ctx) => {
  // Each repeated id is named at its own place (the first occurrence stays valid).
  const guideIds = new Set<string>();
  pack.guides.forEach((guide, g) => {
    if (guideIds.has(guide.id)) ctx.addIssue({ code: 'custom', message: 'duplicate-guide-id', path: ['guides', g, 'id'] });
    guideIds.add(guide.id);
    const stepIds = new Set<string>();
    guide.steps.forEach((step, s) => {
      if (stepIds.has(step.id)) ctx.addIssue({ code: 'custom', message: 'duplicate-step-id', path: ['guides', g, 'steps', s, 'id'] });
      stepIds.add(step.id);
    });
  });
});
export type Pack = z.infer<typeof packSchemaV2>;

/**
 * Format 1, as packs were written before English came: the same fields, every human text a German string. It is
 * read by lifting each text into `{ de }`, so the rest of the app knows only format 2.
 */
const textV1 = (max: number, options: { lineBreaks?: boolean } = {}) => text(max, options).transform((de): LocalText => ({ de }));
const stepSchemaV1 = stepSchema.extend({
  text: textV1(2000, { lineBreaks: true }),
  source: textV1(400),
  warning: textV1(600, { lineBreaks: true }).optional(),
});
const guideSchemaV1 = guideSchema.extend({
  title: textV1(200),
  vendorDocument: textV1(300).optional(),
  steps: z.array(stepSchemaV1).min(1).max(60),
  changelog: z.array(changelogEntrySchema.extend({ note: textV1(600) })).max(50),
});
const packSchemaV1 = packObjectV2
  .extend({
    schemaVersion: z.literal(OLDEST_PACK_SCHEMA_VERSION),
    advisory: advisorySchema.extend({
      title: textV1(300),
      summary: textV1(4000),
      timeline: z.array(z.object({ date: isoDate, text: textV1(600) }).strict()).max(40),
      known: z.array(textV1(600)).max(40),
      unknown: z.array(textV1(600)).max(40),
      sources: z.array(textV1(400)).max(40),
    }),
    guides: z.array(guideSchemaV1).min(1).max(200),
  })
  .transform((pack) => ({ ...pack, schemaVersion: PACK_SCHEMA_VERSION }))
  .pipe(packSchemaV2);

/**
 * The pack as the app reads it: format 2, or format 1 lifted into format 2. A file that names format 1 is read as
 * format 1; every other file is checked against format 2, so a newer format is refused as `newer-format`.
 */
export const packSchema = {
  safeParse(raw: unknown): z.ZodSafeParseResult<Pack> {
    const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
    if (version === OLDEST_PACK_SCHEMA_VERSION) return packSchemaV1.safeParse(raw);
    if (typeof version === 'number' && Number.isInteger(version) && version > PACK_SCHEMA_VERSION) {
      return {
        success: false,
        error: new z.ZodError([{ code: 'custom', message: 'newer-format', path: ['schemaVersion'], input: version }]) as z.ZodError<Pack>,
      };
    }
    return packSchemaV2.safeParse(raw);
  },
  parse(raw: unknown): Pack {
    const parsed = packSchema.safeParse(raw);
    if (!parsed.success) throw parsed.error;
    return parsed.data;
  },
};
