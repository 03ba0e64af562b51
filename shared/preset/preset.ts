import { z } from 'zod';
import { decodeUtf8, utf8Length } from '../format/utf8';
import { PHONE_PATTERN } from './phone';
import { CONNECTOR_MODELS, PORTALS, PRODUCTS, REMOTE_TOOLS } from '../domain/constants';
import { withStableIds } from '../domain/item-ids';
import { defaultProfile, type Profile } from '../domain/profile';

/**
 * The Vorgabe (preset) for a practice: what an IT partner set up on one PC, to pre-fill the Einrichtung on the
 * practice's other PCs. Data only: never guides, keys or code. Documented for IT partners in docs/it-partner.md.
 *
 * It pre-fills; the person at the PC confirms or changes every answer. It never touches a recorded status.
 */
export const PRESET_FORMAT = 'passwort-lotse-vorgabe';
export const PRESET_VERSION = 1;
/** The file name at the machine-wide location (and the name the save dialog suggests). */
export const PRESET_FILE_NAME = 'passwort-lotse-vorgabe.json';
export const MAX_PRESET_BYTES = 256 * 1024;

/** Text an IT partner typed: printable, trimmed, without control characters or unpaired surrogates. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !/\p{Cc}/u.test(value), { message: 'control-characters' })
    .refine((value) => value.isWellFormed(), { message: 'lone-surrogate' })
    .transform((value) => value.trim());
const triState = z.enum(['yes', 'no', 'unsure']);
const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

/** A telephone number as people write it (see phone.ts). */
export const phoneSchema = text(40).refine((value) => PHONE_PATTERN.test(value), { message: 'phone' });

export const itPartnerSchema = z.object({ name: text(80), phone: phoneSchema }).strict();
export type ItPartner = z.infer<typeof itPartnerSchema>;

/**
 * Where the practice's record lives on each PC: per Windows user (the default), in the machine-wide data folder
 * shared by all users of the PC, or in a folder the IT partner names (absolute path).
 */
export const recordLocationSchema = z.union([
  z.enum(['user', 'machine']),
  z
    .object({
      // A local absolute folder (C:\… or /…). Never a network path: a preset that any user of the PC may have put
      // there must not make every account's app connect to a server (which would hand it their Windows login).
      folder: text(400).refine((value) => /^([A-Za-z]:[\\/]|\/(?![\\/]))/.test(value), { message: 'local-absolute-folder' }),
    })
    .strict(),
]);
export type RecordLocation = z.infer<typeof recordLocationSchema>;

const einrichtungSchema = z
  .object({
    products: z.array(z.enum(PRODUCTS)).max(PRODUCTS.length).refine(unique, { message: 'duplicate' }),
    productsUnsure: z.boolean().optional(),
    connector: triState,
    connectorModel: z.enum(CONNECTOR_MODELS),
    cardTerminals: z.array(z.object({ model: text(60).pipe(z.string().min(1)) }).strict()).max(100),
    computers: z.array(z.object({ name: text(60).pipe(z.string().min(1)), server: z.boolean() }).strict()).max(400),
    windowsAccounts: z.enum(['personal', 'shared', 'unsure']),
    remoteTools: z.array(z.enum(REMOTE_TOOLS)).max(REMOTE_TOOLS.length).refine(unique, { message: 'duplicate' }),
    firewall: triState,
    securitySystem: triState,
    portals: z.array(z.enum(PORTALS)).max(PORTALS.length).refine(unique, { message: 'duplicate' }),
  })
  .strict();
export type PresetEinrichtung = z.infer<typeof einrichtungSchema>;

export const presetSchema = z
  .object({
    format: z.literal(PRESET_FORMAT),
    version: z.literal(PRESET_VERSION),
    practice: z
      .object({
        /** A random id made when the first preset of the practice was saved; the same in every later one. */
        id: z.uuid(),
        name: text(120).pipe(z.string().min(1)),
      })
      .strict(),
    einrichtung: einrichtungSchema,
    itPartner: itPartnerSchema.optional(),
    record: recordLocationSchema.optional(),
    createdAt: z.iso.datetime().optional(),
    createdBy: text(60).optional(),
  })
  .strict();
export type Preset = z.infer<typeof presetSchema>;

export const PRESET_REFUSALS = ['too-large', 'not-utf8', 'not-json', 'wrong-format', 'newer-version', 'invalid'] as const;
export type PresetRefusal = (typeof PRESET_REFUSALS)[number];

