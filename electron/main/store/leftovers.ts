import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** writeFileAtomically, copyAtomic and writeJsonAtomic: `<file>.tmp-<pid>`. */
const PID = 'tmp-(\\d{1,10})';

/**
 * The temporary names the app itself writes through, by folder (relative to the user-data or the record folder).
 * A crash between writing one and renaming it into place leaves it behind; nothing ever reads it.
 * The journal, its torn-tail `.part` file, `.damaged-*` and before-migration copies are never among them.
 */
const USER_DATA: readonly RegExp[] = [
  // conf's own atomic write (the `atomically` package): `.tmp-` and 10 digits of time and 6 hex digits.
  /^passwort-lotse\.json\.tmp-\d{10}[0-9a-f]{6}$/,
  new RegExp(`^passwort-lotse\\.json\\.${PID}$`),
  new RegExp(`^passwort-lotse\\.last-good\\.json\\.${PID}$`),
  new RegExp(`^record-location\\.json\\.${PID}$`),
  new RegExp(`^vorgabe\\.json\\.${PID}$`),
];
const RECORD: readonly { dir: readonly string[]; names: readonly RegExp[] }[] = [
  {
    dir: [],
    // A stale lock set aside while taking it over, and a heartbeat's temporary file.
    names: [new RegExp(`^passwort-lotse\\.lock\\.stale-${UUID}$`), new RegExp(`^passwort-lotse\\.lock\\.${UUID}\\.tmp$`)],
  },
  { dir: ['packs'], names: [new RegExp(`^installed-update\\.json\\.${PID}$`)] },
  { dir: ['journal', 'imported'], names: [new RegExp(`^${UUID}\\.jsonl?\\.${PID}$`)] },
];

/** Whether another process of this id runs now (its write may still be under way). */
function otherProcessAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Remove the temporary files crashes left in the user-data and the record folder: only names that match the
 * app's own temporary names exactly, and never one a running process may still be writing. Called at start by the
 * instance that holds the record lock. Returns the removed files, relative to their folder (also logged).
 */
export function removeLeftovers(options: { userDataDir: string; recordDir: string; logger: Logger; fs?: typeof nodeFs }): string[] {
  const fs = options.fs ?? nodeFs;
  const places = [
    { root: options.userDataDir, dir: [] as readonly string[], names: USER_DATA },
    ...RECORD.map((place) => ({ root: options.recordDir, ...place })),
  ];
  const removed: string[] = [];
  const seen = new Set<string>();
  for (const { root, dir, names } of places) {
    const folder = join(root, ...dir);
    let entries: string[];
    try {
      entries = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of entries) {
      const file = join(folder, name);
      if (seen.has(file)) continue;
      const match = names.map((pattern) => pattern.exec(name)).find(Boolean);
      if (!match) continue;
      seen.add(file);
      if (match[1] !== undefined && otherProcessAlive(Number(match[1]))) continue;
      try {
        if (!fs.lstatSync(file).isFile()) continue;
        fs.unlinkSync(file);
        const relative = [...dir, name].join('/');
        removed.push(relative);
        options.logger.info('start.leftover-removed', { file: relative });
      } catch {
        // Gone already, or not ours to remove (permissions): the next start tries again.
      }
    }
  }
  return removed;
}
