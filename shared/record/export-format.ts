import { z } from 'zod';
import { utf8Length } from '../format/utf8';
import { installationIdSchema } from '../journal/events';
import { practiceNameInputSchema } from '../state/settings';
import { MAX_RECORD_EXPORT_BYTES, type ImportRefusal } from '../domain/constants';

// Plain values the renderer needs too live in constants.ts, which has no zod (kept out of the first chunk).
export {
  CHAIN_PROBLEM_REASONS,
  IMPORT_REFUSALS,
  MAX_RECORD_EXPORT_BYTES,
  type ChainProblemReason,
  type ImportRefusal,
} from '../domain/constants';

/**
 * The file that carries a practice's record from one PC to another ("Für anderen PC exportieren").
 *
 * It holds the journal lines of every installation the exporting PC knows, byte for byte, so the receiving PC can
 * verify every hash and link itself; it never holds a password (the journal has none). Versioned: a file of a
 * newer format is refused, not guessed at.
 */
export const RECORD_EXPORT_FORMAT = 'passwort-lotse-record';
export const RECORD_EXPORT_VERSION = 1;
/** Installations (PCs) in one file. */
export const MAX_INSTALLATIONS = 200;

export const exportedInstallationSchema = z
  .object({
    installationId: installationIdSchema,
    /** The computer's name as the exporting PC knew it (its own host name, or as imported): shown and printed. */
    computer: z
      .string()
      .max(120)
      .refine((name) => name.isWellFormed() && !/\p{Cc}/u.test(name), { message: 'unprintable' }),
    lines: z.array(z.string().max(4 * 1024 * 1024)).max(1_000_000),
  })
  .strict();
export type ExportedInstallation = z.infer<typeof exportedInstallationSchema>;

export const recordExportSchema = z
  .object({
    format: z.literal(RECORD_EXPORT_FORMAT),
    formatVersion: z.literal(RECORD_EXPORT_VERSION),
    exportedAt: z.string().max(40),
    app: z.object({ name: z.literal('Passwort-Lotse'), version: z.string().max(40) }).strict(),
    /** `id`: the practice name made comparable (see practiceKey); a preset may give a practice a real id later. */
    practice: z
      .object({
        id: z
          .string()
          .max(120)
          .refine((id) => id.isWellFormed(), { message: 'lone-surrogate' }),
        // Shown in the preview when it differs from this PC's: a name the settings would take.
        name: z
          .string()
          .max(120)
          .refine((name) => practiceNameInputSchema.safeParse(name).success, { message: 'unprintable' }),
      })
      .strict(),
    /** The exporting PC. */
    from: installationIdSchema,
    installations: z.array(exportedInstallationSchema).min(1).max(MAX_INSTALLATIONS),
  })
  .strict();
export type RecordExport = z.infer<typeof recordExportSchema>;

const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse that refuses keys which could reach an object's prototype; throws 'hostile-keys'. */
export function parseJsonStrictly(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (HOSTILE_KEYS.has(key)) throw new Error('hostile-keys');
    return value;
  });
}

export type ParsedExport = { ok: true; file: RecordExport } | { ok: false; refusal: ImportRefusal };

/** Read an import file's text: size, JSON, hostile keys, format and version, then the schema; never throws. */
export function parseRecordExport(text: string): ParsedExport {
  if (text.length > MAX_RECORD_EXPORT_BYTES || utf8Length(text) > MAX_RECORD_EXPORT_BYTES) return { ok: false, refusal: 'too-large' };
  let raw: unknown;
  try {
    raw = parseJsonStrictly(text);
  } catch (error) {
    return { ok: false, refusal: error instanceof Error && error.message === 'hostile-keys' ? 'hostile-keys' : 'not-json' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== RECORD_EXPORT_FORMAT) {
    return { ok: false, refusal: 'not-an-export' };
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  // Only a whole number names a format; 1e400 (read as Infinity) or 1.5 is a damaged file, not a newer one.
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > RECORD_EXPORT_VERSION) {
    return { ok: false, refusal: 'newer-format' };
  }
  const parsed = recordExportSchema.safeParse(raw);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, refusal: 'invalid' };
}

/** A practice's id as the export names it: derived from its name, so PCs set up by hand with the same name match. */
export function practiceKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
}
