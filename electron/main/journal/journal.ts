import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import {
  formatVersionOf,
  journalEventSchema,
  parseEvent,
  type BreakInfo,
  type EventDraft,
  type JournalEvent,
} from '../../../shared/journal/events';
import { fileStamp } from '../../../shared/format/date';

/**
 * The one module that writes the journal: one append-only, hash-chained file per installation (PC).
 *
 * Each line is the canonical JSON (RFC 8785) of one event. `hash` = SHA-256 over the canonical JSON of the event
 * without `hash`; `prev` = the hash of the line before. One action = one line, written and fsynced before
 * `append` returns. A broken file is never repaired or rewritten: new events go on in a new segment file.
 * The format is documented in docs/journal.md.
 */

/** The part of node:fs the journal uses, so tests can make the disk full or locked. */
export type JournalFs = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'ftruncateSync'
  | 'closeSync'
  | 'fstatSync'
  | 'readFileSync'
  | 'readdirSync'
  | 'existsSync'
  | 'mkdirSync'
  | 'renameSync'
  | 'writeFileSync'
>;

/** The longest line the journal reads or writes; a longer one is reported, never parsed. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;
export const JOURNAL_DIR = 'journal';

const NEWLINE = 0x0a;

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The file of segment n (1 = the first) of an installation's journal. */
export const segmentFileName = (installationId: string, segment: number): string =>
  segment === 1 ? `${installationId}.jsonl` : `${installationId}.${segment}.jsonl`;

// Segment numbers as the journal writes them: 2 and up, no leading zero (so no file is read twice as segment 1).
const SEGMENT_RE = /^([0-9a-f-]{36})(?:\.([2-9]|[1-9]\d{1,5}))?\.jsonl$/;

/** Segment numbers of an installation's journal files in a folder, ascending. */
export function listSegments(fs: JournalFs, dir: string, installationId: string): number[] {
  if (!fs.existsSync(dir)) return [];
  const segments: number[] = [];
  for (const name of fs.readdirSync(dir) as string[]) {
    const match = SEGMENT_RE.exec(name);
    if (match && match[1] === installationId) segments.push(match[2] ? Number(match[2]) : 1);
  }
  return segments.sort((a, b) => a - b);
}

/** Installation ids that have a journal in a folder. */
export function journalIds(fs: JournalFs, dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const ids = new Set<string>();
  for (const name of fs.readdirSync(dir) as string[]) {
    const match = SEGMENT_RE.exec(name);
    if (match?.[1]) ids.add(match[1]);
  }
  return [...ids].sort();
}

/** The canonical line of an event, hash included. */
export function eventLine(event: JournalEvent): string {
  return canonicalize(event) as string;
}

/** The hash a line must carry: SHA-256 of the line without its top-level `hash` member. */
export function expectedHashOfLine(line: string): string | undefined {
  // Keys are sorted (at, by, data, hash, inst, …); after `hash` come only ids, names and numbers, whose strings are
  // JSON-escaped, so the last `,"hash":"` is the top-level member.
  const at = line.lastIndexOf(',"hash":"');
  if (at < 0 || line.charCodeAt(at + 9 + 64) !== 0x22) return undefined;
  return sha256Hex(line.slice(0, at) + line.slice(at + 9 + 64 + 1));
}

/** One finding of opening a journal: a torn tail cut off, or a break in the chain. */
export type JournalFinding =
  | { kind: 'torn-tail'; file: string; keptAs: string; bytes: number }
  | { kind: 'break'; file: string; info: BreakInfo; known: boolean; newSegment?: string };

export interface OpenJournalResult {
  journal: Journal;
  findings: JournalFinding[];
  /** Events read (all that were folded), and lines that were not. */
  events: number;
  skipped: number;
}

export class JournalWriteError extends Error {
  override readonly name = 'JournalWriteError';
  constructor(readonly code: string) {
    super(`journal write failed: ${code}`);
  }
}

/**
 * Open (or create) an installation's journal, verify every line and feed each good event to `onEvent`.
 *
 * A torn last line (a crash mid-write) is cut off and kept beside the file. Any other bad line is reported and
 * skipped; the file stays as it is, and when it is the file new events would go to, a new segment is started
 * whose first event records the break.
 */
