import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One writer per record folder. A record folder can be shared by every Windows user of a PC (the machine-wide
 * data folder), and two users can be signed in at once (fast user switching, a terminal server). Electron's
 * single-instance lock is per user, so the record carries its own lock: a file made with O_EXCL naming who holds
 * it. The second instance opens the record read-only and says who has it open.
 *
 * A lock left by a killed process is taken over: on the same computer when its process is gone, on another
 * computer (a record folder on a network share) when its heartbeat is older than STALE_AFTER_MS. Before every
 * write the holder checks that the lock is still its own (a PC that slept for hours may find it taken over), so
 * there is never a second writer, only, at worst, a writer that turned read-only.
 */
export const LOCK_FILE = 'passwort-lotse.lock';
export const HEARTBEAT_MS = 30_000;
export const STALE_AFTER_MS = 5 * 60_000;

export interface LockHolder {
  /** The operating-system account and computer that hold the record, and since when. */
  account: string;
  computer: string;
  since: string;
}

interface LockContent extends LockHolder {
  token: string;
  pid: number;
  /** When the holding process started, where the system tells (Linux); tells a reused process id from the holder. */
  started?: string;
  beat: string;
}

export type LockFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'closeSync' | 'readFileSync' | 'writeFileSync' | 'unlinkSync' | 'renameSync' | 'linkSync'
>;

export type AcquireOutcome = { held: true; lock: RecordLock } | { held: false; holder: LockHolder | undefined };

/** When a process started, in clock ticks since boot (Linux /proc); undefined where the system does not say. */
export function processStart(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = nodeFs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name in parentheses may contain spaces; field 22 (starttime) is the 20th after the closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Whether the process that made a lock still runs on this computer (EPERM: it runs, under another account). Where
 * the system tells when a process started, a process id given again to another process does not count.
 */
export function processAlive(pid: number, started?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EPERM') return false;
  }
  const now = started === undefined ? undefined : processStart(pid);
  return now === undefined || now === started;
}

export class RecordLock {
  private timer: ReturnType<typeof setInterval> | undefined;
  private released = false;

  constructor(
    private readonly file: string,
    private readonly content: LockContent,
    private readonly deps: { fs: LockFs; clock: () => Date },
  ) {}

  get holder(): LockHolder {
    return { account: this.content.account, computer: this.content.computer, since: this.content.since };
  }

  /** Whether the lock file still names this instance (false once another instance took it over). */
  stillOurs(): boolean {
    if (this.released) return false;
    return readLock(this.deps.fs, this.file)?.token === this.content.token;
  }

  /** Refresh the heartbeat every HEARTBEAT_MS (for a record folder on a network share); the timer does not keep the app alive. */
  startHeartbeat(intervalMs = HEARTBEAT_MS): void {
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  beat(): void {
    if (!this.stillOurs()) return;
    const next = { ...this.content, beat: this.deps.clock().toISOString() };
    try {
      const temp = `${this.file}.${this.content.token}.tmp`;
      this.deps.fs.writeFileSync(temp, JSON.stringify(next));
      this.deps.fs.renameSync(temp, this.file);
    } catch {
      // A missed heartbeat only matters after STALE_AFTER_MS and only on another computer; the next one tries again.
    }
  }

  /** Give the record free (at quit); a lock taken over by another instance is left alone. */
  release(): void {
    if (this.timer) clearInterval(this.timer);
    if (!this.stillOurs()) return;
    this.released = true;
    try {
      this.deps.fs.unlinkSync(this.file);
    } catch {
      // Already gone: nothing to give free.
    }
  }
}

function readLock(fs: LockFs, file: string): LockContent | undefined {
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8') as string);
    if (typeof raw !== 'object' || raw === null) return undefined;
    const value = raw as Record<string, unknown>;
    const str = (key: string) => (typeof value[key] === 'string' ? (value[key] as string).slice(0, 256) : '');
    return {
      token: str('token'),
      pid: typeof value['pid'] === 'number' ? value['pid'] : -1,
      ...(typeof value['started'] === 'string' ? { started: value['started'].slice(0, 40) } : {}),
      account: str('account'),
      computer: str('computer'),
      since: str('since'),
      beat: str('beat'),
    };
  } catch {
    return undefined;
  }
}

