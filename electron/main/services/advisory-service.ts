import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFileAtomically } from '../store/atomic-write';
import { dirname } from 'node:path';
import type { PackIssue } from '../../../shared/advisory/issue-text';
import { diffPacks, guideVersionIssues, type PackDiff } from '../../../shared/advisory/pack-diff';
import type { Pack } from '../../../shared/advisory/pack-schema';
import type { PackRefusal } from '../../../shared/advisory/signed-pack';
import type { Logger } from '../logger';
import { MAX_ISSUES, verifySignedPack, type TrustedKey, type VerifyOutcome } from './pack-signing';

export type PreviewOutcome =
  | { status: 'ready'; previewId: string; fromRevision: number; toRevision: number; diff: PackDiff }
  | { status: 'refused'; refusal: PackRefusal; issues: PackIssue[] };

/**
 * The advisory pack in force: the bundled one, or a newer signed update installed from a file.
 *
 * An installed update is kept as the signed file in the user-data folder and verified again at every start, so a
 * file changed on disk is never trusted.
 */
export class AdvisoryService {
  private pack: Pack;
  private imported = false;
  private previous: { pack: Pack; imported: boolean; content: string | undefined } | undefined;
  private staged: { id: string; pack: Pack; content: string } | undefined;

  /** An installed update older than one this PC applied before (swapped back in): refused at start. */
  readonly rolledBack: { installed: number; highest: number } | undefined;
  /**
   * The update this PC applied could not be used at start (its file is missing, cannot be read, or does not verify):
   * the guides shown are older than the ones the record says were applied.
   */
  readonly unusable: { highest: number; shown: number } | undefined;

  constructor(
    private readonly deps: {
      bundled: Pack;
      trustedKeys: readonly TrustedKey[];
      installedFile: string;
      logger: Logger;
      /** The highest pack revision this PC's journal says it applied (0: only the bundled pack so far). */
      highestApplied?: () => number;
    },
  ) {
    this.pack = deps.bundled;
    const highest = deps.highestApplied?.() ?? 0;
    let rolledBack: { installed: number; highest: number } | undefined;
    let reason = 'missing';
    if (existsSync(deps.installedFile)) {
      const outcome = readInstalled(deps.installedFile, deps.trustedKeys);
      reason = outcome.ok ? 'not-newer-than-bundled' : outcome.refusal;
      if (outcome.ok && outcome.pack.id === deps.bundled.id && outcome.pack.revision > deps.bundled.revision) {
        if (outcome.pack.revision < highest) {
          // A validly signed but older update put back in place of a newer one: the guides stay the bundled ones
          // until the newest is applied again, and the person is told.
          rolledBack = { installed: outcome.pack.revision, highest };
          deps.logger.warn('advisory.installed-rolled-back', rolledBack);
        } else {
          this.pack = outcome.pack;
          this.imported = true;
        }
      } else {
        deps.logger.warn('advisory.installed-ignored', { reason });
      }
    }
    this.rolledBack = rolledBack;
    // Older guides than the record says were applied, and not because an older update was put back: say so.
    this.unusable = !rolledBack && this.pack.revision < highest ? { highest, shown: this.pack.revision } : undefined;
    if (this.unusable) deps.logger.warn('advisory.installed-unusable', { ...this.unusable, reason });
  }

  current(): Pack {
    return this.pack;
  }

  info(): { id: string; revision: number; source: 'bundled' | 'imported' } {
    return { id: this.pack.id, revision: this.pack.revision, source: this.imported ? 'imported' : 'bundled' };
  }

  /**
   * Check an update file and say what it would change; changes nothing. Refused unless it is signed by a trusted
   * key, valid, for the same advisory, of a higher revision, and every guide whose steps change has a higher version
   * (and none a lower one) than in the pack in force.
   */
  preview(content: string): PreviewOutcome {
    this.staged = undefined;
    const outcome = verifySignedPack(content, this.deps.trustedKeys);
    if (!outcome.ok) return { status: 'refused', refusal: outcome.refusal, issues: outcome.issues ?? [] };
    if (outcome.pack.id !== this.pack.id) return { status: 'refused', refusal: 'other-advisory', issues: [] };
    // Never back: a revision older than one this PC applied before is refused, whatever is installed now.
    if (outcome.pack.revision < (this.deps.highestApplied?.() ?? 0)) return { status: 'refused', refusal: 'rolled-back', issues: [] };
    if (outcome.pack.revision <= this.pack.revision) return { status: 'refused', refusal: 'not-newer', issues: [] };
    // Compared with the pack in force: a guide whose steps change must get a higher version, and none a lower one.
    const versions = guideVersionIssues(this.pack, outcome.pack);
    if (versions.length > 0) {
      const refusal = versions.some((issue) => issue.code === 'unversioned-change') ? 'unversioned-change' : 'version-lowered';
      return { status: 'refused', refusal, issues: versions.slice(0, MAX_ISSUES) };
    }
    const id = randomUUID();
    this.staged = { id, pack: outcome.pack, content };
    return {
      status: 'ready',
      previewId: id,
      fromRevision: this.pack.revision,
      toRevision: outcome.pack.revision,
      diff: diffPacks(this.pack, outcome.pack),
    };
  }

  /** The pack a preview would install, or undefined when the preview is unknown. */
  pending(previewId: string): Pack | undefined {
    return this.staged?.id === previewId ? this.staged.pack : undefined;
  }

  /** Forget a preview the person chose not to apply; returns which pack it was. */
  cancel(previewId: string): { id: string; revision: number } | undefined {
    const pack = this.pending(previewId);
    this.staged = undefined;
    return pack ? { id: pack.id, revision: pack.revision } : undefined;
  }

  /**
   * Install the previewed update, durably (temp file, fsync, rename); returns the pack it replaced, or undefined
   * when the preview is unknown. `revert` takes it back if the record of it cannot be written.
   */
  apply(previewId: string): { before: Pack; after: Pack } | undefined {
    const pending = this.staged;
    if (!pending || pending.id !== previewId) return undefined;
    const file = this.deps.installedFile;
    mkdirSync(dirname(file), { recursive: true });
    this.previous = { pack: this.pack, imported: this.imported, content: existsSync(file) ? readFileSync(file, 'utf8') : undefined };
    writeFileAtomically(file, pending.content);
    const before = this.pack;
    this.pack = pending.pack;
    this.imported = true;
    this.staged = undefined;
    this.deps.logger.info('advisory.installed', { revision: pending.pack.revision });
    return { before, after: pending.pack };
  }

  /** Take back the last `apply`: the pack before it is in force again, on disk too. */
  revert(): void {
    const previous = this.previous;
    if (!previous) return;
    if (previous.content === undefined) rmSync(this.deps.installedFile, { force: true });
    else writeFileAtomically(this.deps.installedFile, previous.content);
    this.pack = previous.pack;
    this.imported = previous.imported;
    this.previous = undefined;
    this.deps.logger.warn('advisory.reverted');
  }

  /** The pack bundled with the app. */
  bundled(): Pack {
    return this.deps.bundled;
  }
}

/** The installed update file, verified; a file that cannot be read (a folder of that name, locked) is refused. */
function readInstalled(file: string, trustedKeys: readonly TrustedKey[]): VerifyOutcome {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, refusal: 'unreadable' };
  }
  return verifySignedPack(content, trustedKeys);
}
