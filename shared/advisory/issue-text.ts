import type { Language } from '../state/settings';

/** The parts of a zod issue the messages need (kept structural so shared/ stays free of zod internals). */
export interface IssueLike {
  code: string;
  path: string;
  message: string;
  expected?: unknown;
  keys?: readonly string[];
  minimum?: unknown;
  maximum?: unknown;
}

const refinements: Record<string, Record<Language, string>> = {
  'duplicate-guide-id': { de: 'Eine Anleitungs-ID kommt mehrfach vor.', en: 'A guide id occurs more than once.' },
  'duplicate-step-id': { de: 'Eine Schritt-ID kommt in einer Anleitung mehrfach vor.', en: 'A step id occurs more than once in a guide.' },
};

/** A schema problem in plain German or English, for IT partners and vendors checking a pack. */
export function describeIssue(issue: IssueLike, language: Language): string {
  const de = language === 'de';
  switch (issue.code) {
    case 'invalid_type':
      return de
        ? `Falscher Typ oder Feld fehlt (erwartet: ${String(issue.expected)}).`
        : `Wrong type or missing field (expected: ${String(issue.expected)}).`;
    case 'unrecognized_keys':
      return de ? `Unbekanntes Feld: ${(issue.keys ?? []).join(', ')}.` : `Unknown field: ${(issue.keys ?? []).join(', ')}.`;
    case 'too_small':
      return de
        ? `Zu kurz oder zu klein (mindestens ${String(issue.minimum)}).`
        : `Too short or too small (at least ${String(issue.minimum)}).`;
    case 'too_big':
      return de
        ? `Zu lang oder zu groß (höchstens ${String(issue.maximum)}).`
        : `Too long or too large (at most ${String(issue.maximum)}).`;
    case 'invalid_value':
    case 'invalid_enum_value':
      return de ? 'Dieser Wert ist hier nicht erlaubt.' : 'This value is not allowed here.';
    case 'invalid_format':
    case 'invalid_string':
      return de ? 'Das Format stimmt nicht (z. B. Datum als JJJJ-MM-TT).' : 'The format is wrong (e.g. a date as YYYY-MM-DD).';
    case 'custom':
      return refinements[issue.message]?.[language] ?? (de ? 'Ungültiger Inhalt.' : 'Invalid content.');
    default:
      return de ? 'Ungültiger Inhalt.' : 'Invalid content.';
  }
}
