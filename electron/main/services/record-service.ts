import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { writeFileAtomically } from '../store/atomic-write';
import { join } from 'node:path';
import { fileStamp } from '../../../shared/format/date';
import type { ChainProblemReason } from '../../../shared/domain/constants';
import type { JournalEvent, EventDraft } from '../../../shared/journal/events';
import { RecordFold, type FoldChange, type RecordState } from '../../../shared/journal/fold';
import { mergeChains, orderEvents, type ChainSet } from '../../../shared/journal/merge';
import type { TaskState } from '../../../shared/domain/status';
import { openJournal, type Journal, type JournalFinding, type JournalFs } from '../journal/journal';
import { readJournalLines, verifyChain, type ChainReport } from '../journal/verify';

/** Where journals merged in from other PCs are kept, read-only, beside this PC's own. */
export const IMPORTED_DIR = 'imported';

/** A journal of another PC as this PC keeps it. */
export interface ForeignJournal {
  installationId: string;
  computer: string;
  /** The chain as used: the whole file, or, when the file was damaged on disk, its intact part (which verifies). */
  report: ChainReport;
}

/**
 * An imported journal that could not be used whole: damaged on disk after the import, or not readable at all (a
 * folder in its place). Its file is left as it is; what of it is intact is used.
 */
export interface ForeignProblem {
  /** Empty when the folder of imported journals itself cannot be read. */
  installationId: string;
  computer: string;
  /** The damaged file (or folder). */
  file: string;
  /** The first problem: its line (absent when nothing could be read) and why. */
  line?: number;
  reason: ChainProblemReason | 'unreadable';
  /** The file as it is, verified (every problem in it); absent when it could not be read. */
  report?: ChainReport;
  /** Events of it that are used: its intact beginning. */
  kept: number;
}

const IMPORTED_NAME = /^([0-9a-f-]{36})\.jsonl$/;

/**
 * The practice's record on this PC: the journal on disk and its fold in memory.
 *
 * Every change is one appended, fsynced journal line first; only then is it folded into the state, so the state
 * never shows what the disk does not hold. Journals merged in from other PCs ("Datei einlesen") are kept read-only
 * in `imported/`; the state is then the fold over the union of all chains in one deterministic order
 * (`orderEvents`), the same on every PC that holds the same chains.
 */
export class RecordService {
  private fold: RecordFold;
  private readonly journal: Journal;
  private readonly dir: string;
  private readonly fs: JournalFs | undefined;
  private foreign = new Map<string, ForeignJournal>();
  /** The order key of the last event folded; an own event that sorts before it (a clock behind) re-folds all. */
  private lastKey: OrderKey | undefined;
  /** This PC's chain time floor: its events never sort before an earlier one of its own (see orderEvents). */
  private ownFloor = -Infinity;
  private readonly clock: () => Date;
  readonly findings: readonly JournalFinding[];
  /**
   * Imported journals that no longer verify on disk (damaged or changed after the import) or cannot be read: only
   * their intact part is in the state; reported.
   */
  readonly foreignProblems: ForeignProblem[] = [];

  constructor(deps: { dir: string; installationId: string; osUser: string; clock: () => Date; fs?: JournalFs }) {
    this.dir = deps.dir;
    this.fs = deps.fs;
    this.clock = deps.clock;
    this.fold = new RecordFold(deps.installationId);
    this.loadForeign(deps.installationId);
    const collectOwn = this.foreign.size > 0;
    const own: JournalEvent[] = [];
    const opened = openJournal({
      dir: deps.dir,
      installationId: deps.installationId,
      osUser: deps.osUser,
      clock: deps.clock,
      ...(deps.fs ? { fs: deps.fs } : {}),
      onEvent: (event) => (collectOwn ? own.push(event) : this.applyInOrder(event)),
    });
    this.journal = opened.journal;
    this.findings = opened.findings;
    if (collectOwn) this.refold(own);
  }

  get state(): RecordState {
    return this.fold.state;
  }

  get installationId(): string {
    return this.journal.installationId;
  }

  /** The file new events go to. */
  get file(): string {
    return this.journal.file;
  }

  /** The folder of this PC's journal (and of `imported/`). */
  get journalDir(): string {
    return this.dir;
  }

  /** Journals of other PCs merged into this record, by installation id. */
  get foreignJournals(): ReadonlyMap<string, ForeignJournal> {
    return this.foreign;
  }

  taskState(taskId: string): TaskState {
    return this.fold.taskState(taskId);
  }

  /** Append one event (throws JournalWriteError when the disk refuses), then fold it. */
  append(draft: EventDraft): { event: JournalEvent; change: FoldChange } {
    // A break the disk refused to record at the start is recorded first, so it stays ahead of what follows.
    const deferred = this.journal.flushDeferred();
    if (deferred) this.applyOwn(deferred);
    const event = this.journal.append(draft);
    return { event, change: this.applyOwn(event) };
  }

  /** This PC's chain as it is on disk, verified (read-only). */
  ownChain(): ChainReport {
    return verifyChain(this.installationId, readJournalLines(this.dir, this.installationId, this.fs));
  }

  /** Every chain of the record: this PC's own and the imported ones. */
  chains(): ChainSet {
    const chains = new Map<string, readonly JournalEvent[]>([[this.installationId, this.ownChain().events]]);
    for (const [id, foreign] of this.foreign) chains.set(id, foreign.report.events);
    return chains;
  }

