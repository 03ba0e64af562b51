import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, diffPacks, guideVersionIssues, redoRequiredSince } from './pack-diff';
import { packSchema, type LocalText, type Pack } from './pack-schema';

const bundled = (): Pack =>
  packSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'packs', 'medatixx-2021-11.json'), 'utf8')));

describe('compareVersions', () => {
  it('compares numerically, part by part', () => {
    expect(compareVersions('1.0', '1.1')).toBe(-1);
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('1.0', '1')).toBe(0);
    expect(compareVersions('2.0', '1.99')).toBe(1);
  });
});

describe('diffPacks', () => {
  it('finds nothing between a pack and itself', () => {
    expect(diffPacks(bundled(), bundled())).toEqual({ newGuides: [], changedGuides: [], removedGuides: [], newProducts: [] });
  });

  it('reports changed guides with their versions and steps, new and removed guides', () => {
    const next = bundled();
    const comfort = next.guides.find((g) => g.id === 'pvs-x.comfort');
    if (!comfort) throw new Error('missing');
    comfort.version = '1.2';
    comfort.steps = comfort.steps.map((step) =>
      step.id === 'admin-first' ? { ...step, text: { de: 'Neuer Text', en: 'New text' } } : step,
    );
    next.guides = next.guides.filter((g) => g.id !== 'portal-banking');
    next.guides.push({ ...comfort, id: 'pvs-neu', title: { de: 'Neue Anleitung', en: 'New guide' }, version: '1.0' });
    const diff = diffPacks(bundled(), next);
    expect(diff.changedGuides).toEqual([
      { guideId: 'pvs-x.comfort', title: comfort.title, oldVersion: '1.1', newVersion: '1.2', changedSteps: ['admin-first'] },
    ]);
    expect(diff.newGuides).toEqual([{ guideId: 'pvs-neu', title: { de: 'Neue Anleitung', en: 'New guide' }, version: '1.0' }]);
    expect(diff.removedGuides).toEqual([
      { guideId: 'portal-banking', title: bundled().guides.find((g) => g.id === 'portal-banking')!.title },
    ]);
  });
});

describe('redoRequiredSince', () => {
  const guide = bundled().guides.find((g) => g.id === 'pvs-x.comfort')!;
  const with12 = (redo: boolean) => ({
    ...guide,
    version: '1.2',
    changelog: [...guide.changelog, { version: '1.2', date: '2021-11-12', note: { de: 'x', en: 'x' }, redoRequired: redo }],
  });

  it('is true when a newer changelog entry asks for it', () => {
    expect(redoRequiredSince(with12(true), '1.1')).toBe(true);
    expect(redoRequiredSince(with12(true), '1.0')).toBe(true);
  });

  it('is false when no newer entry asks for it, or the task was done under that version already', () => {
    expect(redoRequiredSince(with12(false), '1.1')).toBe(false);
    expect(redoRequiredSince(with12(true), '1.2')).toBe(false);
  });
});

describe('guideVersionIssues: English wording is part of a guide’s steps', () => {
  /** The bundled pack with the x.comfort admin step's texts set to exactly these, so no test relies on the file's English. */
  const withAdminStep = (text: LocalText, source: LocalText = { de: 'Quelle', en: 'Source' }): Pack => {
    const pack = bundled();
    const step = pack.guides.find((g) => g.id === 'pvs-x.comfort')!.steps.find((s) => s.id === 'admin-first')!;
    step.text = text;
    step.source = source;
    return pack;
  };
  const comfortOf = (pack: Pack) => pack.guides.find((g) => g.id === 'pvs-x.comfort')!;

  it('asks for a raised version when only a step’s English text changes', () => {
    const before = withAdminStep({ de: 'Ändern Sie zuerst das Passwort.', en: 'Change the password first.' });
    const after = withAdminStep({ de: 'Ändern Sie zuerst das Passwort.', en: 'First change the password.' });
    expect(guideVersionIssues(before, after)).toEqual([
      {
        code: 'unversioned-change',
        path: `$.guides[${after.guides.indexOf(comfortOf(after))}].version`,
        guideId: 'pvs-x.comfort',
        title: comfortOf(after).title,
        version: '1.1',
      },
    ]);
    comfortOf(after).version = '1.2';
    expect(guideVersionIssues(before, after)).toEqual([]);
  });

  it('counts a changed English source as a change, but not English added to or missing from a German-only text', () => {
    const german = withAdminStep({ de: 'Ändern Sie zuerst das Passwort.' });
    const both = withAdminStep({ de: 'Ändern Sie zuerst das Passwort.', en: 'Change the password first.' });
    const resourced = withAdminStep(
      { de: 'Ändern Sie zuerst das Passwort.', en: 'Change the password first.' },
      { de: 'Quelle', en: 'Another source' },
    );
    expect(guideVersionIssues(both, resourced).map((issue) => issue.code)).toEqual(['unversioned-change']);
    // What a German-only step says is its German text: a translation added later changes nothing a practice did.
    expect(guideVersionIssues(german, both)).toEqual([]);
    expect(guideVersionIssues(both, german)).toEqual([]);
  });

  it('leaves the same German and English alone', () => {
    const text = { de: 'Ändern Sie zuerst das Passwort.', en: 'Change the password first.' };
    expect(guideVersionIssues(withAdminStep(text), withAdminStep({ ...text }))).toEqual([]);
  });
});
