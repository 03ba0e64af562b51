import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de as germanTexts } from '../i18n/de';
import { issueText, resourceTranslator, type PackIssue } from './issue-text';
import { advisoryTexts, fallsBackToGerman, guideTexts, languagesOf } from './local-text';
import { packIssues } from './pack-issues';
import { PACK_SCHEMA_VERSION, packSchema, type LocalText, type Pack } from './pack-schema';

/** The bundled pack as it was in format 1: every human text a German string. */
interface StepV1 {
  id: string;
  text: string;
  source: string;
  warning?: string;
}
interface GuideV1 {
  id: string;
  title: string;
  vendorDocument?: string;
  steps: StepV1[];
  changelog: { version: string; date: string; note: string; redoRequired: boolean }[];
}
interface PackV1 {
  schemaVersion: number;
  advisory: {
    title: string;
    summary: string;
    timeline: { date: string; text: string }[];
    known: string[];
    unknown: string[];
    sources: string[];
  };
  guides: GuideV1[];
}

const formatOne = (): PackV1 =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'pack-format-1.json'), 'utf8')) as PackV1;

/** A format-2 pack that does not depend on the bundled file: the format-1 fixture, lifted and written out again. */
const formatTwo = (): Pack => JSON.parse(JSON.stringify(packSchema.parse(formatOne()))) as Pack;

/** The schema's verdict as pack issues (what the app and the pack tool show). */
function issuesOf(raw: unknown): PackIssue[] {
  const parsed = packSchema.safeParse(raw);
  return parsed.success ? [] : packIssues(parsed.error.issues, raw);
}

const de = (text: string): LocalText => ({ de: text });
const COMFORT = 2;
const ADMIN_STEP = 3;

describe('format 1 (German strings) is read and lifted into format 2', () => {
  const v1 = formatOne();

  it('is the format-1 pack with the x.comfort admin step at the expected place', () => {
    expect(v1.schemaVersion).toBe(1);
    expect(v1.guides[COMFORT]?.id).toBe('pvs-x.comfort');
    expect(v1.guides[COMFORT]?.steps[ADMIN_STEP]).toMatchObject({ id: 'admin-first', warning: expect.any(String) });
  });

  it('parses, as schema version 2, each text as { de: the old string }', () => {
    const parsed = packSchema.safeParse(v1);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const pack = parsed.data;
    expect(pack.schemaVersion).toBe(PACK_SCHEMA_VERSION);
    expect(pack.schemaVersion).toBe(2);
    const oldComfort = v1.guides[COMFORT]!;
    const comfort = pack.guides[COMFORT]!;
    const oldStep = oldComfort.steps[ADMIN_STEP]!;
    expect(pack.advisory.summary).toEqual({ de: v1.advisory.summary });
    expect(pack.advisory.title).toEqual({ de: v1.advisory.title });
    expect(comfort.title).toEqual({ de: oldComfort.title });
    expect(comfort.vendorDocument).toEqual({ de: oldComfort.vendorDocument });
    expect(comfort.steps[ADMIN_STEP]!.text).toEqual({ de: oldStep.text });
    expect(comfort.steps[ADMIN_STEP]!.source).toEqual({ de: oldStep.source });
    expect(comfort.steps[ADMIN_STEP]!.warning).toEqual({ de: oldStep.warning });
    expect(comfort.changelog[1]!.note).toEqual({ de: oldComfort.changelog[1]!.note });
  });

  it('lifts every text and changes nothing else', () => {
    const expected = {
      ...v1,
      schemaVersion: 2,
      advisory: {
        ...v1.advisory,
        title: de(v1.advisory.title),
        summary: de(v1.advisory.summary),
        timeline: v1.advisory.timeline.map((event) => ({ ...event, text: de(event.text) })),
        known: v1.advisory.known.map(de),
        unknown: v1.advisory.unknown.map(de),
        sources: v1.advisory.sources.map(de),
      },
      guides: v1.guides.map((guide) => ({
        ...guide,
        title: de(guide.title),
        ...(guide.vendorDocument === undefined ? {} : { vendorDocument: de(guide.vendorDocument) }),
        steps: guide.steps.map((step) => ({
          ...step,
          text: de(step.text),
          source: de(step.source),
          ...(step.warning === undefined ? {} : { warning: de(step.warning) }),
        })),
        changelog: guide.changelog.map((entry) => ({ ...entry, note: de(entry.note) })),
      })),
    };
    expect(packSchema.parse(v1)).toEqual(expected);
  });

  it('has German only: the English UI falls back to German for every guide and the advisory', () => {
    const pack = packSchema.parse(v1);
    expect(languagesOf(advisoryTexts(pack.advisory))).toEqual(['de']);
    expect(fallsBackToGerman(advisoryTexts(pack.advisory), 'en')).toBe(true);
    for (const guide of pack.guides) {
      expect(languagesOf(guideTexts(guide)), guide.id).toEqual(['de']);
      expect(fallsBackToGerman(guideTexts(guide), 'en'), guide.id).toBe(true);
      expect(fallsBackToGerman(guideTexts(guide), 'de'), guide.id).toBe(false);
    }
  });

  it('still refuses a control character in a format-1 text (U+202E in a step text)', () => {
    const pack = formatOne();
    pack.guides[COMFORT]!.steps[ADMIN_STEP]!.text = 'Öffnen Sie die Anleitung \u202Eexe.fdp\u202C des Herstellers.';
    expect(issuesOf(pack)).toEqual([
      { code: 'control-characters', path: `$.guides[${COMFORT}].steps[${ADMIN_STEP}].text`, guideId: 'pvs-x.comfort' },
    ]);
  });

  it('refuses a format-2 text in a file that says format 1', () => {
    const pack = formatOne() as unknown as { guides: { title: unknown }[] };
    pack.guides[COMFORT]!.title = { de: 'Passwortänderung in der Praxissoftware x.comfort' };
    expect(issuesOf(pack)).toEqual([
      { code: 'wrong-type', path: `$.guides[${COMFORT}].title`, guideId: 'pvs-x.comfort', expected: 'text' },
    ]);
  });
});

