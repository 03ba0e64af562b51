import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_ISSUE_CODES, PACK_REFUSALS, PACK_VALUE_TYPES } from '../domain/constants';
import { de } from '../i18n/de';
import { en } from '../i18n/en';
import { issueText, resourceTranslator, type PackIssue } from './issue-text';
import { guideVersionIssues, sameSteps } from './pack-diff';
import { packIssues } from './pack-issues';
import { CONTROL_CHARACTERS, packSchema, type Pack } from './pack-schema';

const raw = (): Pack =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'packs', 'medatixx-2021-11.json'), 'utf8')) as Pack;

/** The schema's verdict on a pack changed by `change`, as pack issues. */
function issuesOf(change: (pack: Record<string, unknown> & Pack) => void): PackIssue[] {
  const pack = raw() as Record<string, unknown> & Pack;
  change(pack);
  const parsed = packSchema.safeParse(pack);
  return parsed.success ? [] : packIssues(parsed.error.issues, pack);
}

describe('the pack schema refuses control characters in every human text', () => {
  const forbidden = {
    'U+202E right-to-left override': '\u202E',
    'U+202A left-to-right embedding': '\u202A',
    'U+2066 left-to-right isolate': '\u2066',
    'U+2069 pop directional isolate': '\u2069',
    'U+200E left-to-right mark': '\u200E',
    'U+200F right-to-left mark': '\u200F',
    'U+061C Arabic letter mark': '\u061C',
    'U+0000 NUL': '\u0000',
    'U+0007 BEL': '\u0007',
    'U+0009 tab': '\t',
    'U+000D carriage return': '\r',
    'U+001B escape': '\u001B',
    'U+007F DEL': '\u007F',
    'U+0085 next line (C1)': '\u0085',
    'U+009B CSI (C1)': '\u009B',
    'U+2028 line separator': '\u2028',
    'U+200B zero-width space': '\u200B',
    'U+FEFF byte order mark': '\uFEFF',
    'a lone surrogate': '\uD800',
  };

  it.each(Object.entries(forbidden))('%s in a step text', (_, char) => {
    expect(
      issuesOf((pack) => {
        pack.guides[2]!.steps[1]!.text.de = `Vorher ${char} nachher`;
      }),
    ).toEqual([{ code: 'control-characters', path: '$.guides[2].steps[1].text.de', guideId: 'pvs-x.comfort' }]);
  });

  it('U+202E in the English step text', () => {
    expect(
      issuesOf((pack) => {
        pack.guides[2]!.steps[1]!.text.en = 'Open the vendor\u2019s guide \u202Eexe.fdp\u202C.';
      }),
    ).toEqual([{ code: 'control-characters', path: '$.guides[2].steps[1].text.en', guideId: 'pvs-x.comfort' }]);
  });

  it.each([
    ['$.advisory.title.de', (p: Pack) => void (p.advisory.title.de += '\u202E')],
    ['$.advisory.summary.de', (p: Pack) => void (p.advisory.summary.de += '\u2067')],
    ['$.advisory.timeline[0].text.de', (p: Pack) => void (p.advisory.timeline[0]!.text.de += '\u202D')],
    ['$.advisory.known[0].de', (p: Pack) => void (p.advisory.known[0]!.de += '\u0000')],
    ['$.advisory.unknown[0].de', (p: Pack) => void (p.advisory.unknown[0]!.de += '\u200F')],
    ['$.advisory.sources[0].de', (p: Pack) => void (p.advisory.sources[0]!.de += '\u0090')],
    ['$.guides[0].title.de', (p: Pack) => void (p.guides[0]!.title.de += '\u202B')],
    ['$.guides[0].issuer', (p: Pack) => void (p.guides[0]!.issuer += '\u202C')],
    ['$.guides[0].vendorDocument.de', (p: Pack) => void (p.guides[0]!.vendorDocument!.de += '\u2068')],
    ['$.guides[0].version', (p: Pack) => void (p.guides[0]!.version += '\u202E')],
    ['$.guides[0].steps[0].source.de', (p: Pack) => void (p.guides[0]!.steps[0]!.source.de += '\u202E')],
    ['$.guides[0].steps[3].warning.de', (p: Pack) => void (p.guides[0]!.steps[3]!.warning!.de += '\u202E')],
    ['$.guides[2].changelog[0].note.de', (p: Pack) => void (p.guides[2]!.changelog[0]!.note.de += '\u202E')],
    ['$.guides[2].changelog[0].version', (p: Pack) => void (p.guides[2]!.changelog[0]!.version += '\u202E')],
  ])('%s', (path, change) => {
    expect(issuesOf(change).map((issue) => [issue.code, issue.path])).toEqual([['control-characters', path]]);
  });

  it('allows a line feed only where steps allow line breaks, and the bundled pack needs none', () => {
    expect(issuesOf((pack) => void (pack.guides[0]!.steps[0]!.text.de += '\nZweite Zeile'))).toEqual([]);
    expect(issuesOf((pack) => void (pack.guides[0]!.steps[3]!.warning!.de += '\nZweite Zeile'))).toEqual([]);
    expect(issuesOf((pack) => void (pack.guides[0]!.title.de += '\nZweite Zeile')).map((i) => i.code)).toEqual(['control-characters']);
    expect(issuesOf((pack) => void (pack.guides[0]!.steps[0]!.source.de += '\nZweite Zeile')).map((i) => i.code)).toEqual([
      'control-characters',
    ]);
    expect(CONTROL_CHARACTERS.test(JSON.stringify(raw()))).toBe(false);
    expect(JSON.stringify(raw())).not.toContain('\\n');
  });

  it('leaves ordinary German typography alone: „Anführungszeichen“, – Gedankenstrich, ß, €, non-breaking space', () => {
    expect(issuesOf((pack) => void (pack.guides[0]!.steps[0]!.text.de = '„Straße“ – 5\u00a0€ · ✓ 😀'))).toEqual([]);
  });
});