export function openJournal(options: {
  dir: string;
  installationId: string;
  osUser: string;
  onEvent: (event: JournalEvent) => void;
  clock?: () => Date;
  fs?: JournalFs;
}): OpenJournalResult {
  const fs = options.fs ?? nodeFs;
  const clock = options.clock ?? (() => new Date());
  const { dir, installationId } = options;
  fs.mkdirSync(dir, { recursive: true });
  const segments = listSegments(fs, dir, installationId);
  if (segments.length === 0) segments.push(1);
  const findings: JournalFinding[] = [];
  let prev = '';
  let seq = 0;
  let maxSeq = 0;
  let events = 0;
  let skipped = 0;
  let lastGood = { seq: 0, hash: '' };
  let pendingBreak: { file: string; info: BreakInfo } | undefined;
  let tornUncut = false;
  const folded = new Set<string>();
  /** A break of the segment before, to be recorded at the start of the (empty) active segment. */
  let unrecorded: { file: string; info: BreakInfo } | undefined;
  const recordsBreak = (event: JournalEvent, info: BreakInfo) =>
    event.kind === 'chain-break' && event.data.firstBad.line === info.line && event.data.firstBad.reason === info.reason;

  for (const [index, segment] of segments.entries()) {
    const name = segmentFileName(installationId, segment);
    const file = join(dir, name);
    const active = index === segments.length - 1;
    if (!fs.existsSync(file)) continue;
    let buffer: Buffer;
    try {
      buffer = fs.readFileSync(file);
    } catch {
      // Not a readable file (a folder of that name, no permission): nothing of it can be used or written to.
      if (pendingBreak) findings.push({ kind: 'break', file: pendingBreak.file, info: pendingBreak.info, known: false });
      pendingBreak = { file, info: { line: 1, reason: 'unreadable' } };
      continue;
    }
    if (active && buffer.length > 0 && buffer[buffer.length - 1] !== NEWLINE) {
      const cut = buffer.lastIndexOf(NEWLINE) + 1;
      const tail = readLine(buffer, cut, buffer.length, installationId);
      if (tail.ok) {
        // A whole, valid line that only lacks its line end (e.g. saved by an editor): complete it, lose nothing.
        try {
          const fd = fs.openSync(file, 'r+');
          try {
            fs.writeSync(fd, Buffer.from('\n'), 0, 1, buffer.length);
            fs.fsyncSync(fd);
          } finally {
            fs.closeSync(fd);
          }
          buffer = Buffer.concat([buffer, Buffer.from('\n')]);
        } catch {
          tornUncut = true;
        }
      } else {
        const keptAs = join(dir, `${installationId}.torn-${fileStamp(clock())}.part`);
        try {
          fs.writeFileSync(keptAs, buffer.subarray(cut));
          const fd = fs.openSync(file, 'r+');
          try {
            fs.ftruncateSync(fd, cut);
            fs.fsyncSync(fd);
          } finally {
            fs.closeSync(fd);
          }
        } catch {
          // The file is locked or read-only now: it stays as it is, and no line is added until the cut succeeds.
          tornUncut = true;
        }
        findings.push({ kind: 'torn-tail', file, keptAs, bytes: buffer.length - cut });
        buffer = buffer.subarray(0, cut);
      }
    }
    let firstBreak: BreakInfo | undefined;
    let line = 0;
    let start = 0;
    while (start < buffer.length) {
      let end = buffer.indexOf(NEWLINE, start);
      if (end < 0) end = buffer.length;
      line += 1;
      const outcome = readLine(buffer, start, end, installationId);
      start = end + 1;
      if (!outcome.ok) {
        skipped += 1;
        // Number on after every seq seen, also of lines that are not used, so no two lines share one.
        if (outcome.what.seq !== undefined) maxSeq = Math.max(maxSeq, outcome.what.seq);
        firstBreak ??= { line, reason: outcome.reason, ...outcome.what };
        continue;
      }
      const event = outcome.event;
      if (event.seq <= seq && folded.has(event.hash)) {
        // The very same line again (replayed or copied): it must not count twice.
        skipped += 1;
        firstBreak ??= { line, reason: 'seq-gap', ...describe(event) };
        continue;
      }
      maxSeq = Math.max(maxSeq, event.seq);
      if (event.prev !== prev || event.seq !== seq + 1) {
        // A break in the links: a line missing, inserted or moved before this one. The line itself is intact.
        const isRecordedBreak = line === 1 && pendingBreak !== undefined && recordsBreak(event, pendingBreak.info);
        if (!isRecordedBreak) firstBreak ??= { line, reason: event.prev !== prev ? 'chain-gap' : 'seq-gap', ...describe(event) };
      }
      if (line === 1 && pendingBreak) {
        // A segment that starts by recording the earlier break: that break is known and was reported when found.
        // Any other break there (e.g. an earlier line edited later) is new.
        findings.push({ kind: 'break', file: pendingBreak.file, info: pendingBreak.info, known: recordsBreak(event, pendingBreak.info) });
        pendingBreak = undefined;
      }
      if (!firstBreak) lastGood = { seq: event.seq, hash: event.hash };
      prev = event.hash;
      seq = event.seq;
      events += 1;
      folded.add(event.hash);
      options.onEvent(event);
    }
    if (pendingBreak) {
      // The segment after a break has no line yet (the record of the break was never written, e.g. the disk was
      // full): the break is recorded now, at the start of this segment.
      if (active && line === 0) unrecorded = pendingBreak;
      else findings.push({ kind: 'break', file: pendingBreak.file, info: pendingBreak.info, known: false });
    }
    pendingBreak = firstBreak ? { file, info: firstBreak } : undefined;
  }

  let activeSegment = segments.at(-1) as number;
  const journal = new Journal({ fs, dir, installationId, osUser: options.osUser, clock, segment: activeSegment, prev, seq });
  if (tornUncut) journal.markDirty();
  const toRecord = pendingBreak ?? unrecorded;
  if (toRecord) {
    // The file new events would go to is broken: leave it as it is and go on in a new segment (or in the empty one
    // that was started for this break before).
    if (pendingBreak) activeSegment += 1;
    const newSegment = join(dir, segmentFileName(installationId, activeSegment));
    journal.startSegment(activeSegment, Math.max(seq, maxSeq));
    const finding: Extract<JournalFinding, { kind: 'break' }> = { kind: 'break', file: toRecord.file, info: toRecord.info, known: false };
    findings.push(finding);
    const draft: EventDraft = {
      kind: 'chain-break',
      by: '',
      data: {
        brokenFile: toRecord.file.slice(dir.length + 1),
        lastGoodSeq: lastGood.seq,
        lastGoodHash: lastGood.hash,
        firstBad: toRecord.info,
        segment: activeSegment,
      },
    };
    try {
      const event = journal.append(draft);
      // Named in the warning only once the segment really holds the record of the break.
      finding.newSegment = newSegment;
      events += 1;
      options.onEvent(event);
    } catch (error) {
      // The disk refuses even this line: the app opens all the same, and the record of the break is written
      // first thing before the next event (or at the next start).
      if (!(error instanceof JournalWriteError)) throw error;
      // Only a disk that refused is worth waiting for; a record that cannot be made at all must not block the rest.
      if (error.code !== 'invalid-event' && error.code !== 'line-too-long') journal.deferFirst(draft);
      finding.newSegment = newSegment;
    }
  }
  return { journal, findings, events, skipped };
}

