import { spawn, type ChildProcess } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireRecordLock, LOCK_FILE, processStart, STALE_AFTER_MS } from './record-lock';

const lockModule = pathToFileURL(join(import.meta.dirname, 'record-lock.ts')).href;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Another instance: a real process that takes the lock and holds it until killed. */
async function holdInChild(dir: string): Promise<ChildProcess> {
  const script = join(dir, 'holder.mts');
  writeFileSync(
    script,
    `import { acquireRecordLock } from ${JSON.stringify(lockModule)};
const outcome = acquireRecordLock({ dir: ${JSON.stringify(dir)}, account: 'anna', computer: 'PRAXIS-PC' });
process.stdout.write(outcome.held ? 'held\\n' : 'not-held\\n');
setInterval(() => undefined, 1000);`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const first = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (data: Buffer) => resolve(data.toString().trim()));
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  expect(first).toBe('held');
  return child;
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'pl-lock-'));

describe('record lock: one writer per record folder', () => {
  it('a second instance does not get the lock while another process holds it, and learns who', async () => {
    const dir = tempDir();
    await holdInChild(dir);
    const outcome = acquireRecordLock({ dir, account: 'bernd', computer: 'PRAXIS-PC' });
    expect(outcome.held).toBe(false);
    if (!outcome.held) expect(outcome.holder).toMatchObject({ account: 'anna', computer: 'PRAXIS-PC' });
  }, 30_000);

  it('takes over the lock of a killed process', async () => {
    const dir = tempDir();
    const child = await holdInChild(dir);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const outcome = acquireRecordLock({ dir, account: 'bernd', computer: 'PRAXIS-PC' });
    expect(outcome.held).toBe(true);
    if (outcome.held) expect(outcome.lock.stillOurs()).toBe(true);
  }, 30_000);

  it('gives the record free at release, and leaves a lock taken over by another instance alone', () => {
    const dir = tempDir();
    const first = acquireRecordLock({ dir, account: 'anna', computer: 'PC', pid: 999_999_991, alive: () => false });
    if (!first.held) throw new Error('first not held');
    // Its process "died": the next instance takes over; the first must notice before it writes.
    const second = acquireRecordLock({ dir, account: 'bernd', computer: 'PC', alive: () => false });
    expect(second.held).toBe(true);
    expect(first.lock.stillOurs()).toBe(false);
    first.lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    if (second.held) second.lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('on another computer (a network share): held while the heartbeat is fresh, taken over when it is old', () => {
    const dir = tempDir();
    let now = new Date('2026-11-29T08:00:00Z');
    const clock = () => now;
    const other = acquireRecordLock({ dir, account: 'anna', computer: 'EMPFANG', clock, pid: 4242, alive: () => true });
    expect(other.held).toBe(true);
    now = new Date(now.getTime() + STALE_AFTER_MS - 1000);
    expect(acquireRecordLock({ dir, account: 'bernd', computer: 'LABOR', clock }).held).toBe(false);
    if (other.held) other.lock.beat();
    now = new Date(now.getTime() + STALE_AFTER_MS - 1000);
    expect(acquireRecordLock({ dir, account: 'bernd', computer: 'LABOR', clock }).held).toBe(false);
    now = new Date(now.getTime() + STALE_AFTER_MS + 1000);
    expect(acquireRecordLock({ dir, account: 'bernd', computer: 'LABOR', clock }).held).toBe(true);
  });

  it('an unreadable lock file (torn at a crash) is taken over; the lock file names no secret', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '{"tok');
    const outcome = acquireRecordLock({ dir, account: 'anna', computer: 'PC' });
    expect(outcome.held).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as object).sort()).toEqual([
      'account',
      'beat',
      'computer',
      'pid',
      'since',
      ...(process.platform === 'linux' ? ['started'] : []),
      'token',
    ]);
  });

  it('on this computer, a lock whose heartbeat stopped is taken over even if its process id is in use again', () => {
    const dir = tempDir();
    let now = new Date('2026-11-29T08:00:00Z');
    const clock = () => now;
    expect(acquireRecordLock({ dir, account: 'anna', computer: 'PC', clock, pid: 4242 }).held).toBe(true);
    // The PC was switched off with the app open; after the restart id 4242 belongs to some other process.
    now = new Date(now.getTime() + STALE_AFTER_MS - 1000);
    expect(acquireRecordLock({ dir, account: 'bernd', computer: 'PC', clock, alive: () => true }).held).toBe(false);
    now = new Date(now.getTime() + 2000);
    expect(acquireRecordLock({ dir, account: 'bernd', computer: 'PC', clock, alive: () => true }).held).toBe(true);
  });

  it('a folder where no lock can be made (no permission): read-only, not a failed start', () => {
    const denied = Object.assign(new Error('denied'), { code: 'EPERM' });
    const outcome = acquireRecordLock({
      dir: tempDir(),
      account: 'anna',
      fs: {
        ...nodeFs,
        openSync: () => {
          throw denied;
        },
      },
    });
    expect(outcome).toEqual({ held: false, holder: undefined });
  });

  it.runIf(process.platform === 'linux')(
    'a process id given again to another process does not hold the lock (Linux: its start time differs)',
    () => {
      const dir = tempDir();
      // A lock naming a running process (this test's parent), but with another start time: the holder is gone.
      writeFileSync(
        join(dir, LOCK_FILE),
        JSON.stringify({
          token: 't',
          pid: process.ppid,
          started: '1',
          account: 'anna',
          computer: 'PC',
          since: new Date().toISOString(),
          beat: new Date().toISOString(),
        }),
      );
      expect(acquireRecordLock({ dir, account: 'bernd', computer: 'PC' }).held).toBe(true);
      // With its real start time it holds.
      const other = tempDir();
      writeFileSync(
        join(other, LOCK_FILE),
        JSON.stringify({
          token: 't',
          pid: process.ppid,
          started: processStart(process.ppid),
          account: 'anna',
          computer: 'PC',
          since: new Date().toISOString(),
          beat: new Date().toISOString(),
        }),
      );
      expect(acquireRecordLock({ dir: other, account: 'bernd', computer: 'PC' }).held).toBe(false);
    },
  );

  it('makes the record folder on a first start', () => {
    const dir = join(tempDir(), 'neu', 'daten');
    expect(acquireRecordLock({ dir, account: 'anna' }).held).toBe(true);
  });
});
