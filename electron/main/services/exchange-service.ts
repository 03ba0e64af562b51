import { randomUUID } from 'node:crypto';
import type { JournalEvent } from '../../../shared/journal/events';
import { mergeChains, newEvents, orderEvents, type ChainSet } from '../../../shared/journal/merge';
import {
  parseRecordExport,
  practiceKey,
  RECORD_EXPORT_FORMAT,
  RECORD_EXPORT_VERSION,
  type ImportRefusal,
  type RecordExport,
} from '../../../shared/record/export-format';
import { hasTypedContent } from '../../../shared/record/imported-content';
import type { Area } from '../../../shared/domain/log';
import type { Status } from '../../../shared/domain/constants';
import { verifyChain, type ChainProblemReason } from '../journal/verify';
import type { RecordService } from './record-service';

/** One side of a task that was changed on both PCs: the last status each side recorded. */
export interface ConflictSide {
  status: Status;
  by: string;
  at: string;
  computer: string;
}

export interface ImportPreview {
  previewId: string;
  /** The practice named in the file, when it differs from this PC's: the user must confirm before merging. */
  otherPractice?: string;
  fromComputer: string;
  installations: {
    installationId: string;
    computer: string;
    /** Events this PC does not have yet. */
    newEvents: number;
    people: string[];
    firstAt?: string;
    lastAt?: string;
  }[];
  /** Tasks changed here and in the file since they last met: both stay in the Protokoll, the later change wins. */
  conflicts: { taskId: string; area?: Area; ours: ConflictSide; theirs: ConflictSide; winner: 'ours' | 'theirs' }[];
  /** Nothing in the file is new here (e.g. the same file merged twice). */
  nothingNew: boolean;
}

export type PreviewOutcome =
  | { status: 'ready'; preview: ImportPreview }
  | {
      status: 'refused';
      refusal: ImportRefusal;
      computer?: string;
      line?: number;
      reason?: ChainProblemReason;
      /** `future-dated`: the latest time the file's new entries name. */
      at?: string;
    };

/**
 * How far ahead of this PC's clock a new entry in a file may be dated: one day.
 *
 * A file is carried from PC to PC, so everything in it was recorded before it is read; only a clock can date an
 * entry later. Clocks that are merely off (minutes of drift, a wrong time zone, up to 14 hours, or a hardware clock
 * kept in local time that Windows reads as UTC) stay within a day; their entries are taken as recorded and win over
 * a change made here for at most that long. An entry dated further ahead comes from a clock set to a wrong day,
 * month or year, or from a forged file: taken in, it would win over every change and every undo made here for that
 * task until that date ("the later recorded change wins"), so such a file is refused.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

interface Pending {
  preview: ImportPreview;
  /** Foreign installations whose chain grows, with the lines to keep. */
  writes: { installationId: string; computer: string; lines: string[] }[];
}

/** The statuses an event sets, by task. */
const statusesOf = (event: JournalEvent): { taskId: string; area?: Area; to: Status }[] => {
  if (event.kind === 'status-set' || event.kind === 'status-undone')
    return [{ taskId: event.data.taskId, area: event.data.area, to: event.data.to }];
  if (event.kind === 'step-checked' && event.data.startsTask)
    return [{ taskId: event.data.taskId, area: event.data.area, to: 'in-progress' }];
  // A carry-over from the app of version 2 sets each task it lists to the state that app had (see fold.ts), also
  // over a change made before it on another PC: it is a change of those tasks like any other.
  if (event.kind === 'store-migrated')
    return Object.entries(event.data.taskStates).map(([taskId, state]) => ({ taskId, to: state.history.at(-1)?.status ?? 'open' }));
  return [];
};

/**
 * Export and import of the practice record between PCs ("Für anderen PC exportieren", "Datei einlesen").
 *
 * An import is verified whole (every hash and link of every chain) before anything is shown; the preview says what
 * is new, from which PC and person, and which tasks were changed on both sides; nothing changes until the user
 * confirms; then the other PCs' journals are kept read-only beside this one and the state is the fold over the
 * union. Merging the same file twice changes nothing.
 */