type LineOutcome =
  { ok: true; event: JournalEvent } | { ok: false; reason: BreakInfo['reason']; what: Partial<Omit<BreakInfo, 'line' | 'reason'>> };

function readLine(buffer: Buffer, start: number, end: number, installationId: string): LineOutcome {
  if (end - start > MAX_LINE_BYTES) return { ok: false, reason: 'too-long', what: {} };
  const text = buffer.toString('utf8', start, end);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unparsable', what: {} };
  }
  const what = describeRaw(raw);
  const parsed = parseEvent(raw);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, what };
  if (parsed.event.inst !== installationId) return { ok: false, reason: 'foreign-installation', what };
  if (expectedHashOfLine(text) !== parsed.event.hash) return { ok: false, reason: 'hash-mismatch', what };
  return { ok: true, event: parsed.event };
}

/** What a line says, for the warning: kept short and only from fields of the expected types. */
function describeRaw(raw: unknown): Partial<Omit<BreakInfo, 'line' | 'reason'>> {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const data = (typeof r['data'] === 'object' && r['data'] !== null ? r['data'] : {}) as Record<string, unknown>;
  // Cut at `max` UTF-16 units and made well-formed: a cut inside an emoji, or a lone surrogate in an edited line,
  // becomes U+FFFD, so the chain-break event that records this (canonical JSON) can always be written.
  const str = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max).toWellFormed() : undefined);
  const out: Partial<Omit<BreakInfo, 'line' | 'reason'>> = {};
  // Only a seq the journal could have written counts; a forged huge one must not stop the numbering.
  if (typeof r['seq'] === 'number' && Number.isSafeInteger(r['seq']) && r['seq'] > 0 && r['seq'] < 2 ** 40) out.seq = r['seq'];
  const at = str(r['at'], 40);
  const by = str(r['by'], 60);
  const kind = str(r['kind'], 40);
  const taskId = str(data['taskId'], 120);
  const to = str(data['to'], 40);
  if (at !== undefined) out.at = at;
  if (by !== undefined) out.by = by;
  if (kind !== undefined) out.kind = kind;
  if (taskId !== undefined) out.taskId = taskId;
  if (to !== undefined) out.to = to;
  return out;
}

