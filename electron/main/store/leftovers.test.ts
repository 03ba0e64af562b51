import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServices } from '../../testing/test-support';
import { acquireRecordLock } from './record-lock';

const ID = '3e8f7361-189d-4ec1-9a8c-363972359760';
const OTHER = '52501072-15a6-4fa0-aafe-5de85ef89b89';
/** A process id no process has (a killed one). */
const DEAD = 999_999_997;

/** What crashes left behind: the app's own temporary files. */
const LEFTOVERS = [
  'passwort-lotse.json.tmp-59421985786117a7',
  `passwort-lotse.json.tmp-${DEAD}`,
  `passwort-lotse.last-good.json.tmp-${DEAD}`,
  `passwort-lotse.lock.stale-${OTHER}`,
  `passwort-lotse.lock.${OTHER}.tmp`,
  `packs/installed-update.json.tmp-${DEAD}`,
  `journal/imported/${OTHER}.jsonl.tmp-${DEAD}`,
  `journal/imported/${OTHER}.json.tmp-${DEAD}`,
];
/** Files that look alike but are not the app's temporary files, or must be kept. */
const KEPT = [
  `journal/${ID}.torn-20260101-101010.part`,
  `journal/${ID}.jsonl.tmp-${DEAD}`,
  'passwort-lotse.json.damaged-20260101-101010',
  'passwort-lotse.before-migration-v2-20260101-101010.json',
  'passwort-lotse.json.tmp-abc',
  'passwort-lotse.json.tmp-',
  'notizen.json.tmp-1234',
  `passwort-lotse.lock.stale-${OTHER}.txt`,
  `packs/installed-update.json.tmp-${DEAD}x`,
  `journal/imported/${OTHER}.jsonl.tmp-${process.ppid}`,
];

function folderWith(files: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pl-leftovers-'));
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), 'x');
  }
  return dir;
}

describe('leftover temporary files', () => {
  it('are removed at start by the instance that holds the record, and logged; nothing else is touched', () => {
    const dir = folderWith([...LEFTOVERS, ...KEPT]);
    const { close, logger } = startTestServices(dir);
    close();
    for (const file of LEFTOVERS) expect(existsSync(join(dir, file)), file).toBe(false);
    // The one of a process still running (its write may be under way) stays, like everything else.
    for (const file of KEPT) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(logger.lines.filter((line) => line.includes('start.leftover-removed'))).toHaveLength(LEFTOVERS.length);
  });

  it('stay while another instance holds the record', () => {
    const dir = folderWith(LEFTOVERS);
    const other = acquireRecordLock({ dir, account: 'anna', computer: 'PC' });
    if (!other.held) throw new Error('not held');
    const { close } = startTestServices(dir);
    close();
    other.lock.release();
    for (const file of LEFTOVERS) expect(existsSync(join(dir, file)), file).toBe(true);
  });
});
