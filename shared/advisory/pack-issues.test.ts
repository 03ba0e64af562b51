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
        pack.guides[2]!.steps[1]!.text = `Vorher ${char} nachher`;
      }),
    ).toEqual([{ code: 'control-characters', path: '$.guides[2].steps[1].text', guideId: 'pvs-x.comfort' }]);
  });

  it.each([
    ['$.advisory.title', (p: Pack) => void (p.advisory.title += '\u202E')],
    ['$.advisory.summary', (p: Pack) => void (p.advisory.summary += '\u2067')],
    ['$.advisory.timeline[0].text', (p: Pack) => void (p.advisory.timeline[0]!.text += '\u202D')],
    ['$.advisory.known[0]', (p: Pack) => void (p.advisory.known[0] += '\u0000')],
    ['$.advisory.unknown[0]', (p: Pack) => void (p.advisory.unknown[0] += '\u200F')],
    ['$.advisory.sources[0]', (p: Pack) => void (p.advisory.sources[0] += '\u0090')],
    ['$.guides[0].title', (p: Pack) => void (p.guides[0]!.title += '\u202B')],
    ['$.guides[0].issuer', (p: Pack) => void (p.guides[0]!.issuer += '\u202C')],
    ['$.guides[0].vendorDocument', (p: Pack) => void (p.guides[0]!.vendorDocument += '\u2068')],
    ['$.guides[0].version', (p: Pack) => void (p.guides[0]!.version += '\u202E')],
    ['$.guides[0].steps[0].source', (p: Pack) => void (p.guides[0]!.steps[0]!.source += '\u202E')],
    ['$.guides[0].steps[3].warning', (p: Pack) => void (p.guides[0]!.steps[3]!.warning += '\u202E')],
    ['$.guides[2].changelog[0].note', (p: Pack) => void (p.guides[2]!.changelog[0]!.note += '\u202E')],
    ['$.guides[2].changelog[0].version', (p: Pack) => void (p.guides[2]!.changelog[0]!.version += '\u202E')],
  ])('%s', (path, change) => {
    expect(issuesOf(change).map((issue) => [issue.code, issue.path])).toEqual([['control-characters', path]]);
  });

  it('allows a line feed only where steps allow line breaks, and the bundled pack needs none', () => {
    expect(issuesOf((pack) => void (pack.guides[0]!.steps[0]!.text += '\nZweite Zeile'))).toEqual([]);
    expect(issuesOf((pack) => void (pack.guides[0]!.steps[3]!.warning += '\nZweite Zeile'))).toEqual([]);
    expect(issuesOf((pack) => void (pack.guides[0]!.title += '\nZweite Zeile')).map((i) => i.code)).toEqual(['control-characters']);
    expect(issuesOf((pack) => void (pack.guides[0]!.steps[0]!.source += '\nZweite Zeile')).map((i) => i.code)).toEqual([
      'control-characters',
    ]);
    expect(CONTROL_CHARACTERS.test(JSON.stringify(raw()))).toBe(false);
    expect(JSON.stringify(raw())).not.toContain('\\n');
  });

  it('leaves ordinary German typography alone: „Anführungszeichen“, – Gedankenstrich, ß, €, non-breaking space', () => {
    expect(issuesOf((pack) => void (pack.guides[0]!.steps[0]!.text = '„Straße“ – 5\u00a0€ · ✓ 😀'))).toEqual([]);
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
    ['empty', (p) => void (p.guides[0]!.title = ''), { code: 'empty', path: '$.guides[0].title', guideId: 'pvs-easymed' }],
    [
      'too-long',
      (p) => void (p.guides[0]!.title = 'x'.repeat(201)),
      { code: 'too-long', path: '$.guides[0].title', guideId: 'pvs-easymed', limit: 200 },
    ],
    ['too-few', (p) => void (p.guides[0]!.steps = []), { code: 'too-few', path: '$.guides[0].steps', guideId: 'pvs-easymed', limit: 1 }],
    ['too-many', (p) => void (p.advisory.known = Array(41).fill('x')), { code: 'too-many', path: '$.advisory.known', limit: 40 }],
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

  it('sameSteps sees text, source, warning, order and ids', () => {
    const a = comfort(raw());
    expect(sameSteps(a, comfort(raw()))).toBe(true);
    for (const change of [
      (g: Pack['guides'][0]) => void (g.steps[0]!.text += '.'),
      (g: Pack['guides'][0]) => void (g.steps[0]!.source += '.'),
      (g: Pack['guides'][0]) => void (g.steps[0]!.warning = 'Achtung.'),
      (g: Pack['guides'][0]) => void (g.steps[0]!.id = 'neu'),
      (g: Pack['guides'][0]) => void g.steps.reverse(),
      (g: Pack['guides'][0]) => void g.steps.pop(),
    ]) {
      const b = comfort(raw());
      change(b);
      expect(sameSteps(a, b)).toBe(false);
    }
  });

  it('asks for a raised version when steps change, refuses a lowered one, and ignores other changes', () => {
    const next = raw();
    comfort(next).steps[0]!.text += ' Neu.';
    expect(guideVersionIssues(raw(), next).map((i) => i.code)).toEqual(['unversioned-change']);
    comfort(next).version = '1.1.0'; // numerically the same: not a raise
    expect(guideVersionIssues(raw(), next).map((i) => i.code)).toEqual(['unversioned-change']);
    comfort(next).version = '1.2';
    expect(guideVersionIssues(raw(), next)).toEqual([]);
    comfort(next).version = '1.0';
    expect(guideVersionIssues(raw(), next)).toMatchObject([{ code: 'version-lowered', version: '1.0', previousVersion: '1.1' }]);
    const retitled = raw();
    comfort(retitled).title += ' (neu)';
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
          title: 'Praxissoftware x.comfort',
          version: '1.1',
        },
        tDe,
      ),
    ).toBe(
      '$.guides[2].version (Anleitung pvs-x.comfort): Die Schritte der Anleitung „Praxissoftware x.comfort“ wurden geändert, ihre Version 1.1 aber nicht erhöht.',
    );
    expect(issueText({ code: 'too-long', path: '$.advisory.title', limit: 300 }, tEn)).toBe(
      '$.advisory.title: The text is too long (at most 300 characters).',
    );
    expect(issueText({ code: 'wrong-type', path: '$.revision', expected: 'whole-number' }, tDe)).toBe(
      '$.revision: Falscher Typ (erwartet: ganze Zahl).',
    );
    for (const code of PACK_ISSUE_CODES) {
      for (const t of [tDe, tEn]) {
        const line = issueText(
          { code, path: '$.x', guideId: 'g', title: 'T', version: '2', previousVersion: '3', limit: 5, expected: 'text', fields: ['f'] },
          t,
        );
        expect(line, code).not.toMatch(/\{\{|advisory\./);
      }
    }
  });
});
