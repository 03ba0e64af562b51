import type { PackIssue } from './issue-text';
import type { Guide, LocalText, Pack } from './pack-schema';

/** Compare two version strings such as "1.0" and "1.10" by their numeric parts. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

export interface GuideChange {
  guideId: string;
  title: LocalText;
  oldVersion: string;
  newVersion: string;
  /** Step ids added, removed or reworded. */
  changedSteps: string[];
}

export interface PackDiff {
  newGuides: { guideId: string; title: LocalText; version: string }[];
  changedGuides: GuideChange[];
  removedGuides: { guideId: string; title: LocalText }[];
  newProducts: string[];
}

const stepKey = (guide: Guide) => new Map(guide.steps.map((step) => [step.id, JSON.stringify(step)]));

/** What a pack update changes, for the preview the user sees before applying it; pure. */
export function diffPacks(installed: Pick<Pack, 'guides'>, next: Pick<Pack, 'guides'>): PackDiff {
  const before = new Map(installed.guides.map((guide) => [guide.id, guide]));
  const after = new Map(next.guides.map((guide) => [guide.id, guide]));
  const products = (pack: Pick<Pack, 'guides'>) => new Set(pack.guides.flatMap((guide) => guide.products));
  const oldProducts = products(installed);
  const changedGuides: GuideChange[] = [];
  for (const guide of next.guides) {
    const old = before.get(guide.id);
    if (!old) continue;
    const oldSteps = stepKey(old);
    const newSteps = stepKey(guide);
    const changedSteps = [...new Set([...oldSteps.keys(), ...newSteps.keys()])].filter((id) => oldSteps.get(id) !== newSteps.get(id));
    if (old.version !== guide.version || changedSteps.length > 0 || JSON.stringify(old) !== JSON.stringify(guide)) {
      changedGuides.push({ guideId: guide.id, title: guide.title, oldVersion: old.version, newVersion: guide.version, changedSteps });
    }
  }
  return {
    newGuides: next.guides.filter((g) => !before.has(g.id)).map((g) => ({ guideId: g.id, title: g.title, version: g.version })),
    changedGuides,
    removedGuides: installed.guides.filter((g) => !after.has(g.id)).map((g) => ({ guideId: g.id, title: g.title })),
    newProducts: [...products(next)].filter((p) => !oldProducts.has(p)).sort(),
  };
}

/**
 * Must a step done under `doneVersion` be redone under the guide as it is now?
 *
 * True when any changelog entry newer than `doneVersion` (up to the guide's version) says so.
 */
export function redoRequiredSince(guide: Guide, doneVersion: string): boolean {
  return guide.changelog.some(
    (entry) => entry.redoRequired && compareVersions(entry.version, doneVersion) > 0 && compareVersions(entry.version, guide.version) <= 0,
  );
}

/**
 * The same words: the same German, and the same English where both have English. A corrected English text is a
 * change; an English text added to (or missing from) a German-only one is not, as what it says is the German.
 */
const sameText = (a: LocalText | undefined, b: LocalText | undefined) =>
  a?.de === b?.de && (a?.en === undefined || b?.en === undefined || a.en === b.en);

/** Do two guides have the same steps: the same ids in the same order, each with the same text, source and warning? */
export function sameSteps(a: Pick<Guide, 'steps'>, b: Pick<Guide, 'steps'>): boolean {
  return (
    a.steps.length === b.steps.length &&
    a.steps.every((step, i) => {
      const other = b.steps[i];
      return (
        other !== undefined &&
        step.id === other.id &&
        sameText(step.text, other.text) &&
        sameText(step.source, other.source) &&
        sameText(step.warning, other.warning)
      );
    })
  );
}

/**
 * Guides of an update whose version does not fit what it changes, compared with the pack in force; pure.
 *
 * - `unversioned-change`: the steps differ (text, source, warning, order or ids) but the version is not raised. Tasks
 *   remember the version they were done under; without a new version a done task would get no hint and no redo.
 * - `version-lowered`: the version is lower than the one in force. Tasks done under the higher version would count
 *   as done under a newer guide than the one shown, and changelog entries between the two would never ask for a
 *   redo again. A vendor withdrawing a change publishes the old text under a new, higher version.
 *
 * Versions are compared by their numeric parts (`compareVersions`), so "1.1" → "1.1.0" is not a raise.
 */
export function guideVersionIssues(installed: Pick<Pack, 'guides'>, next: Pick<Pack, 'guides'>): PackIssue[] {
  const before = new Map(installed.guides.map((guide) => [guide.id, guide]));
  const issues: PackIssue[] = [];
  next.guides.forEach((guide, index) => {
    const old = before.get(guide.id);
    if (!old) return;
    const order = compareVersions(guide.version, old.version);
    const at = { path: `$.guides[${index}].version`, guideId: guide.id, title: guide.title, version: guide.version };
    if (order < 0) issues.push({ code: 'version-lowered', ...at, previousVersion: old.version });
    else if (order === 0 && !sameSteps(old, guide)) issues.push({ code: 'unversioned-change', ...at });
  });
  return issues;
}
