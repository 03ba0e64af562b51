/**
 * The crash test: a child process applies random actions through the real main services and the real journal and
 * prints `ack <head>` after each call has returned; this parent kills it with SIGKILL at random moments, now and
 * then tears the unacknowledged last write (a power loss mid-write), and after every kill opens the journal, checks
 * that its chain verifies and that every acknowledged action is in it.
 *
 * Used by `npm run crash-test -- --kills N` (scripts/crash-test.ts) and tests/crash.test.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { build } from 'esbuild';
import { JOURNAL_DIR, journalIds, listSegments, openJournal, segmentFileName, sha256Hex } from '../electron/main/journal/journal';
import { STORE_NAME } from '../electron/main/store/open-state-store';
import { seededRandom } from './seeded-random';

export interface CrashTestOptions {
  /** How many times the child is killed. */
  kills: number;
  /** Seed of the random choices (the child's actions, the moments of the kills, the torn tails). */
  seed?: number;
  /** The user-data folder all children share; a fresh temp folder by default. */
  dir?: string;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Run the child on a journal fs that acknowledges writes before they are on disk: the test must then fail. */
  unsafe?: boolean;
}

export interface CrashTestResult {
  kills: number;
  seed: number;
  dir: string;
  /** Actions the child acknowledged (each a distinct journal head). */
  acknowledged: number;
  /** Acknowledged actions found in the journal at every check after their acknowledgement. */
  present: number;
  /** Acknowledged actions missing from the journal at some check. */
  lost: number;
  /** Torn last lines cut off on opening, by this test's checks or by a child's start. */
  tornTailsRepaired: number;
  /** Breaks in the chain reported on opening (there must be none). */
  breaks: number;
  /** What went wrong, for the report (the first few lost heads and breaks). */
  problems: string[];
}

const ROOT = join(import.meta.dirname, '..');
const ACK_RE = /^ack ([0-9a-f]{64})$/;
const READY_RE = /^ready (\d+) (\d+)$/;
/** How long a child may take to load or to start before the run is given up. */
const START_TIMEOUT_MS = 30_000;

/**
 * Bundle scripts/crash-child.ts with everything it imports into one .mjs file, so each start is a plain `node`
 * without a TypeScript loader. Paths inside the bundle do not depend on where it lies: the child gets the repo root
 * as an argument.
 */
async function bundleChild(outDir: string): Promise<string> {
  const outfile = join(outDir, 'crash-child.mjs');
  await build({
    entryPoints: [join(ROOT, 'scripts', 'crash-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'error',
    // Bundled CommonJS packages (ajv under conf) call require() for node built-ins.
    banner: { js: "import { createRequire as __crashRequire } from 'node:module'; const require = __crashRequire(import.meta.url);" },
  });
  // One plain run (it stops at the missing arguments) fills Node's compile cache, so each killed child loads faster.
  spawnSync(process.execPath, [outfile], { env: { ...process.env, ...childEnv(outDir) }, stdio: 'ignore' });
  return outfile;
}

const childEnv = (work: string) => ({ NODE_COMPILE_CACHE: join(work, 'compile-cache') });

/** One child: started ahead (loaded and waiting for go), then run on the folder until killed. */
class Child {
  readonly acks: string[] = [];
  stderr = '';
  ready: { torn: number; breaks: number } | undefined;
  private readonly process: ChildProcess;
  private readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private buffered = '';
  private killed = false;
  private listeners: (() => void)[] = [];

  constructor(bundle: string, dir: string, seed: number, options: { unsafe: boolean; work: string }) {
    this.process = spawn(process.execPath, [bundle, dir, ROOT, String(seed), '--wait'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...childEnv(options.work), PL_CRASH_UNSAFE: options.unsafe ? '1' : '0' },
    });
    this.closed = new Promise((resolve) => this.process.once('close', (code, signal) => resolve({ code, signal })));
    this.process.stdout?.setEncoding('utf8');
    this.process.stdout?.on('data', (chunk: string) => this.read(chunk));
    this.process.stderr?.setEncoding('utf8');
    this.process.stderr?.on('data', (chunk: string) => {
      if (this.stderr.length < 20_000) this.stderr += chunk;
    });
    // A child killed before it read its go makes the pipe fail; that is expected.
    this.process.stdin?.on('error', () => undefined);
  }

  private read(chunk: string): void {
    this.buffered += chunk;
    let newline = this.buffered.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffered.slice(0, newline);
      this.buffered = this.buffered.slice(newline + 1);
      const ack = ACK_RE.exec(line);
      const ready = READY_RE.exec(line);
      if (ack?.[1]) this.acks.push(ack[1]);
      else if (ready) this.ready = { torn: Number(ready[1]), breaks: Number(ready[2]) };
      newline = this.buffered.indexOf('\n');
    }
    for (const listener of this.listeners) listener();
  }

  go(): void {
    this.process.stdin?.write('go\n');
  }

  /** Resolves when the condition holds; rejects when the child ends or the time is up first. */
  until(condition: () => boolean, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (condition()) done();
      };
      const timer = setTimeout(
        () => done(new Error(`crash child: no ${what} within ${START_TIMEOUT_MS} ms\n${this.stderr}`)),
        START_TIMEOUT_MS,
      );
      this.listeners.push(check);
      void this.closed.then(({ code, signal }) => {
        if (!this.killed)
          done(new Error(`crash child ended by itself (code ${code}, signal ${signal}) while waiting for ${what}\n${this.stderr}`));
      });
      check();
    });
  }

  /** SIGKILL, then wait until it is gone and every line it wrote has been read. */
  async kill(): Promise<void> {
    if (!this.killed) {
      this.killed = true;
      this.process.kill('SIGKILL');
    }
    const { signal, code } = await this.closed;
    if (signal !== 'SIGKILL') throw new Error(`crash child ended by itself (code ${code}) before it was killed\n${this.stderr}`);
  }
}

