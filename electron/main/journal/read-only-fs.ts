import type * as nodeFs from 'node:fs';
import type { JournalFs } from './journal';

/** An error a read-only journal file system gives for every write (see readOnlyFs). */
export const READ_ONLY_CODE = 'PL_READ_ONLY';

/**
 * The journal's file system for an instance that does not hold the record lock: it reads, and refuses every write,
 * so not even a torn tail (the other instance may be writing that very line) is cut here.
 */
export function readOnlyFs(base: JournalFs): JournalFs {
  const refuse = (): never => {
    throw Object.assign(new Error('the record is open in another instance'), { code: READ_ONLY_CODE });
  };
  return {
    ...base,
    openSync: ((path: nodeFs.PathLike, flags?: nodeFs.OpenMode, mode?: nodeFs.Mode) =>
      flags === undefined || flags === 'r' ? base.openSync(path, 'r', mode) : refuse()) as JournalFs['openSync'],
    writeSync: refuse as JournalFs['writeSync'],
    ftruncateSync: refuse as JournalFs['ftruncateSync'],
    renameSync: refuse as JournalFs['renameSync'],
    writeFileSync: refuse as JournalFs['writeFileSync'],
    // A missing folder is simply an empty record here; nothing is made.
    mkdirSync: (() => undefined) as JournalFs['mkdirSync'],
  };
}