/** Whether a lock can be taken over: its process is gone (same computer) or its heartbeat is old (another computer). */
function isStale(
  lock: LockContent | undefined,
  now: Date,
  computer: string,
  ownPid: number,
  alive: (pid: number, started?: string) => boolean,
): boolean {
  // Unreadable: a crash while the file was first written (it is written in one call, so this is rare).
  if (!lock) return true;
  const beat = Date.parse(lock.beat);
  const silent = Number.isNaN(beat) || now.getTime() - beat > STALE_AFTER_MS;
  // This very process opening the record again (tests restart the services in one process) replaces its own lock.
  // On this computer a process that is gone left it; so did one whose heartbeat stopped (its id may have been given
  // to another process since, e.g. after the PC was switched off with the app open). The clock is the same here.
  if (lock.computer === computer) return lock.pid <= 0 || lock.pid === ownPid || !alive(lock.pid, lock.started) || silent;
  return silent;
}

/** Take the record folder's lock, or learn who holds it. Never throws for a lock held by another instance. */
export function acquireRecordLock(options: {
  dir: string;
  account: string;
  computer?: string;
  clock?: () => Date;
  fs?: LockFs;
  alive?: (pid: number, started?: string) => boolean;
  pid?: number;
}): AcquireOutcome {
  const fs = options.fs ?? nodeFs;
  // The folder may not exist yet (a first start); the journal would make it a moment later anyway.
  try {
    nodeFs.mkdirSync(options.dir, { recursive: true });
  } catch {
    // Then the lock cannot be made either: read-only below.
  }
  const clock = options.clock ?? (() => new Date());
  const computer = options.computer ?? hostname();
  const alive = options.alive ?? processAlive;
  const file = join(options.dir, LOCK_FILE);
  const now = clock().toISOString();
  const content: LockContent = {
    token: randomUUID(),
    pid: options.pid ?? process.pid,
    ...(options.pid === undefined && processStart(process.pid) !== undefined ? { started: processStart(process.pid) as string } : {}),
    account: options.account.slice(0, 256),
    computer: computer.slice(0, 256),
    since: now,
    beat: now,
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = fs.openSync(file, 'wx');
      try {
        fs.writeSync(fd, JSON.stringify(content));
      } finally {
        fs.closeSync(fd);
      }
      // Two instances that both found the same stale lock: only the one whose token is in the file goes on.
      if (readLock(fs, file)?.token !== content.token) break;
      return { held: true, lock: new RecordLock(file, content, { fs, clock }) };
    } catch (error) {
      // Anything but "it exists" (no permission, a file being deleted, a scanner holding it): this instance does not
      // write; it opens the record read-only and says so, rather than failing to start.
      if ((error as { code?: string }).code !== 'EEXIST') return { held: false, holder: undefined };
      const current = readLock(fs, file);
      if (attempt > 0 || !isStale(current, clock(), computer, content.pid, alive)) {
        return {
          held: false,
          holder: current ? { account: current.account, computer: current.computer, since: current.since } : undefined,
        };
      }
      // Left by a process that is gone: set it aside under a unique name (rename is atomic, so of two instances
      // only one moves this very file), then try once more to make ours.
      const aside = `${file}.stale-${content.token}`;
      try {
        fs.renameSync(file, aside);
        const moved = readLock(fs, aside);
        if (current && moved?.token !== current.token) {
          // Another instance took the stale lock over in between: what was moved is its live lock. Put it back (only
          // where no third instance made one meanwhile: a hard link never replaces a file) and leave the record to it.
          try {
            fs.linkSync(aside, file);
          } finally {
            fs.unlinkSync(aside);
          }
          return { held: false, holder: moved ? { account: moved.account, computer: moved.computer, since: moved.since } : undefined };
        }
        fs.unlinkSync(aside);
      } catch {
        // Another instance was quicker; the second attempt sees its lock.
      }
    }
  }
  const current = readLock(fs, file);
  return { held: false, holder: current ? { account: current.account, computer: current.computer, since: current.since } : undefined };
}