const describe = (event: JournalEvent) => describeRaw(event);

/** The writer of one installation's journal; made by `openJournal`. */
export class Journal {
  private fd: number | undefined;
  /** The file's length after the last whole line this writer knows of; kept across a close. */
  private committed: number | undefined;
  /** A failed write could not be cut back: cut the file back before the next write. */
  private dirty = false;
  /** An event that must come first (the record of a break the disk refused at the start). */
  private deferred: EventDraft | undefined;
  private prev: string;
  private seq: number;
  private segment: number;

  constructor(
    private readonly deps: {
      fs: JournalFs;
      dir: string;
      installationId: string;
      osUser: string;
      clock: () => Date;
      segment: number;
      prev: string;
      seq: number;
    },
  ) {
    this.prev = deps.prev;
    this.seq = deps.seq;
    this.segment = deps.segment;
  }

  get installationId(): string {
    return this.deps.installationId;
  }

  get head(): { seq: number; hash: string } {
    return { seq: this.seq, hash: this.prev };
  }

  get file(): string {
    return join(this.deps.dir, segmentFileName(this.deps.installationId, this.segment));
  }

  /** Continue in a new segment file (after a break), numbering on after the highest seq seen. */
  startSegment(segment: number, lastSeq: number): void {
    this.close();
    this.committed = undefined;
    this.segment = segment;
    this.seq = lastSeq;
  }

  /** The file ends in a part line that could not be cut off yet: cut it before anything is added. */
  markDirty(): void {
    this.dirty = true;
  }

  /** Write this event before the next one (see `flushDeferred`). */
  deferFirst(draft: EventDraft): void {
    this.deferred = draft;
  }

  /** Write a deferred event now; returns it, or undefined when there was none. Throws like `append`. */
  flushDeferred(): JournalEvent | undefined {
    const draft = this.deferred;
    if (!draft) return undefined;
    const event = this.write(draft);
    this.deferred = undefined;
    return event;
  }

  /** The event a draft would become, chained to the current head; nothing is written. */
  build(draft: EventDraft): JournalEvent {
    const body = {
      v: formatVersionOf(draft),
      inst: this.deps.installationId,
      seq: this.seq + 1,
      at: draft.at ?? this.deps.clock().toISOString(),
      by: draft.by,
      os: this.deps.osUser,
      kind: draft.kind,
      data: draft.data,
      prev: this.prev,
    };
    return { ...body, hash: sha256Hex(canonicalize(body) as string) } as JournalEvent;
  }