  /**
   * Keep verified journals of other PCs beside this one and fold the union. Each file is written whole and
   * renamed into place, so a crash leaves either the old or the new copy. The caller has verified the chains and
   * checked that they extend what this PC holds (see ExchangeService).
   */
  addForeign(journals: readonly { installationId: string; computer: string; lines: readonly string[] }[]): void {
    const folder = join(this.dir, IMPORTED_DIR);
    // A damaged copy (or whatever lies in the place of one) is set aside, never overwritten: it may hold more.
    const damaged = new Map(this.foreignProblems.map((problem) => [problem.installationId, problem.file]));
    const aside = (path: string | undefined) => {
      if (path !== undefined && existsSync(path)) renameSync(path, `${path}.damaged-${fileStamp(this.clock())}`);
    };
    if (!isFolder(folder)) aside(damaged.get(''));
    mkdirSync(folder, { recursive: true });
    for (const journal of journals) {
      if (journal.installationId === this.installationId) continue;
      const file = join(folder, `${journal.installationId}.jsonl`);
      // The name first: a crash between the two must not leave a journal whose PC has no name.
      writeFileAtomically(join(folder, `${journal.installationId}.json`), `${JSON.stringify({ computer: journal.computer })}\n`);
      aside(damaged.get(journal.installationId));
      writeFileAtomically(file, `${journal.lines.join('\n')}\n`);
    }
    this.loadForeign(this.installationId);
    this.refold(this.ownChain().events);
  }

  close(): void {
    this.journal.close();
  }

  private loadForeign(own: string): void {
    this.foreign = new Map();
    this.foreignProblems.length = 0;
    const folder = join(this.dir, IMPORTED_DIR);
    if (!existsSync(folder)) return;
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      // A file in the place of the folder, or no permission: no imported journal can be read, this PC's still can.
      this.foreignProblems.push({ installationId: '', computer: '', file: folder, reason: 'unreadable', kept: 0 });
      return;
    }
    for (const name of names) {
      const match = IMPORTED_NAME.exec(name);
      const id = match?.[1];
      if (!id || id === own) continue;
      const file = join(folder, name);
      const computer = readComputer(join(folder, `${id}.json`));
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // A folder of that name, or a file that cannot be opened: left as it is, reported.
        this.foreignProblems.push({ installationId: id, computer, file, reason: 'unreadable', kept: 0 });
        continue;
      }
      const lines = text.split('\n').filter((line) => line !== '');
      const whole = verifyChain(id, lines);
      const report = whole.ok ? whole : intactPart(id, whole);
      if (report.count > 0) this.foreign.set(id, { installationId: id, computer, report });
      const first = whole.problems[0];
      if (first) {
        this.foreignProblems.push({
          installationId: id,
          computer,
          file,
          line: first.line,
          reason: first.reason,
          report: whole,
          kept: report.count,
        });
      }
    }
  }

  private refold(own: readonly JournalEvent[]): void {
    const chains = new Map<string, readonly JournalEvent[]>([[this.installationId, own]]);
    for (const [id, journal] of this.foreign) chains.set(id, journal.report.events);
    const merged = mergeChains(chains, new Map());
    this.fold = new RecordFold(this.installationId);
    this.lastKey = undefined;
    this.ownFloor = -Infinity;
    for (const event of orderEvents(merged.ok ? merged.chains : chains)) this.applyInOrder(event);
  }

  private applyInOrder(event: JournalEvent): FoldChange {
    this.lastKey = this.keyOf(event);
    return this.fold.apply(event);
  }

  /** The key orderEvents sorts by: time (never before the chain's own earlier events), installation, seq. */
  private keyOf(event: JournalEvent): OrderKey {
    let at = Date.parse(event.at);
    if (event.inst === this.installationIdOrEmpty) {
      this.ownFloor = Math.max(this.ownFloor, at);
      at = this.ownFloor;
    }
    return { at, inst: event.inst, seq: event.seq };
  }

  private get installationIdOrEmpty(): string {
    return this.fold.ownInstallation ?? '';
  }

  private applyOwn(event: JournalEvent): FoldChange {
    // With other PCs' events folded, an own event dated before the latest one (this PC's clock is behind) must
    // take its place in the common order: fold everything again. Without foreign journals the order is the chain's.
    const floor = Math.max(this.ownFloor, Date.parse(event.at));
    if (this.foreign.size > 0 && this.lastKey && compareKeys({ at: floor, inst: event.inst, seq: event.seq }, this.lastKey) < 0) {
      this.refold(this.ownChain().events);
      return { profile: true, practice: true, tasks: [...this.fold.state.taskStates.keys()] };
    }
    return this.applyInOrder(event);
  }
}

interface OrderKey {
  at: number;
  inst: string;
  seq: number;
}

function compareKeys(a: OrderKey, b: OrderKey): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.inst !== b.inst) return a.inst < b.inst ? -1 : 1;
  return a.seq - b.seq;
}

/**
 * The intact beginning of a chain that does not verify as a whole: every line that is a valid event of it (a damaged
 * or inserted line is left out), up to the first gap in the links. What follows a gap is not used: this PC's copy of
 * another PC's chain must stay the beginning of that chain, so a later import of it can extend the copy.
 */
function intactPart(installationId: string, whole: ChainReport): ChainReport {
  let lines = whole.lines;
  let report = verifyChain(installationId, lines);
  // Only gaps are left to find; each pass cuts at the first (a gap recorded after a cut is no longer recorded).
  while (!report.ok) {
    lines = lines.slice(0, (report.problems[0]?.line ?? 1) - 1);
    report = verifyChain(installationId, lines);
  }
  return report;
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function readComputer(file: string): string {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const computer = (raw as { computer?: unknown } | null)?.computer;
    return typeof computer === 'string' ? computer.slice(0, 120) : '';
  } catch {
    return '';
  }
}

/** The error a refused journal write raises, for the IPC router to tell the renderer (it imports no journal). */
export { JournalWriteError } from '../journal/journal';
