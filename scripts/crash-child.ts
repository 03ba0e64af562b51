/**
 * The child of the crash test (scripts/crash-test-lib.ts): applies random actions through the real main services
 * and the real journal until it is killed.
 *
 *   node crash-child.mjs <userDataDir> <repoRoot> <seed> [--wait]
 *
 * With --wait it loads (the slow part of a start) and then waits for a line on stdin before it touches the folder,
 * so the parent can start the next child while the current one is still running.
 *
 * Prints `ready <torn tails repaired> <new breaks>` once the services are up (the journal's findings on opening), then
 * `ack <head>` after each call that appended to the journal has returned. With PL_CRASH_UNSAFE=1 the journal writes
 * through a file system that skips fsync and holds each write back until later, so an acknowledged action may not
 * be on disk yet: the mode that proves the crash test can fail.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { defaultProfile, type Profile } from '../shared/domain/profile';
import { USER_STATUSES } from '../shared/domain/status';
import { startMainServices } from '../electron/main/bootstrap';
import type { JournalFs } from '../electron/main/journal/journal';
import { createMemoryLogger } from '../electron/main/logger';
import { ChecklistError } from '../electron/main/services/checklist-service';
import { confEngine } from '../electron/main/store/conf-engine';
import { seededRandom } from './seeded-random';

/** The journal's fs, but unsafe: no fsync, and writes are held back in memory and written (in order) 20 ms later. */
function unsafeJournalFs(): JournalFs {
  let pending: { fd: number; bytes: Buffer; position: number | null | undefined }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const queue = pending;
    pending = [];
    for (const write of queue) fs.writeSync(write.fd, write.bytes, 0, write.bytes.length, write.position);
  };
  const writeSync = (
    fd: number,
    buffer: NodeJS.ArrayBufferView,
    offset?: number | null,
    length?: number | null,
    position?: number | null,
  ): number => {
    const view = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const start = offset ?? 0;
    const bytes = Buffer.from(view.subarray(start, start + (length ?? view.length - start)));
    pending.push({ fd, bytes, position });
    timer ??= setTimeout(flush, 20);
    return bytes.length;
  };
  return {
    openSync: fs.openSync,
    writeSync: writeSync as typeof fs.writeSync,
    fsyncSync: () => undefined,
    ftruncateSync: ((fd: number, len?: number) => {
      flush();
      fs.ftruncateSync(fd, len);
    }) as typeof fs.ftruncateSync,
    closeSync: (fd: number) => {
      flush();
      fs.closeSync(fd);
    },
    fstatSync: ((fd: number) => {
      flush();
      return fs.fstatSync(fd);
    }) as typeof fs.fstatSync,
    readFileSync: fs.readFileSync,
    readdirSync: fs.readdirSync,
    existsSync: fs.existsSync,
    mkdirSync: fs.mkdirSync,
    renameSync: fs.renameSync,
    writeFileSync: fs.writeFileSync,
  };
}

const PRACTICE: Profile = {
  ...defaultProfile(),
  completed: true,
  products: ['x.comfort', 'x.isynet'],
  connector: 'yes',
  connectorModel: 'secunet',
  cardTerminals: [{ id: 't-1', model: 'ORGA 6141 online' }],
  computers: [
    { id: 'c-1', name: 'Empfang', server: false },
    { id: 'c-2', name: 'Sprechzimmer 1', server: false },
    { id: 'c-3', name: 'Server', server: true },
  ],
  windowsAccounts: 'personal',
  remoteTools: ['teamviewer'],
  firewall: 'yes',
  portals: ['email', 'kv-portal'],
};

const NAMES = ['Dr. Anna Berg', 'Mia Schulz', 'Jonas Weber', 'Praxis-Team'];

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Resolves at the first line on stdin (the parent's go). */
function waitForGo(): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (!chunk.includes(0x0a)) return;
      process.stdin.off('data', onData);
      process.stdin.pause();
      resolve();
    };
    process.stdin.on('data', onData);
    process.stdin.once('end', () => reject(new Error('stdin closed before go')));
  });
}

/** The app's main services on a folder, as the Electron entry builds them. */
function start(userDataDir: string, root: string, journalFs?: JournalFs) {
  return startMainServices({
    userDataDir,
    engine: confEngine,
    version: 'crash-test',
    packFile: join(root, 'assets', 'packs', 'medatixx-2021-11.json'),
    keysDir: join(root, 'assets', 'keys'),
    logger: createMemoryLogger(),
    osUser: 'crash-test',
    ...(journalFs ? { journalFs } : {}),
  });
}

async function main(argv: string[]): Promise<void> {
  const [userDataDir, root, seedArg, waitArg] = argv;
  if (!userDataDir || !root) throw new Error('usage: crash-child <userDataDir> <repoRoot> [seed] [--wait]');
  if (waitArg === '--wait') await waitForGo();
  const random = seededRandom(Number(seedArg ?? 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const { core } = start(userDataDir, root, process.env['PL_CRASH_UNSAFE'] === '1' ? unsafeJournalFs() : undefined);
  const findings = core.record.findings;
  const breaks = findings.filter((f) => f.kind === 'break' && !f.known).length;
  out(`ready ${findings.filter((f) => f.kind === 'torn-tail').length} ${breaks}`);

  const { handlers } = core;
  const steps = new Map((await handlers.getAdvisory()).guides.map((guide) => [guide.id, guide.steps.map((step) => step.id)]));
  /** Run one call; print its acknowledgement once it has returned, if it appended to the journal. */
  const act = async (call: () => { head: string } | Promise<{ head: string }>): Promise<void> => {
    const before = core.record.state.head;
    let head: string;
    try {
      ({ head } = await call());
    } catch (error) {
      if (error instanceof ChecklistError) return; // A refused transition: nothing was acknowledged.
      throw error;
    }
    if (head !== before) out(`ack ${head}`);
  };

  if (core.settings.get().userName.trim() === '') await act(() => handlers.updateSettings({ userName: pick(NAMES) }));
  if (!core.record.state.profile.completed || core.checklist.tasks().length < 5) await act(() => handlers.saveProfile(PRACTICE));
  const tasks = core.checklist.tasks();
  if (tasks.length === 0) throw new Error('the practice has no tasks');

  for (;;) {
    const task = pick(tasks);
    const roll = random();
    if (roll < 0.45) {
      const status = pick(USER_STATUSES);
      await act(() =>
        handlers.setTaskStatus({ taskId: task.id, status, ...(status === 'not-applicable' ? { reason: 'Gerät nicht vorhanden' } : {}) }),
      );
    } else if (roll < 0.8) {
      const stepIds = steps.get(task.guideId) ?? [];
      if (stepIds.length > 0) await act(() => handlers.checkStep({ taskId: task.id, stepId: pick(stepIds), checked: random() < 0.6 }));
    } else if (roll < 0.96) {
      await act(() => handlers.undoTaskStatus({ taskId: task.id }));
    } else {
      await act(() => handlers.updateSettings({ userName: pick(NAMES) }));
    }
    // Let timers run (the unsafe mode's late writes) and give the kill a chance to land between actions too.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`crash-child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
