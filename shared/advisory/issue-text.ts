import type { PackIssueCode, PackValueType } from '../domain/constants';
import { textIn, type LocalText } from './local-text';

/**
 * One thing wrong with a refused pack, as main hands it to the renderer and the pack tool prints it: a code, the
 * JSON path, and what the message needs. Never a raw zod or regex message. Free of zod, so the renderer can use it.
 */
export interface PackIssue {
  code: PackIssueCode;
  /** Where, as a JSON path: `$.guides[3].steps[0].text`. Technical, but harmless and exact. */
  path: string;
  /** The id of the guide the path lies in, when that guide has a valid id. */
  guideId?: string;
  /** The guide's title, for issues about a guide as a whole (unversioned-change, version-lowered). */
  title?: LocalText;
  /** The guide's version in the file (unversioned-change, version-lowered). */
  version?: string;
  /** The guide's version in the pack in force (version-lowered). */
  previousVersion?: string;
  /** The bound that was crossed: characters, entries or a number (too-long, too-few, too-many, number-too-…). */
  limit?: number;
  /** What the field expects (wrong-type). */
  expected?: PackValueType;
  /** Unknown field names (unknown-field), made printable. */
  fields?: string[];
}

/** Every issue code with its message key; the renderer and the pack tool both go through this map. */
export const ISSUE_KEYS = {
  'not-json': 'advisory.issues.not-json',
  missing: 'advisory.issues.missing',
  'wrong-type': 'advisory.issues.wrong-type',
  'unknown-field': 'advisory.issues.unknown-field',
  empty: 'advisory.issues.empty',
  'too-long': 'advisory.issues.too-long',
  'too-few': 'advisory.issues.too-few',
  'too-many': 'advisory.issues.too-many',
  'number-too-small': 'advisory.issues.number-too-small',
  'number-too-large': 'advisory.issues.number-too-large',
  'not-allowed-value': 'advisory.issues.not-allowed-value',
  'bad-id': 'advisory.issues.bad-id',
  'bad-date': 'advisory.issues.bad-date',
  'control-characters': 'advisory.issues.control-characters',
  'duplicate-guide-id': 'advisory.issues.duplicate-guide-id',
  'duplicate-step-id': 'advisory.issues.duplicate-step-id',
  'unversioned-change': 'advisory.issues.unversioned-change',
  'version-lowered': 'advisory.issues.version-lowered',
  'newer-format': 'advisory.issues.newer-format',
  invalid: 'advisory.issues.invalid',
} as const satisfies Record<PackIssueCode, string>;

export const VALUE_TYPE_KEYS = {
  text: 'advisory.valueTypes.text',
  number: 'advisory.valueTypes.number',
  'whole-number': 'advisory.valueTypes.whole-number',
  'yes-no': 'advisory.valueTypes.yes-no',
  list: 'advisory.valueTypes.list',
  object: 'advisory.valueTypes.object',
} as const satisfies Record<PackValueType, string>;

/** A translate function: i18next's `t` in the renderer, `resourceTranslator` in the pack tool. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One issue as a line of German or English text: where (with the guide's id, if any), then what. */
export function issueText(issue: PackIssue, t: Translate, language = 'de'): string {
  const message = t(ISSUE_KEYS[issue.code] ?? ISSUE_KEYS.invalid, {
    title: issue.title ? textIn(issue.title, language) : '',
    version: issue.version ?? '',
    previous: issue.previousVersion ?? '',
    limit: issue.limit ?? '',
    expected: issue.expected ? t(VALUE_TYPE_KEYS[issue.expected]) : '',
    fields: (issue.fields ?? []).join(', '),
  });
  return issue.guideId
    ? t('advisory.issueInGuide', { path: issue.path, guide: issue.guideId, message })
    : t('advisory.issue', { path: issue.path, message });
}

/** A translate function over one language's resource object, with `{{name}}` interpolation (for the pack tool). */
export function resourceTranslator(resource: unknown): Translate {
  return (key, params = {}) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resource);
    if (typeof value !== 'string') return key;
    return value.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