/** The installation id of the folder: from the settings file, else from the one journal in the folder. */
function installationIdOf(dir: string): string | undefined {
  try {
    const settings = JSON.parse(readFileSync(join(dir, `${STORE_NAME}.json`), 'utf8')) as { installationId?: unknown };
    if (typeof settings.installationId === 'string') return settings.installationId;
  } catch {
    // Not written yet, or mid-write: the journal folder says it too.
  }
  const ids = journalIds(nodeFs, join(dir, JOURNAL_DIR));
  return ids.length === 1 ? ids[0] : undefined;
}

/** The file new events go to: the highest-numbered segment. */
function activeSegment(dir: string, installationId: string): string | undefined {
  const segment = listSegments(nodeFs, join(dir, JOURNAL_DIR), installationId).at(-1);
  return segment === undefined ? undefined : join(dir, JOURNAL_DIR, segmentFileName(installationId, segment));
}

/**
 * A power loss mid-write: append a prefix (no newline) of the line the next action would have written. That write
 * was never acknowledged, so opening the journal may cut it off. Returns whether a tail was torn.
 */
function tearTail(dir: string, random: () => number): boolean {
  const id = installationIdOf(dir);
  const file = id && activeSegment(dir, id);
  if (!file) return false;
  const content = readFileSync(file, 'utf8');
  const lines = content.split('\n').filter((line) => line !== '');
  const lastLine = lines.at(-1);
  if (!content.endsWith('\n') || !lastLine) return false;
  const last = JSON.parse(lastLine) as Record<string, unknown>;
  const { hash: _hash, ...rest } = last;
  const body = { ...rest, seq: Number(last['seq']) + 1, prev: last['hash'], at: new Date().toISOString() };
  const line = canonicalize({ ...body, hash: sha256Hex(canonicalize(body) as string) }) as string;
  const length = 1 + Math.floor(random() * line.length);
  nodeFs.appendFileSync(file, line.slice(0, length));
  return true;
}

/** Open the journal as the app would; every event's hash and the findings. */
function checkJournal(dir: string): { hashes: Set<string>; torn: number; breaks: string[] } {
  const hashes = new Set<string>();
  const installationId = installationIdOf(dir);
  if (!installationId) return { hashes, torn: 0, breaks: [] };
  const opened = openJournal({
    dir: join(dir, JOURNAL_DIR),
    installationId,
    osUser: 'crash-test',
    onEvent: (event) => hashes.add(event.hash),
  });
  opened.journal.close();
  const torn = opened.findings.filter((f) => f.kind === 'torn-tail').length;
  // A break found once is recorded in the journal and reported as known from then on: count each break once.
  const breaks = opened.findings.flatMap((f) =>
    f.kind === 'break' && !f.known ? [`${f.file} line ${f.info.line}: ${f.info.reason}`] : [],
  );
  return { hashes, torn, breaks };
}