describe('packIssues: every schema problem as a code, never as zod’s words', () => {
  it.each<[string, (pack: Record<string, unknown> & Pack) => void, PackIssue]>([
    [
      'missing',
      (p) => delete (p.guides[4]!.steps[0] as Partial<Pack['guides'][0]['steps'][0]>).source,
      { code: 'missing', path: '$.guides[4].steps[0].source', guideId: 'pvs-x.isynet' },
    ],
    [
      'missing enum',
      (p) => delete (p.guides[0] as Partial<Pack['guides'][0]>).audience,
      { code: 'missing', path: '$.guides[0].audience', guideId: 'pvs-easymed' },
    ],
    [
      'wrong-type',
      (p) => void ((p.guides[2] as Record<string, unknown>)['version'] = 11),
      { code: 'wrong-type', path: '$.guides[2].version', guideId: 'pvs-x.comfort', expected: 'text' },
    ],
    [
      'wrong-type list',
      (p) => void ((p.advisory as Record<string, unknown>)['known'] = 'x'),
      { code: 'wrong-type', path: '$.advisory.known', expected: 'list' },
    ],
    [
      'wrong-type yes-no',
      (p) => void ((p.guides[2]!.changelog[0] as Record<string, unknown>)['redoRequired'] = 'ja'),
      { code: 'wrong-type', path: '$.guides[2].changelog[0].redoRequired', guideId: 'pvs-x.comfort', expected: 'yes-no' },
    ],
    [
      'unknown-field',
      (p) => void ((p.guides[0] as Record<string, unknown>)['menu\u202E'] = 'x'),
      { code: 'unknown-field', path: '$.guides[0]', guideId: 'pvs-easymed', fields: ['menu\\u{202E}'] },
    ],
    ['empty', (p) => void (p.guides[0]!.title.de = ''), { code: 'empty', path: '$.guides[0].title.de', guideId: 'pvs-easymed' }],
    ['empty English', (p) => void (p.guides[0]!.title.en = ''), { code: 'empty', path: '$.guides[0].title.en', guideId: 'pvs-easymed' }],
    [
      'too-long',
      (p) => void (p.guides[0]!.title.de = 'x'.repeat(201)),
      { code: 'too-long', path: '$.guides[0].title.de', guideId: 'pvs-easymed', limit: 200 },
    ],
    [
      'a plain string where format 2 wants a text in languages',
      (p) => void ((p.guides[0] as Record<string, unknown>)['title'] = 'Nur ein Text'),
      { code: 'wrong-type', path: '$.guides[0].title', guideId: 'pvs-easymed', expected: 'object' },
    ],
    ['too-few', (p) => void (p.guides[0]!.steps = []), { code: 'too-few', path: '$.guides[0].steps', guideId: 'pvs-easymed', limit: 1 }],
    ['too-many', (p) => void (p.advisory.known = Array(41).fill({ de: 'x' })), { code: 'too-many', path: '$.advisory.known', limit: 40 }],
    ['number-too-small', (p) => void (p.revision = 0), { code: 'number-too-small', path: '$.revision', limit: 1 }],
    [
      'number-too-large',
      (p) => void (p.guides[0]!.minutes = 601),
      { code: 'number-too-large', path: '$.guides[0].minutes', guideId: 'pvs-easymed', limit: 600 },
    ],
    [
      'not-allowed-value',
      (p) => void ((p.guides[0] as Record<string, unknown>)['target'] = 'toaster'),
      { code: 'not-allowed-value', path: '$.guides[0].target', guideId: 'pvs-easymed' },
    ],
    [
      'bad-id',
      (p) => void (p.guides[0]!.steps[0]!.id = 'Großbuchstaben'),
      { code: 'bad-id', path: '$.guides[0].steps[0].id', guideId: 'pvs-easymed' },
    ],
    ['bad-date', (p) => void (p.guides[0]!.date = '08.11.2021'), { code: 'bad-date', path: '$.guides[0].date', guideId: 'pvs-easymed' }],
    [
      'duplicate-guide-id',
      (p) => void (p.guides[1]!.id = 'pvs-easymed'),
      { code: 'duplicate-guide-id', path: '$.guides[1].id', guideId: 'pvs-easymed' },
    ],
    [
      'duplicate-step-id',
      (p) => void (p.guides[0]!.steps[1]!.id = p.guides[0]!.steps[0]!.id),
      { code: 'duplicate-step-id', path: '$.guides[0].steps[1].id', guideId: 'pvs-easymed' },
    ],
  ])('%s', (_, change, expected) => {
    expect(issuesOf(change)).toEqual([expected]);
  });

  it('gives no guide id when the guide’s own id is not valid', () => {
    expect(issuesOf((p) => void (p.guides[0]!.id = 'Ungültig\u202E'))).toEqual([{ code: 'bad-id', path: '$.guides[0].id' }]);
  });
});