describe('format 2 and newer formats', () => {
  it('refuses a newer format with one issue at $.schemaVersion, said in the app’s words', () => {
    const issues = issuesOf({ ...formatTwo(), schemaVersion: 3 });
    expect(issues).toEqual([{ code: 'newer-format', path: '$.schemaVersion' }]);
    expect(issueText(issues[0]!, resourceTranslator(germanTexts))).toBe(`$.schemaVersion: ${germanTexts.advisory.issues['newer-format']}`);
    // Only what the file says: a newer number, however much else is wrong with it.
    expect(issuesOf({ schemaVersion: 7 })).toEqual([{ code: 'newer-format', path: '$.schemaVersion' }]);
  });

  it('refuses a version that is no format at all as an ordinary value problem', () => {
    expect(issuesOf({ ...formatTwo(), schemaVersion: 0 }).map((issue) => [issue.code, issue.path])).toEqual([
      ['not-allowed-value', '$.schemaVersion'],
    ]);
  });

  it('reads format 2 as it is', () => {
    const pack = formatTwo();
    pack.guides[COMFORT]!.title = { de: 'Passwortänderung in der Praxissoftware x.comfort', en: 'Changing passwords in x.comfort' };
    expect(packSchema.parse(pack)).toEqual(pack);
  });

  it('accepts a pack one of whose step texts has no English', () => {
    const pack = formatTwo();
    for (const guide of pack.guides) {
      guide.title.en = `EN ${guide.title.de}`;
      for (const step of guide.steps) step.text.en = `EN ${step.text.de}`;
    }
    delete pack.guides[COMFORT]!.steps[ADMIN_STEP]!.text.en;
    const parsed = packSchema.safeParse(pack);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.guides[COMFORT]?.steps[ADMIN_STEP]?.text).toEqual({ de: pack.guides[COMFORT]!.steps[ADMIN_STEP]!.text.de });
    expect(parsed.data?.guides[COMFORT]?.steps[0]?.text.en).toMatch(/^EN /);
  });

  it('refuses a text without German ("missing" at .de)', () => {
    const pack = formatTwo() as unknown as { guides: { steps: { text: unknown }[] }[] };
    pack.guides[COMFORT]!.steps[ADMIN_STEP]!.text = { en: 'x' };
    expect(issuesOf(pack)).toEqual([
      { code: 'missing', path: `$.guides[${COMFORT}].steps[${ADMIN_STEP}].text.de`, guideId: 'pvs-x.comfort' },
    ]);
  });

  it('refuses a language the format does not know ("unknown-field")', () => {
    const pack = formatTwo() as unknown as { guides: { steps: { text: unknown }[] }[] };
    pack.guides[COMFORT]!.steps[ADMIN_STEP]!.text = { de: 'x', fr: 'y' };
    expect(issuesOf(pack)).toEqual([
      { code: 'unknown-field', path: `$.guides[${COMFORT}].steps[${ADMIN_STEP}].text`, guideId: 'pvs-x.comfort', fields: ['fr'] },
    ]);
  });
});
