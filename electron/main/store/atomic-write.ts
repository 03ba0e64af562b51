import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Write a whole file or nothing: a temporary file beside it, flushed to disk, then renamed into place. A crash or
 * a full disk leaves the old file (or none), never half of the new one.
 */
export function writeFileAtomically(file: string, content: string | Uint8Array): void {
  const temp = `${file}.tmp-${process.pid}`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeFileSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
