import { z } from 'zod';
import { productSchema } from '../domain/profile';

/**
 * The advisory pack: one JSON file per advisory, validated here before the app uses any of it.
 *
 * Steps are plain text with a small Markdown subset (**bold**, line breaks) that the renderer draws itself,
 * never as HTML.
 */
export const PACK_SCHEMA_VERSION = 1;

export const GUIDE_TARGETS = ['pvs', 'connector', 'windows', 'remote', 'card-terminal', 'other', 'team'] as const;
export const guideTargetSchema = z.enum(GUIDE_TARGETS);
export type GuideTarget = z.infer<typeof guideTargetSchema>;

export const audienceSchema = z.enum(['praxis', 'it-partner']);
export type Audience = z.infer<typeof audienceSchema>;

const id = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,60}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().min(1).max(max);

export const stepSchema = z
  .object({
    id,
    text: text(2000),
    /** Where the step comes from: the vendor's document, an authority, or a public manual. */
    source: text(400),
    /** Shown before the step, e.g. what happens if the practice software cannot log in afterwards. */
    warning: text(600).optional(),
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
  .refine((pack) => new Set(pack.guides.map((g) => g.id)).size === pack.guides.length, { message: 'duplicate-guide-id' })
  .refine((pack) => pack.guides.every((g) => new Set(g.steps.map((s) => s.id)).size === g.steps.length), {
    message: 'duplicate-step-id',
  });
export type Pack = z.infer<typeof packSchema>;
