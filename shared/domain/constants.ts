/**
 * Plain lists and rules of the domain, without zod, so the renderer can use them without bundling the schemas.
 */

/** The six practice-software products named in the medatixx advisory of 08.11.2021. */
export const PRODUCTS = ['easymed', 'medatixx', 'x.comfort', 'x.concept', 'x.isynet', 'x.vianova'] as const;
export const CONNECTOR_MODELS = ['secunet', 'kocobox', 'rise', 'cloud', 'unknown'] as const;
/** Remote-maintenance answers; "unsure" is the Einrichtung's „Weiß nicht“, no tool of its own. */
export const REMOTE_TOOLS = ['teamviewer', 'anydesk', 'vendor', 'other', 'unsure'] as const;
/** The „Weitere Zugänge“ answers (one screen of check boxes); "unsure" is „Weiß nicht“. */
export const PORTALS = [
  'email',
  'kim',
  'nas-backup',
  'kv-portal',
  'banking',
  'wifi',
  'phone-system',
  'website',
  'other',
  'unsure',
] as const;

/** The areas of the Übersicht: Praxissoftware, TI-Konnektor, Windows & Netzwerk, Fernwartung, weitere Zugänge. */
export const AREAS = ['pvs', 'connector', 'windows', 'remote', 'other'] as const;

/** The fixed status words (ui-language.md): Offen, In Arbeit, Erledigt, Nicht zutreffend, An IT-Partner übergeben, Erneut prüfen. */
export const STATUSES = ['open', 'in-progress', 'done', 'not-applicable', 'handed-to-it', 'recheck'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses a person may set; "Erneut prüfen" is set only by a guide update. */
export const USER_STATUSES = ['open', 'in-progress', 'done', 'not-applicable', 'handed-to-it'] as const satisfies readonly Status[];

/** A task counts as finished when done or, with a reason, not applicable. */
export const isFinished = (status: Status): boolean => status === 'done' || status === 'not-applicable';

/** The largest pack file the app reads (an IT partner's USB stick should hold a few hundred KiB at most). */
export const MAX_PACK_BYTES = 2 * 1024 * 1024;

/** Why an update file is refused; each has a German and an English message under `advisory.errors.`. */
export const PACK_REFUSALS = [
  'too-large',
  'unreadable',
  'unsigned',
  'foreign-key',
  'tampered',
  'invalid',
  'other-advisory',
  'not-newer',
  'unversioned-change',
  'version-lowered',
  'rolled-back',
] as const;
export type PackRefusal = (typeof PACK_REFUSALS)[number];

/**
 * What is wrong at one place of a refused pack; each has a German and an English message under `advisory.issues.`,
 * shown in the app and printed by `npm run advisory -- check`, so nobody sees a raw zod or regex message.
 */
export const PACK_ISSUE_CODES = [
  'not-json',
  'missing',
  'wrong-type',
  'unknown-field',
  'empty',
  'too-long',
  'too-few',
  'too-many',
  'number-too-small',
  'number-too-large',
  'not-allowed-value',
  'bad-id',
  'bad-date',
  'control-characters',
  'duplicate-guide-id',
  'duplicate-step-id',
  'unversioned-change',
  'version-lowered',
  'newer-format',
  'invalid',
] as const;
export type PackIssueCode = (typeof PACK_ISSUE_CODES)[number];

/** The kinds of value a pack field can expect, for "wrong type" issues; each has a text under `advisory.valueTypes.`. */
export const PACK_VALUE_TYPES = ['text', 'number', 'whole-number', 'yes-no', 'list', 'object'] as const;
export type PackValueType = (typeof PACK_VALUE_TYPES)[number];

/** Record export files (shared/record/export-format.ts). */
/** Larger files are refused before they are parsed (a practice's record is a few MB at most). */
export const MAX_RECORD_EXPORT_BYTES = 32 * 1024 * 1024;

/** Why an import file is refused; each has a German and an English text under `exchange.refusals.`. */
export const IMPORT_REFUSALS = [
  'too-large',
  'not-json',
  'hostile-keys',
  'not-an-export',
  'newer-format',
  'invalid',
  'chain-broken',
  'own-installation-differs',
  'installation-differs',
  'future-dated',
] as const;
export type ImportRefusal = (typeof IMPORT_REFUSALS)[number];

/** Why a line of a chain does not verify (see electron/main/journal/verify.ts). */
export const CHAIN_PROBLEM_REASONS = [
  'unparsable',
  'invalid',
  'future-version',
  'foreign-installation',
  'hash-mismatch',
  'chain-gap',
  'too-long',
] as const;
export type ChainProblemReason = (typeof CHAIN_PROBLEM_REASONS)[number];