export type PresetOutcome = { ok: true; preset: Preset } | { ok: false; refusal: PresetRefusal; field?: string };

/**
 * Read a preset file's bytes; never throws. They must be UTF-8: a file an editor saved as Windows-1252 ("ANSI") or
 * UTF-16 is refused, rather than pre-filling "Praxis Dr. Wei\uFFFD" on the new PC.
 */
export function parsePresetFile(bytes: Uint8Array): PresetOutcome {
  if (bytes.byteLength > MAX_PRESET_BYTES) return { ok: false, refusal: 'too-large' };
  const content = decodeUtf8(bytes);
  if (content === undefined) return { ok: false, refusal: 'not-utf8' };
  return parsePreset(content);
}

/** Read a preset file's text; never throws. `field` names the first wrong field (e.g. `einrichtung.computers.2.name`). */
export function parsePreset(content: string): PresetOutcome {
  if (utf8Length(content) > MAX_PRESET_BYTES) return { ok: false, refusal: 'too-large' };
  let raw: unknown;
  try {
    raw = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, refusal: 'not-json' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, refusal: 'wrong-format' };
  const record = raw as Record<string, unknown>;
  if (record['format'] !== PRESET_FORMAT) return { ok: false, refusal: 'wrong-format' };
  // Only a whole number is a version: 1e400 (Infinity) or 1.5 is invalid, not "from a newer app".
  const version = record['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > PRESET_VERSION) return { ok: false, refusal: 'newer-version' };
  const parsed = presetSchema.safeParse(raw);
  if (parsed.success) return { ok: true, preset: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue ? [...issue.path.map(String), ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])] : [];
  return { ok: false, refusal: 'invalid', ...(path.length > 0 ? { field: path.join('.').slice(0, 200) } : {}) };
}

/** The Einrichtung answers of a preset as a (not yet completed) profile, with item ids as main makes them. */
export function presetProfile(preset: Preset): Profile {
  const { einrichtung } = preset;
  const profile: Profile = {
    ...defaultProfile(),
    products: einrichtung.products,
    ...(einrichtung.productsUnsure !== undefined ? { productsUnsure: einrichtung.productsUnsure } : {}),
    connector: einrichtung.connector,
    connectorModel: einrichtung.connectorModel,
    cardTerminals: einrichtung.cardTerminals.map((terminal, i) => ({ id: `new-${i}`, model: terminal.model })),
    computers: einrichtung.computers.map((computer, i) => ({ id: `new-${i}`, name: computer.name, server: computer.server })),
    windowsAccounts: einrichtung.windowsAccounts,
    remoteTools: einrichtung.remoteTools,
    firewall: einrichtung.firewall,
    securitySystem: einrichtung.securitySystem,
    portals: einrichtung.portals,
  };
  return { ...withStableIds(profile, defaultProfile()), completed: false };
}

/** The preset a PC writes for the others: its record's practice name and Einrichtung, and what the IT partner adds. */
export function buildPreset(options: {
  practiceId: string;
  practiceName: string;
  profile: Profile;
  itPartner?: ItPartner;
  record: RecordLocation;
  createdAt: string;
  createdBy: string;
}): Preset {
  const { profile } = options;
  return {
    format: PRESET_FORMAT,
    version: PRESET_VERSION,
    practice: { id: options.practiceId, name: options.practiceName },
    einrichtung: {
      products: profile.products,
      ...(profile.productsUnsure !== undefined ? { productsUnsure: profile.productsUnsure } : {}),
      connector: profile.connector,
      connectorModel: profile.connectorModel,
      cardTerminals: profile.cardTerminals.map((terminal) => ({ model: terminal.model })),
      computers: profile.computers.map((computer) => ({ name: computer.name, server: computer.server })),
      windowsAccounts: profile.windowsAccounts,
      remoteTools: profile.remoteTools,
      firewall: profile.firewall,
      securitySystem: profile.securitySystem,
      portals: profile.portals,
    },
    ...(options.itPartner && (options.itPartner.name !== '' || options.itPartner.phone !== '') ? { itPartner: options.itPartner } : {}),
    record: options.record,
    createdAt: options.createdAt,
    ...(options.createdBy !== '' ? { createdBy: options.createdBy } : {}),
  };
}

/** Practice names compared as people mean them: case, spacing and Unicode form do not make another practice. */
export function samePracticeName(a: string, b: string): boolean {
  const norm = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
  return norm(a) === norm(b);
}
