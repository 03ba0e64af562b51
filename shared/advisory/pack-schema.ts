import { z } from 'zod';
import { CONNECTOR_MODELS } from '../domain/constants';
import { productSchema } from '../domain/profile';

/**
 * The advisory pack: one JSON file per advisory, validated here before the app uses any of it.
 *
 * Steps are plain text with a small Markdown subset (**bold**, line breaks) that the renderer draws itself,
 * never as HTML. No text may hold control characters (see CONTROL_CHARACTERS).
 */
export const PACK_SCHEMA_VERSION = 1;

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

export const stepSchema = z
  .object({
    id,
    text: text(2000, { lineBreaks: true }),
    /** Where the step comes from: the vendor's document, an authority, or a public manual. */
    source: text(400),
    /** Shown before the step, e.g. what happens if the practice software cannot log in afterwards. */
    warning: text(600, { lineBreaks: true }).optional(),
    /** Only for these connector models (a connector guide's model-specific steps); absent: for every model. */
    models: z.array(z.enum(CONNECTOR_MODELS)).min(1).max(CONNECTOR_MODELS.length).optional(),
  })
  .strict();
export type Step = z.infer<typeof stepSchema>;

export const changelogEntrySchema = z.object({ version: text(20), date: isoDate, note: text(600), redoRequired: z.boolean() }).strict();

export const guideSchema = z
  .object({
    id,
    target: guideTargetSchema,
    title: text(200),
    issuer: text(120),
    /** The vendor's own document this guide follows, as the vendor named it; empty for the app's own guides. */
    vendorDocument: text(300).optional(),
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

export const packSchema = z
  .object({
    schemaVersion: z.literal(PACK_SCHEMA_VERSION),
    id,
    /** Increases with every published update of the pack. */
    revision: z.number().int().min(1),
    advisory: z
      .object({
        issuer: text(200),
        title: text(300),
        date: isoDate,
        summary: text(4000),
        /** For the "Was ist passiert?" page: dated events, what is known, and what is not. */
        timeline: z.array(z.object({ date: isoDate, text: text(600) }).strict()).max(40),
        known: z.array(text(600)).max(40),
        unknown: z.array(text(600)).max(40),
        sources: z.array(text(400)).max(40),
      })
      .strict(),
    guides: z.array(guideSchema).min(1).max(200),
  })
  .strict()
  .superRefine((pack, ctx) => {
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
export type Pack = z.infer<typeof packSchema>;