describe('guide versions', () => {
  const comfort = (pack: Pack) => pack.guides.find((g) => g.id === 'pvs-x.comfort')!;

  it('sameSteps sees text (German and English), source, warning, order and ids', () => {
    /** The x.comfort guide with English of our own in its first step, whatever the file holds. */
    const english = (pack: Pack) => {
      const guide = comfort(pack);
      guide.steps[0]!.text.en = 'Open the vendor’s short guide.';
      guide.steps[0]!.source.en = 'Vendor’s short guide';
      return guide;
    };
    const a = english(raw());
    expect(sameSteps(a, english(raw()))).toBe(true);
    for (const change of [
      (g: Pack['guides'][0]) => void (g.steps[0]!.text.de += '.'),
      (g: Pack['guides'][0]) => void (g.steps[0]!.text.en += ' Changed.'),
      (g: Pack['guides'][0]) => void (g.steps[0]!.source.de += '.'),
      (g: Pack['guides'][0]) => void (g.steps[0]!.source.en += ' Changed.'),
      (g: Pack['guides'][0]) => void (g.steps[0]!.warning = { de: 'Achtung.' }),
      (g: Pack['guides'][0]) => void (g.steps[0]!.id = 'neu'),
      (g: Pack['guides'][0]) => void g.steps.reverse(),
      (g: Pack['guides'][0]) => void g.steps.pop(),
    ]) {
      const b = english(raw());
      change(b);
      expect(sameSteps(a, b)).toBe(false);
    }
  });

  it('asks for a raised version when steps change, refuses a lowered one, and ignores other changes', () => {
    const next = raw();
    comfort(next).steps[0]!.text.de += ' Neu.';
    expect(guideVersionIssues(raw(), next).map((i) => i.code)).toEqual(['unversioned-change']);
    comfort(next).version = '1.1.0'; // numerically the same: not a raise
    expect(guideVersionIssues(raw(), next).map((i) => i.code)).toEqual(['unversioned-change']);
    comfort(next).version = '1.2';
    expect(guideVersionIssues(raw(), next)).toEqual([]);
    comfort(next).version = '1.0';
    expect(guideVersionIssues(raw(), next)).toMatchObject([{ code: 'version-lowered', version: '1.0', previousVersion: '1.1' }]);
    const retitled = raw();
    comfort(retitled).title = { de: `${comfort(retitled).title.de} (neu)`, en: 'Retitled' };
    retitled.guides.push({ ...comfort(retitled), id: 'pvs-neu' });
    expect(guideVersionIssues(raw(), retitled)).toEqual([]);
  });
});