export class ExchangeService {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly deps: {
      record: RecordService;
      appVersion: string;
      /** This PC's name (os.hostname()), written into exports so the other PC can name it. */
      computer: string;
      clock: () => Date;
    },
  ) {}

  /** The export file for this record: every chain this PC holds, line for line. */
  exportRecord(): RecordExport {
    const { record } = this.deps;
    const own = record.ownChain();
    return {
      format: RECORD_EXPORT_FORMAT,
      formatVersion: RECORD_EXPORT_VERSION,
      exportedAt: this.deps.clock().toISOString(),
      app: { name: 'Passwort-Lotse', version: this.deps.appVersion },
      practice: { id: practiceKey(record.state.practiceName), name: record.state.practiceName },
      from: record.installationId,
      installations: [
        { installationId: record.installationId, computer: this.deps.computer, lines: own.lines },
        ...[...record.foreignJournals.values()].map((j) => ({
          installationId: j.installationId,
          computer: j.computer,
          lines: j.report.lines,
        })),
      ],
    };
  }

  /** The names of the PCs this record knows, by installation id (this PC under its own name). */
  computers(): Map<string, string> {
    const names = new Map<string, string>([[this.deps.record.installationId, this.deps.computer]]);
    for (const journal of this.deps.record.foreignJournals.values()) names.set(journal.installationId, journal.computer);
    return names;
  }

  preview(text: string): PreviewOutcome {
    const parsed = parseRecordExport(text);
    if (!parsed.ok) return { status: 'refused', refusal: parsed.refusal };
    const file = parsed.file;
    const { record } = this.deps;
    const names = this.computers();
    const incoming = new Map<string, JournalEvent[]>();
    const lines = new Map<string, string[]>();
    const fileComputers = new Map<string, string>();
    for (const installation of file.installations) {
      if (incoming.has(installation.installationId)) return { status: 'refused', refusal: 'invalid' };
      const report = verifyChain(installation.installationId, installation.lines);
      const problem = report.problems[0];
      if (!report.ok || report.lines.length !== installation.lines.length) {
        // An export holds only lines that verified on the PC that wrote it: a break means the file was changed.
        return {
          status: 'refused',
          refusal: 'chain-broken',
          computer: installation.computer,
          ...(problem ? { line: problem.line, reason: problem.reason } : {}),
        };
      }
      incoming.set(installation.installationId, report.events);
      lines.set(installation.installationId, report.lines);
      // A name from a file is shown and printed: the schema refused control characters and unpaired surrogates.
      fileComputers.set(installation.installationId, installation.computer.trim());
    }
    const known = record.chains();
    const ownInFile = incoming.get(record.installationId);
    if (ownInFile) {
      // This PC's own chain may come back (an export of an export); it must be the beginning of what is here.
      const check = mergeChains(
        new Map([[record.installationId, known.get(record.installationId) ?? []]]),
        new Map([[record.installationId, ownInFile]]),
      );
      const ownNow = known.get(record.installationId) ?? [];
      if (!check.ok || ownInFile.length > ownNow.length) {
        return { status: 'refused', refusal: 'own-installation-differs', computer: fileComputers.get(record.installationId) ?? '' };
      }
    }
    const merged = mergeChains(known, incoming);
    if (!merged.ok)
      return {
        status: 'refused',
        refusal: 'installation-differs',
        computer: fileComputers.get(merged.installationId) ?? names.get(merged.installationId) ?? '',
      };

    const fresh = newEvents(known, incoming);
    const computerOf = (id: string) => fileComputers.get(id) || names.get(id) || id.slice(0, 8);
    // Only what this PC does not hold yet is checked: its own chain and what it merged before are read as they are.
    if (![...fresh.values()].every((events) => events.every(hasTypedContent))) return { status: 'refused', refusal: 'invalid' };
    const ahead = latestAfter(fresh, this.deps.clock().getTime() + MAX_CLOCK_AHEAD_MS);
    if (ahead) return { status: 'refused', refusal: 'future-dated', computer: computerOf(ahead.inst), at: ahead.at };
    const installations = [...fresh.entries()].map(([installationId, events]) => ({
      installationId,
      computer: computerOf(installationId),
      newEvents: events.length,
      people: [...new Set(events.map((e) => e.by).filter((by) => by !== ''))].sort((a, b) => a.localeCompare(b, 'de')),
      ...(events[0] ? { firstAt: events[0].at } : {}),
      ...(events.at(-1) ? { lastAt: events.at(-1)?.at } : {}),
    }));

    const previewId = randomUUID();
    const preview: ImportPreview = {
      previewId,
      fromComputer: fileComputers.get(file.from) ?? '',
      installations,
      conflicts: conflicts(known, incoming, merged.chains, fresh, computerOf),
      nothingNew: fresh.size === 0,
    };
    const ourName = record.state.practiceName;
    if (file.practice.name.trim() !== '' && ourName.trim() !== '' && practiceKey(file.practice.name) !== practiceKey(ourName)) {
      preview.otherPractice = file.practice.name;
    }
    const writes = [...fresh.keys()]
      .filter((id) => id !== record.installationId)
      .map((id) => ({ installationId: id, computer: computerOf(id), lines: lines.get(id) ?? [] }));
    // A PC whose name was lost (a crash between its journal and its name file) gets it back from the file, also
    // when nothing in it is new: its journal is written again as it is, with the name beside it.
    for (const [id, journal] of record.foreignJournals) {
      const name = fileComputers.get(id);
      if (journal.computer === '' && name && !fresh.has(id))
        writes.push({ installationId: id, computer: name, lines: [...journal.report.lines] });
    }
    this.pending.clear();
    this.pending.set(previewId, { preview, writes });
    return { status: 'ready', preview };
  }

  /** Merge what a preview showed. A file of another practice needs `confirmOtherPractice`. */
  apply(previewId: string, confirmOtherPractice: boolean): 'applied' | 'not-found' | 'confirm-practice' {
    const pending = this.pending.get(previewId);
    if (!pending) return 'not-found';
    if (pending.preview.otherPractice !== undefined && !confirmOtherPractice) return 'confirm-practice';
    if (pending.writes.length > 0) this.deps.record.addForeign(pending.writes);
    this.pending.delete(previewId);
    return 'applied';
  }

  cancel(previewId: string): void {
    this.pending.delete(previewId);
  }
}

