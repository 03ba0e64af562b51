import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, diffPacks, redoRequiredSince } from './pack-diff';
import { packSchema, type Pack } from './pack-schema';

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
    comfort.steps = comfort.steps.map((step) => (step.id === 'admin-first' ? { ...step, text: 'Neuer Text' } : step));
    next.guides = next.guides.filter((g) => g.id !== 'portal-banking');
    next.guides.push({ ...comfort, id: 'pvs-neu', title: 'Neue Anleitung', version: '1.0' });
    const diff = diffPacks(bundled(), next);
    expect(diff.changedGuides).toEqual([
      { guideId: 'pvs-x.comfort', title: comfort.title, oldVersion: '1.1', newVersion: '1.2', changedSteps: ['admin-first'] },
    ]);
    expect(diff.newGuides).toEqual([{ guideId: 'pvs-neu', title: 'Neue Anleitung', version: '1.0' }]);
    expect(diff.removedGuides.map((g) => g.guideId)).toEqual(['portal-banking']);
  });
});

describe('redoRequiredSince', () => {
  const guide = bundled().guides.find((g) => g.id === 'pvs-x.comfort')!;
  const with12 = (redo: boolean) => ({
    ...guide,
    version: '1.2',
    changelog: [...guide.changelog, { version: '1.2', date: '2021-11-12', note: 'x', redoRequired: redo }],
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