  /**
   * Append one event and fsync it; returns the event once it is on disk.
   *
   * On any failure the file is cut back to where it was, so no half line stays, and the error is thrown. A
   * deferred event must be written first (`flushDeferred`); until then this refuses, so the break stays first.
   */
  append(draft: EventDraft): JournalEvent {
    if (this.deferred) throw new JournalWriteError('deferred-first');
    return this.write(draft);
  }

  private write(draft: EventDraft): JournalEvent {
    const event = this.build(draft);
    if (!journalEventSchema.safeParse(event).success) throw new JournalWriteError('invalid-event');
    const bytes = Buffer.from(`${eventLine(event)}\n`, 'utf8');
    if (bytes.length > MAX_LINE_BYTES) throw new JournalWriteError('line-too-long');
    const { fs } = this.deps;
    let written = false;
    let at = 0;
    try {
      const fd = this.open();
      at = this.committed ?? 0;
      let offset = 0;
      // Written at the known end, through a read-write handle: Windows cannot cut back a file opened for append.
      while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset, at + offset);
      written = true;
      fs.fsyncSync(fd);
    } catch (error) {
      this.rollBack(at, written);
      throw new JournalWriteError(errorCode(error));
    }
    this.committed = at + bytes.length;
    this.prev = event.hash;
    this.seq = event.seq;
    return event;
  }

  /** Write a whole new segment at once (temp file, fsync, rename); used for the carry-over of an older store. */
  createWith(drafts: readonly EventDraft[]): JournalEvent[] {
    const { fs } = this.deps;
    const file = this.file;
    if (fs.existsSync(file)) throw new JournalWriteError('exists');
    const events: JournalEvent[] = [];
    const lines: string[] = [];
    for (const draft of drafts) {
      const event = this.build(draft);
      if (!journalEventSchema.safeParse(event).success) throw new JournalWriteError('invalid-event');
      events.push(event);
      lines.push(eventLine(event));
      if (Buffer.byteLength(lines.at(-1) as string) >= MAX_LINE_BYTES) throw new JournalWriteError('line-too-long');
      this.prev = event.hash;
      this.seq = event.seq;
    }
    const temp = `${file}.tmp-${process.pid}`;
    const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
    const fd = fs.openSync(temp, 'w');
    try {
      let offset = 0;
      while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
    syncDir(fs, this.deps.dir);
    return events;
  }

  close(): void {
    if (this.fd !== undefined) {
      try {
        this.deps.fs.closeSync(this.fd);
      } catch {
        // Closing a descriptor that failed before is not worth a second error.
      }
    }
    this.fd = undefined;
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    const { fs } = this.deps;
    const file = this.file;
    if (!fs.existsSync(file)) {
      fs.closeSync(fs.openSync(file, 'a'));
      syncDir(fs, this.deps.dir);
    }
    const fd = fs.openSync(file, 'r+');
    try {
      if (this.dirty) {
        // Back to the last line this writer finished, or, when it knows none, to the file's last whole line.
        const content = fs.readFileSync(file);
        const end = this.committed ?? content.lastIndexOf(NEWLINE) + 1;
        if (end !== content.length) {
          fs.ftruncateSync(fd, end);
          fs.fsyncSync(fd);
        }
        this.dirty = false;
      }
      this.committed ??= fs.fstatSync(fd).size;
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
    this.fd = fd;
    return fd;
  }

  /** Cut the file back to its length before the failed write; if even that fails, cut it before the next write. */
  private rollBack(at: number, written: boolean): void {
    const { fs } = this.deps;
    if (this.fd !== undefined && this.committed !== undefined) {
      try {
        fs.ftruncateSync(this.fd, at);
        if (written) fs.fsyncSync(this.fd);
      } catch {
        this.dirty = true;
      }
    } else {
      this.dirty = true;
    }
    this.close();
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

/** Make a new file's name durable (POSIX); Windows cannot open folders, and needs no such step. */
function syncDir(fs: JournalFs, dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not supported on this platform.
  }
}
