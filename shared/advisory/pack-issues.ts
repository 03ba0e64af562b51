import type { z } from 'zod';
import { PACK_ISSUE_CODES, type PackIssueCode, type PackValueType } from '../domain/constants';
import type { PackIssue } from './issue-text';
import { CONTROL_CHARACTERS, ID_PATTERN } from './pack-schema';

/** `$.guides[3].steps[0].source` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : `${out}.${String(part)}`), '$');
}

const VALUE_TYPES: Partial<Record<string, PackValueType>> = {
  string: 'text',
  number: 'number',
  int: 'whole-number',
  boolean: 'yes-no',
  array: 'list',
  object: 'object',
};

const OWN_CODES = new Set<string>(PACK_ISSUE_CODES);
const isOwnCode = (message: string): message is PackIssueCode => OWN_CODES.has(message);

/** The value at a zod path in the file as read, or undefined when the path leads nowhere. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const part of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

/** The id of the guide a path lies in, when the file gives that guide a valid id. */
function guideIdAt(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'guides' || typeof path[1] !== 'number') return undefined;
  const id = valueAt(raw, ['guides', path[1], 'id']);
  return typeof id === 'string' && ID_PATTERN.test(id) ? id : undefined;
}

const CONTROL_ANYWHERE = new RegExp(CONTROL_CHARACTERS.source, 'gu');

/** A name taken from the file made safe to show: control characters written as \u{…}, at most 60 characters. */
function printable(name: string): string {
  const safe = name.replace(CONTROL_ANYWHERE, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
  return safe.length > 60 ? `${safe.slice(0, 59)}…` : safe;
}

type IssueDetails = Omit<PackIssue, 'path' | 'guideId'>;

function details(issue: z.core.$ZodIssue, raw: unknown): IssueDetails {
  // The pack schema's own checks (regex, refinements) carry an issue code as their message.
  if (isOwnCode(issue.message)) return { code: issue.message };
  const missing = valueAt(raw, issue.path) === undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (missing) return { code: 'missing' };
      const expected = VALUE_TYPES[issue.expected];
      return expected ? { code: 'wrong-type', expected } : { code: 'invalid' };
    }
    case 'invalid_value':
      return { code: missing ? 'missing' : 'not-allowed-value' };
    case 'unrecognized_keys':
      return { code: 'unknown-field', fields: issue.keys.slice(0, 5).map(printable) };
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string') return { code: 'empty' };
      if (issue.origin === 'array') return { code: 'too-few', limit };
      return { code: 'number-too-small', limit };
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too-long', limit };
      if (issue.origin === 'array') return { code: 'too-many', limit };
      return { code: 'number-too-large', limit };
    }
    default:
      return { code: 'invalid' };
  }
}

/**
 * The schema's issues as pack issues with codes, for the app and the pack tool alike; `raw` is the JSON as read,
 * which tells a missing field from a wrong one and gives the guide's id.
 */
export function packIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): PackIssue[] {
  return issues.map((issue) => {
    const guideId = guideIdAt(raw, issue.path);
    return { ...details(issue, raw), path: jsonPath(issue.path), ...(guideId ? { guideId } : {}) };
  });
}