describe('issue texts', () => {
  it('every refusal, issue code and value type has a German and an English text', () => {
    for (const language of [de, en]) {
      for (const refusal of PACK_REFUSALS) expect(language.advisory.errors[refusal], refusal).toBeTruthy();
      for (const code of PACK_ISSUE_CODES) expect(language.advisory.issues[code], code).toBeTruthy();
      for (const type of PACK_VALUE_TYPES) expect(language.advisory.valueTypes[type], type).toBeTruthy();
    }
  });

  it('reads as plain German or English, with the guide by its id and no placeholder left', () => {
    const tDe = resourceTranslator(de);
    const tEn = resourceTranslator(en);
    expect(
      issueText(
        {
          code: 'unversioned-change',
          path: '$.guides[2].version',
          guideId: 'pvs-x.comfort',
          title: { de: 'Praxissoftware x.comfort', en: 'Practice software x.comfort' },
          version: '1.1',
        },
        tDe,
      ),
    ).toBe(
      '$.guides[2].version (Anleitung pvs-x.comfort): Die Schritte der Anleitung „Praxissoftware x.comfort“ wurden geändert, ihre Version 1.1 aber nicht erhöht.',
    );
    // The guide's title in the UI language, German where the pack has no English.
    const unversioned = { code: 'unversioned-change', path: '$.guides[2].version', guideId: 'pvs-x.comfort', version: '1.1' } as const;
    expect(issueText({ ...unversioned, title: { de: 'Praxissoftware x.comfort', en: 'Practice software x.comfort' } }, tEn, 'en')).toBe(
      '$.guides[2].version (guide pvs-x.comfort): The steps of the guide “Practice software x.comfort” were changed, but its version 1.1 was not raised.',
    );
    expect(issueText({ ...unversioned, title: { de: 'Praxissoftware x.comfort' } }, tEn, 'en')).toBe(
      '$.guides[2].version (guide pvs-x.comfort): The steps of the guide “Praxissoftware x.comfort” were changed, but its version 1.1 was not raised.',
    );
    expect(issueText({ ...unversioned, title: { de: 'Praxissoftware x.comfort', en: 'Practice software x.comfort' } }, tDe)).toContain(
      '„Praxissoftware x.comfort“',
    );
    expect(issueText({ code: 'too-long', path: '$.advisory.title', limit: 300 }, tEn)).toBe(
      '$.advisory.title: The text is too long (at most 300 characters).',
    );
    expect(issueText({ code: 'wrong-type', path: '$.revision', expected: 'whole-number' }, tDe)).toBe(
      '$.revision: Falscher Typ (erwartet: ganze Zahl).',
    );
    for (const code of PACK_ISSUE_CODES) {
      for (const [t, language] of [
        [tDe, 'de'],
        [tEn, 'en'],
      ] as const) {
        const line = issueText(
          {
            code,
            path: '$.x',
            guideId: 'g',
            title: { de: 'T', en: 'E' },
            version: '2',
            previousVersion: '3',
            limit: 5,
            expected: 'text',
            fields: ['f'],
          },
          t,
          language,
        );
        expect(line, code).not.toMatch(/\{\{|advisory\./);
      }
    }
  });
});
