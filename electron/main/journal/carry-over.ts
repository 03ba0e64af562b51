import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { carryOverDrafts } from '../../../shared/journal/migrate-v2';
import type { PersistedV2 } from '../../../shared/state/persisted';
import { Journal, journalIds, segmentFileName, type JournalFs } from './journal';

/**
 * Write the record of a version-2 store into a new journal, all at once; returns the installation id.
 *
 * When a crash came between this and the settings file's migration, the journal written then is found again by
 * its `store-migrated` event and used, so the record is never carried over twice.
 */
export function carryOverToJournal(options: {
  dir: string;
  legacy: PersistedV2;
  osUser: string;
  clock: () => Date;
  fs?: JournalFs;
}): string {
  const fs = options.fs ?? nodeFs;
  fs.mkdirSync(options.dir, { recursive: true });
  for (const id of journalIds(fs, options.dir)) {
    const first = join(options.dir, segmentFileName(id, 1));
    if (fs.existsSync(first) && fs.readFileSync(first, 'utf8').includes('"kind":"store-migrated"')) return id;
  }
  const installationId = randomUUID();
  const journal = new Journal({
    fs,
    dir: options.dir,
    installationId,
    osUser: options.osUser,
    clock: options.clock,
    segment: 1,
    prev: '',
    seq: 0,
  });
  journal.createWith(carryOverDrafts(options.legacy, options.clock().toISOString()));
  return installationId;
}

/** The installation id for a settings file that has none: this folder's only journal, else a new one. */
export function adoptOrCreateInstallationId(dir: string, fs: JournalFs = nodeFs): string {
  const ids = journalIds(fs, dir);
  // A settings file lost or reset must not orphan the record on this PC: take the journal that is there.
  return ids.length === 1 && ids[0] ? ids[0] : randomUUID();
}