/** Of the new events, the latest dated after `limit` (ms since 1970), if any. */
function latestAfter(fresh: ReadonlyMap<string, readonly JournalEvent[]>, limit: number): JournalEvent | undefined {
  let latest: { event: JournalEvent; time: number } | undefined;
  for (const events of fresh.values()) {
    for (const event of events) {
      const time = Date.parse(event.at);
      if (time > limit && (!latest || time > latest.time)) latest = { event, time };
    }
  }
  return latest?.event;
}

/**
 * Tasks whose status was changed both in `known` (events the file lacks) and in the file (events new here). The
 * winner is decided by the same order the state is folded in (`orderEvents` over the union), so the preview says
 * exactly what the merge will show, also when a PC's clock went back.
 */
function conflicts(
  known: ChainSet,
  incoming: ChainSet,
  merged: ChainSet,
  fresh: ReadonlyMap<string, readonly JournalEvent[]>,
  computerOf: (id: string) => string,
): ImportPreview['conflicts'] {
  const oursOnly = new Set<string>();
  for (const [id, events] of known) {
    const theirCopy = incoming.get(id)?.length ?? 0;
    for (const event of events.slice(theirCopy)) oursOnly.add(event.hash);
  }
  const theirsOnly = new Set([...fresh.values()].flatMap((events) => events.map((event) => event.hash)));
  type Last = { event: JournalEvent; to: Status; area?: Area; position: number };
  const mine = new Map<string, Last>();
  const theirs = new Map<string, Last>();
  orderEvents(merged).forEach((event, position) => {
    for (const status of statusesOf(event)) {
      const entry: Last = { event, to: status.to, position, ...(status.area ? { area: status.area } : {}) };
      if (oursOnly.has(event.hash)) mine.set(status.taskId, entry);
      if (theirsOnly.has(event.hash)) theirs.set(status.taskId, entry);
    }
  });
  const side = (entry: Last): ConflictSide => ({
    status: entry.to,
    by: entry.event.by,
    at: entry.event.at,
    computer: computerOf(entry.event.inst),
  });
  const out: ImportPreview['conflicts'] = [];
  for (const [taskId, their] of theirs) {
    const our = mine.get(taskId);
    if (!our) continue;
    const area = their.area ?? our.area;
    out.push({
      taskId,
      ...(area ? { area } : {}),
      ours: side(our),
      theirs: side(their),
      winner: their.position > our.position ? 'theirs' : 'ours',
    });
  }
  return out.sort((a, b) => a.taskId.localeCompare(b.taskId));
}