/** How many children are loaded ahead, waiting for their go: loading takes longer than one round. */
const LOADED_AHEAD = 2;

/** Kill the child `kills` times and check the journal after each kill. */
export async function runCrashTest(options: CrashTestOptions): Promise<CrashTestResult> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  const log = options.log ?? (() => undefined);
  const work = mkdtempSync(join(tmpdir(), 'pl-crash-'));
  const dir = options.dir ?? join(work, 'user-data');
  const acknowledged = new Set<string>();
  const lost = new Set<string>();
  const problems: string[] = [];
  let tornTailsRepaired = 0;
  let breaks = 0;
  const ahead: Child[] = [];
  let failed = false;
  try {
    const bundle = await bundleChild(work);
    const start = () => new Child(bundle, dir, Math.floor(random() * 2 ** 31), { unsafe: options.unsafe === true, work });
    for (let kill = 1; kill <= options.kills; kill += 1) {
      while (ahead.length < Math.min(LOADED_AHEAD, options.kills - kill + 1)) ahead.push(start());
      const child = ahead.shift() as Child;
      const began = Date.now();
      child.go();
      // Load the next children while this one runs; they touch the folder only when they get their go.
      while (ahead.length < Math.min(LOADED_AHEAD, options.kills - kill)) ahead.push(start());

      const plan = random();
      let moment: string;
      if (plan < 0.05) {
        // Now and then during the start itself (opening the journal and the settings store).
        const ms = Math.floor(random() * 200);
        await delay(ms);
        moment = `${ms} ms after go`;
      } else {
        await child.until(() => child.ready !== undefined, 'ready');
        const readyAfter = Date.now() - began;
        if (plan < 0.55) {
          const target = child.acks.length + Math.floor(random() * 31);
          await child.until(() => child.acks.length >= target, `${target} acks`);
          moment = `ready after ${readyAfter} ms, then ${target} acks`;
        } else {
          const ms = Math.floor(random() * 41);
          await delay(ms);
          moment = `ready after ${readyAfter} ms, then ${ms} ms`;
        }
      }
      await child.kill();
      for (const head of child.acks) acknowledged.add(head);
      if (child.ready) {
        tornTailsRepaired += child.ready.torn;
        breaks += child.ready.breaks;
        if (child.ready.breaks > 0) problems.push(`kill ${kill}: the child's start reported ${child.ready.breaks} break(s)`);
      }

      // A power loss that tore the last, unacknowledged write: cut off by this check, or by the next child's start.
      const tear = random();
      if (tear < 0.05) tearTail(dir, random);
      const checked = checkJournal(dir);
      if (tear >= 0.05 && tear < 0.1 && kill < options.kills) tearTail(dir, random);

      tornTailsRepaired += checked.torn;
      breaks += checked.breaks.length;
      for (const problem of checked.breaks) problems.push(`kill ${kill}: break ${problem}`);
      for (const head of acknowledged) {
        if (checked.hashes.has(head) || lost.has(head)) continue;
        lost.add(head);
        if (problems.length < 20) problems.push(`kill ${kill}: acknowledged ${head} is not in the journal`);
      }
      log(
        `kill ${kill}/${options.kills} (${moment}): ${child.acks.length} acks, ${acknowledged.size} in all, ${checked.hashes.size} events, lost ${lost.size}, torn tails repaired ${tornTailsRepaired}`,
      );
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await Promise.all(ahead.map((child) => child.kill().catch(() => undefined)));
    // The user-data folder stays when something was wrong, to be looked at.
    if ((failed || problems.length > 0) && options.dir === undefined) rmSync(join(work, 'crash-child.mjs'), { force: true });
    else rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
  return {
    kills: options.kills,
    seed,
    dir,
    acknowledged: acknowledged.size,
    present: acknowledged.size - lost.size,
    lost: lost.size,
    tornTailsRepaired,
    breaks,
    problems,
  };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
