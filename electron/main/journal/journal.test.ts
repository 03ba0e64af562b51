import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import canonicalize from 'canonicalize';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventDraft, JournalEvent } from '../../../shared/journal/events';
import { foldEvents, RecordFold } from '../../../shared/journal/fold';
import { APP_ORIGIN, journalNotices, startMainServices } from '../bootstrap';
import type { SenderInfo } from '../ipc/router';
import { createMemoryLogger } from '../logger';
import { confEngine } from '../store/conf-engine';
import {
  expectedHashOfLine,
  JournalWriteError,
  MAX_LINE_BYTES,
  openJournal,
  segmentFileName,
  type JournalFinding,
  type JournalFs,
} from './journal';

const INST = '3f2b8c1e-7a4d-4e2f-9b6a-1c5d8e9f0a12';
const OTHER_INST = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const OS_USER = 'PRAXIS\\empfang';
const ROOT = join(import.meta.dirname, '..', '..', '..');
const PACK_FILE = join(ROOT, 'assets', 'packs', 'medatixx-2021-11.json');
const KEYS_DIR = join(ROOT, 'assets', 'keys');

const pvs = { taskId: 'pvs:x.comfort', area: 'pvs', guideId: 'pvs-x.comfort', guideVersion: '1.1' } as const;

/** What a practice does in its first minutes with the app, one action per line, in a loop for longer journals. */
const DRAFTS: readonly EventDraft[] = [
  {
    kind: 'names-changed',
    by: 'Sabine Yilmaz',
    data: { practice: { from: '', to: 'Hausarztpraxis Dr. Weiß' }, user: { from: '', to: 'Sabine Yilmaz' } },
  },
  { kind: 'step-checked', by: 'Sabine Yilmaz', data: { ...pvs, stepId: 'vendor-guide', checked: true, startsTask: true } },
  { kind: 'status-set', by: 'Sabine Yilmaz', data: { ...pvs, from: 'in-progress', to: 'done' } },
  {
    kind: 'status-set',
    by: 'Sabine Yilmaz',
    data: {
      taskId: 'firewall',
      area: 'windows',
      from: 'open',
      to: 'not-applicable',
      guideId: 'firewall',
      guideVersion: '1.0',
      reason: 'Router gehört dem Vermieter',
    },
  },
  {
    kind: 'step-checked',
    by: 'Dr. Jörg Weiß',
    data: {
      taskId: 'windows:pc-empfang-1',
      area: 'windows',
      stepId: 'clean',
      checked: true,
      guideId: 'windows-workstation',
      guideVersion: '1.0',
      startsTask: true,
    },
  },
  { kind: 'status-undone', by: 'Dr. Jörg Weiß', data: { ...pvs, from: 'done', to: 'in-progress' } },
  {
    kind: 'status-set',
    by: 'Dr. Jörg Weiß',
    data: {
      taskId: 'connector:x.comfort',
      area: 'connector',
      from: 'open',
      to: 'handed-to-it',
      guideId: 'connector-x.comfort',
      guideVersion: '1.0',
    },
  },
  { kind: 'pack-declined', by: 'Dr. Jörg Weiß', data: { packId: 'medatixx-2021-11', revision: 3 } },
];
const draftAt = (i: number): EventDraft => DRAFTS[i % DRAFTS.length] as EventDraft;

/** A clock that moves on a minute per reading, so every line has its own time. */
function fakeClock(start = '2026-03-02T08:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 60_000));
}

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pl-journal-'));
  dirs.push(dir);
  return dir;
}

const fileOf = (dir: string, segment = 1) => join(dir, segmentFileName(INST, segment));

/** Open the journal in a folder, collecting and folding every event it reads. */
function openAt(dir: string, fs?: JournalFs) {
  const seen: JournalEvent[] = [];
  const fold = new RecordFold();
  const result = openJournal({
    dir,
    installationId: INST,
    osUser: OS_USER,
    clock: fakeClock('2026-03-09T10:00:00.000Z'),
    ...(fs ? { fs } : {}),
    onEvent: (event) => {
      seen.push(event);
      fold.apply(event);
    },
  });
  return { ...result, seen, fold };
}

/** A journal of n realistic events in a fresh temp folder. */
function makeJournal(n: number) {
  const dir = tempDir();
  const opened = openJournal({ dir, installationId: INST, osUser: OS_USER, clock: fakeClock(), onEvent: () => undefined });
  const events: JournalEvent[] = [];
  for (let i = 0; i < n; i += 1) events.push(opened.journal.append(draftAt(i)));
  opened.journal.close();
  return { dir, file: fileOf(dir), events };
}

const linesOf = (file: string): string[] => readFileSync(file, 'utf8').split('\n').slice(0, -1);
const writeLines = (file: string, lines: readonly string[]) => writeFileSync(file, lines.map((line) => `${line}\n`).join(''));

/** The line a tool other than this app would write: canonical JSON, hashed over the event without `hash`. */
function forgeLine(body: Record<string, unknown>): string {
  const hash = createHash('sha256')
    .update(canonicalize(body) as string, 'utf8')
    .digest('hex');
  return canonicalize({ ...body, hash }) as string;
}
const withoutHash = (event: JournalEvent): Record<string, unknown> => {
  const { hash: _hash, ...body } = event;
  return body;
};

/**
 * Open a journal broken at `line` twice and check what the issue asks of a break: reported with line and reason,
 * the file left byte for byte, a second segment that records it, known on the next open, and the intact lines folded.
 */
function expectBreak(dir: string, expected: { line: number; reason: string; lastGood: JournalEvent; folded: number }) {
  const file = fileOf(dir);
  const second = fileOf(dir, 2);
  const before = readFileSync(file);

  const first = openAt(dir);
  first.journal.close();
  expect(first.findings).toEqual([
    {
      kind: 'break',
      file,
      info: expect.objectContaining({ line: expected.line, reason: expected.reason }),
      known: false,
      newSegment: second,
    },
  ]);
  const finding = first.findings[0] as Extract<JournalFinding, { kind: 'break' }>;
  expect(readFileSync(file).equals(before)).toBe(true);

  const segmentLines = linesOf(second);
  expect(segmentLines).toHaveLength(1);
  const recorded = JSON.parse(segmentLines[0] as string) as Extract<JournalEvent, { kind: 'chain-break' }>;
  expect(recorded.kind).toBe('chain-break');
  expect(recorded.data).toEqual({
    brokenFile: basename(file),
    lastGoodSeq: expected.lastGood.seq,
    lastGoodHash: expected.lastGood.hash,
    firstBad: finding.info,
    segment: 2,
  });
  expect(expectedHashOfLine(segmentLines[0] as string)).toBe(recorded.hash);
  expect(first.seen.at(-1)).toEqual(recorded);
  // Every intact line is folded, and the chain-break event besides.
  expect(first.fold.state.count).toBe(expected.folded + 1);
  expect(first.events).toBe(expected.folded + 1);
  expect(journalNotices(first.findings, new Date())).toEqual([expect.objectContaining({ kind: 'journal-broken', info: finding.info })]);

  const again = openAt(dir);
  again.journal.close();
  expect(again.findings).toEqual([{ kind: 'break', file, info: finding.info, known: true }]);
  expect(journalNotices(again.findings, new Date())).toEqual([]);
  expect(existsSync(fileOf(dir, 3))).toBe(false);
  expect(again.fold.state.count).toBe(expected.folded + 1);
  expect(again.fold.state).toEqual(first.fold.state);
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(linesOf(second)).toEqual(segmentLines);
  return { first, again, finding };
}

describe('journal round trip', () => {
  it('reads back exactly the events it wrote, in order, with no findings', () => {
    const { dir, events } = makeJournal(20);
    const reopened = openAt(dir);
    reopened.journal.close();
    expect(reopened.findings).toEqual([]);
    expect(reopened.skipped).toBe(0);
    expect(reopened.events).toBe(20);
    expect(reopened.seen).toEqual(events);
    expect(reopened.journal.head).toEqual({ seq: 20, hash: events[19]?.hash });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    events.forEach((event, i) => expect(event.prev).toBe(i === 0 ? '' : events[i - 1]?.hash));
    expect(reopened.fold.state).toEqual(foldEvents(events));
    expect(existsSync(fileOf(dir, 2))).toBe(false);
  });

  it('writes every line as canonical JSON whose hash another tool can recompute', () => {
    const { file, events } = makeJournal(10);
    const lines = linesOf(file);
    expect(lines).toHaveLength(10);
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
    lines.forEach((line, i) => {
      const parsed = JSON.parse(line) as JournalEvent;
      expect(canonicalize(parsed)).toBe(line);
      expect(parsed).toEqual(events[i]);
      expect(expectedHashOfLine(line)).toBe(parsed.hash);
      // What an IT partner would do with another tool: drop `hash`, canonicalise, SHA-256.
      const { hash, ...body } = parsed;
      expect(
        createHash('sha256')
          .update(canonicalize(body) as string, 'utf8')
          .digest('hex'),
      ).toBe(hash);
      expect(parsed).toMatchObject({ v: 1, inst: INST, os: OS_USER, seq: i + 1 });
    });
  });

  it('goes on with the chain after a reopen', () => {
    const { dir, events } = makeJournal(3);
    const reopened = openAt(dir);
    const next = reopened.journal.append(draftAt(3));
    reopened.journal.close();
    expect(next).toMatchObject({ seq: 4, prev: events[2]?.hash });
    const again = openAt(dir);
    again.journal.close();
    expect(again.findings).toEqual([]);
    expect(again.seen).toEqual([...events, next]);
  });
});

describe('tampering is detected, named and never repaired', () => {
  it('(a) a field edited without recomputing the hash: hash-mismatch at that line', () => {
    const { dir, file, events } = makeJournal(6);
    const lines = linesOf(file);
    const edited = (lines[2] as string).replace('"to":"done"', '"to":"handed-to-it"');
    expect(edited).not.toBe(lines[2]);
    lines[2] = edited;
    writeLines(file, lines);
    const { first, finding } = expectBreak(dir, { line: 3, reason: 'hash-mismatch', lastGood: events[1] as JournalEvent, folded: 5 });
    expect(finding.info).toEqual({
      line: 3,
      reason: 'hash-mismatch',
      seq: 3,
      at: events[2]?.at,
      by: 'Sabine Yilmaz',
      kind: 'status-set',
      taskId: 'pvs:x.comfort',
      to: 'handed-to-it',
    });
    // The edited line is not folded; the lines after it are.
    const states = first.fold.state.taskStates;
    expect(states.get('pvs:x.comfort')?.history.map((r) => r.status)).toEqual([]); // in-progress (line 2), then undone (line 6)
    expect(states.get('firewall')?.history.map((r) => r.status)).toEqual(['not-applicable']);
    expect(states.get('windows:pc-empfang-1')?.checkedSteps).toEqual(['clean']);
  });

  it('an edited name cut at 60 characters inside an emoji, or holding a lone surrogate: the break is recorded, never a start failure', () => {
    for (const by of [`${'A'.repeat(59)}\u{1F600}`, 'Sabine \uD800Yilmaz']) {
      const { dir, file, events } = makeJournal(6);
      const lines = linesOf(file);
      lines[2] = (lines[2] as string).replace('"by":"Sabine Yilmaz"', `"by":${JSON.stringify(by)}`);
      writeLines(file, lines);
      const { finding } = expectBreak(dir, { line: 3, reason: 'hash-mismatch', lastGood: events[1] as JournalEvent, folded: 5 });
      // What is kept of the name is well-formed text (the emoji's half, the lone surrogate become U+FFFD).
      expect(finding.info.by).toBe(by === 'Sabine \uD800Yilmaz' ? 'Sabine \uFFFDYilmaz' : `${'A'.repeat(59)}\uFFFD`);
    }
  });

  it('(b) a middle line deleted: chain-gap at the line that follows it', () => {
    const { dir, file, events } = makeJournal(6);
    const lines = linesOf(file);
    lines.splice(2, 1);
    writeLines(file, lines);
    const { finding } = expectBreak(dir, { line: 3, reason: 'chain-gap', lastGood: events[1] as JournalEvent, folded: 5 });
    expect(finding.info).toMatchObject({ seq: 4, kind: 'status-set', taskId: 'firewall', to: 'not-applicable' });
  });

  it('(c) a copy of a line inserted: named at the copy, and not counted twice', () => {
    const { dir, file, events } = makeJournal(6);
    const lines = linesOf(file);
    lines.splice(2, 0, lines[1] as string);
    writeLines(file, lines);
    const { finding } = expectBreak(dir, { line: 3, reason: 'seq-gap', lastGood: events[1] as JournalEvent, folded: 6 });
    expect(finding.info).toMatchObject({ seq: 2, kind: 'step-checked' });
  });

  it('(c) a forged, self-consistent line inserted: the chain breaks at the line after it', () => {
    const { dir, file, events } = makeJournal(6);
    const lines = linesOf(file);
    const forgedBody = {
      ...withoutHash(events[2] as JournalEvent),
      seq: 3,
      prev: events[1]?.hash,
      by: 'Unbekannt',
      data: { taskId: 'remote:teamviewer', area: 'remote', from: 'open', to: 'done', guideId: 'remote-teamviewer', guideVersion: '1.0' },
    };
    const forged = forgeLine(forgedBody);
    lines.splice(2, 0, forged);
    writeLines(file, lines);
    const forgedEvent = JSON.parse(forged) as JournalEvent;
    // The forgery links to the line before it (it verifies on its own), but the original line 3 no longer does.
    const { finding } = expectBreak(dir, { line: 4, reason: 'chain-gap', lastGood: forgedEvent, folded: 7 });
    expect(finding.info).toMatchObject({ seq: 3, kind: 'status-set', taskId: 'pvs:x.comfort', to: 'done' });
  });

  it('(c) a forged line with the right link but a wrong number: seq-gap', () => {
    const { dir, file, events } = makeJournal(6);
    const lines = linesOf(file);
    const forged = forgeLine({ ...withoutHash(events[2] as JournalEvent), seq: 9, prev: events[1]?.hash, by: 'Unbekannt' });
    lines.splice(2, 0, forged);
    writeLines(file, lines);
    const { first, finding } = expectBreak(dir, { line: 3, reason: 'seq-gap', lastGood: events[1] as JournalEvent, folded: 7 });
    expect(finding.info).toMatchObject({ seq: 9, by: 'Unbekannt' });
    // The new segment numbers on after the highest seq seen, so no number is used twice.
    expect(first.seen.at(-1)?.seq).toBe(10);
  });

  it('(d) two lines swapped: chain-gap at the first of them', () => {
    const { dir, file, events } = makeJournal(6);
    const lines = linesOf(file);
    [lines[2], lines[3]] = [lines[3] as string, lines[2] as string];
    writeLines(file, lines);
    const { finding } = expectBreak(dir, { line: 3, reason: 'chain-gap', lastGood: events[1] as JournalEvent, folded: 6 });
    expect(finding.info).toMatchObject({ seq: 4, taskId: 'firewall' });
  });

  it('goes on in the new segment after a break, and the next open still verifies it', () => {
    const { dir, file, events } = makeJournal(6);
    const lines = linesOf(file);
    lines.splice(2, 1);
    writeLines(file, lines);
    expectBreak(dir, { line: 3, reason: 'chain-gap', lastGood: events[1] as JournalEvent, folded: 5 });
    const opened = openAt(dir);
    const next = opened.journal.append(draftAt(6));
    opened.journal.close();
    expect(opened.journal.file).toBe(fileOf(dir, 2));
    expect(next).toMatchObject({ seq: 8, prev: opened.seen.at(-1)?.hash });
    const again = openAt(dir);
    again.journal.close();
    expect(again.findings).toEqual([expect.objectContaining({ kind: 'break', known: true })]);
    expect(again.seen.at(-1)).toEqual(next);
    expect(linesOf(fileOf(dir, 2))).toHaveLength(2);
    expect(existsSync(fileOf(dir, 3))).toBe(false);
  });

  // A break is known only when the next segment's chain-break names that very line and reason.
  it('a new, earlier edit of an already broken file is not passed off as the known break', () => {
    const { dir, file, events } = makeJournal(6);
    const lines = linesOf(file);
    lines.splice(4, 1);
    writeLines(file, lines);
    expectBreak(dir, { line: 5, reason: 'chain-gap', lastGood: events[3] as JournalEvent, folded: 5 });

    // Later someone edits line 2 of the broken file as well.
    const edited = linesOf(file);
    edited[1] = (edited[1] as string).replace('"checked":true', '"checked":false');
    writeLines(file, edited);
    const opened = openAt(dir);
    opened.journal.close();
    expect(opened.findings).toEqual([
      { kind: 'break', file, info: expect.objectContaining({ line: 2, reason: 'hash-mismatch' }), known: false },
    ]);
    expect(journalNotices(opened.findings, new Date())).toHaveLength(1);
  });

  // The disk was full when the break was found: the empty segment left then gets the chain-break on the next start.
  it('a chain-break that could not be written on one start is written on the next', () => {
    const { dir, file, events } = makeJournal(6);
    const lines = linesOf(file);
    lines.splice(2, 1);
    writeLines(file, lines);
    const before = readFileSync(file);
    const { fs, fault, heal } = faultyFs();
    Object.assign(fault, { on: 'write', code: 'ENOSPC' });
    try {
      openAt(dir, fs).journal.close();
    } catch (error) {
      // The open goes on without the record; should it ever fail instead, it must say why.
      expect(error).toBeInstanceOf(JournalWriteError);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    heal();

    const opened = openAt(dir, fs);
    opened.journal.close();
    expect(opened.findings).toEqual([expect.objectContaining({ kind: 'break', known: false })]);
    const recorded = JSON.parse(linesOf(opened.journal.file)[0] ?? 'null') as JournalEvent | null;
    expect(recorded).toMatchObject({
      kind: 'chain-break',
      data: { lastGoodHash: events[1]?.hash, firstBad: { line: 3, reason: 'chain-gap' } },
    });
    const again = openAt(dir);
    again.journal.close();
    expect(again.findings).toEqual([expect.objectContaining({ kind: 'break', known: true })]);
  });

  it('(e) a torn last line is cut off, kept in a .part file, and the journal goes on', () => {
    const { dir, file, events } = makeJournal(6);
    const whole = readFileSync(file);
    const cut = whole.length - 25;
    writeFileSync(file, whole.subarray(0, cut));
    const lastLineStart = whole.subarray(0, whole.length - 1).lastIndexOf(0x0a) + 1;

    const opened = openAt(dir);
    expect(opened.findings).toHaveLength(1);
    const finding = opened.findings[0] as Extract<JournalFinding, { kind: 'torn-tail' }>;
    expect(finding).toMatchObject({ kind: 'torn-tail', file, bytes: cut - lastLineStart });
    expect(finding.keptAs.endsWith('.part')).toBe(true);
    expect(readFileSync(finding.keptAs).equals(whole.subarray(lastLineStart, cut))).toBe(true);
    expect(readFileSync(file).equals(whole.subarray(0, lastLineStart))).toBe(true);
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
    expect(opened.seen).toEqual(events.slice(0, 5));
    expect(journalNotices(opened.findings, new Date())).toEqual([
      expect.objectContaining({ kind: 'journal-torn-tail', keptAs: finding.keptAs }),
    ]);

    const next = opened.journal.append(draftAt(5));
    opened.journal.close();
    expect(next).toMatchObject({ seq: 6, prev: events[4]?.hash });
    const again = openAt(dir);
    again.journal.close();
    expect(again.findings).toEqual([]);
    expect(again.seen).toEqual([...events.slice(0, 5), next]);
    expect(existsSync(fileOf(dir, 2))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toHaveLength(1);
  });
});

describe('bad lines are reported and skipped; nothing recorded before is lost', () => {
  /** Insert one bad line after line 3 of a journal of 6 and check it as a break at line 4. */
  function withBadLine(badLine: (events: JournalEvent[]) => string | Buffer, reason: string) {
    const { dir, file, events } = makeJournal(6);
    const lines = linesOf(file).map((line) => Buffer.from(`${line}\n`));
    const bad = badLine(events);
    writeFileSync(file, Buffer.concat([...lines.slice(0, 3), Buffer.from(bad), Buffer.from('\n'), ...lines.slice(3)]));
    const outcome = expectBreak(dir, { line: 4, reason, lastGood: events[2] as JournalEvent, folded: 6 });
    // Every event recorded before is still folded: the same task states as the journal before the bad line.
    expect(outcome.first.seen.slice(0, 6)).toEqual(events);
    expect(outcome.first.fold.state.taskStates).toEqual(foldEvents(events).taskStates);
    expect(outcome.first.fold.state.practiceName).toBe('Hausarztpraxis Dr. Weiß');
    return { ...outcome, events, dir };
  }

  it('a line that is not JSON: unparsable', () => {
    const { finding } = withBadLine(() => '{"v":1,"seq":4,"kind":"status-set", kaputt', 'unparsable');
    expect(finding.info).toEqual({ line: 4, reason: 'unparsable' });
  });

  it('a line of a newer event format: future-version', () => {
    const { finding, events } = withBadLine(
      (events) => forgeLine({ ...withoutHash(events[3] as JournalEvent), v: 3, prev: events[2]?.hash, by: 'Neue Version' }),
      'future-version',
    );
    expect(finding.info).toEqual({
      line: 4,
      reason: 'future-version',
      seq: 4,
      at: events[3]?.at,
      by: 'Neue Version',
      kind: 'status-set',
      taskId: 'firewall',
      to: 'not-applicable',
    });
  });

  it('a correctly hashed line of another installation: foreign-installation', () => {
    const { finding } = withBadLine(
      (events) => forgeLine({ ...withoutHash(events[3] as JournalEvent), inst: OTHER_INST, prev: events[2]?.hash }),
      'foreign-installation',
    );
    expect(finding.info).toMatchObject({ line: 4, reason: 'foreign-installation', seq: 4, kind: 'status-set' });
  });

  it('a line with an absurd seq: invalid, and the numbering of new lines is not thrown off by it', () => {
    const { finding, dir } = withBadLine(() => '{"v":1,"seq":9007199254740993,"kind":"status-set"}', 'invalid');
    expect(finding.info).toEqual({ line: 4, reason: 'invalid', kind: 'status-set' });
    const opened = openAt(dir);
    const next = opened.journal.append({ kind: 'names-changed', by: 'SY', data: { user: { from: 'Sabine Yilmaz', to: 'SY' } } });
    opened.journal.close();
    expect(next.seq).toBeLessThan(100);
  });

  it('a JSON line that is no event: invalid', () => {
    const { finding } = withBadLine(() => '{"kind":"status-set","v":1}', 'invalid');
    expect(finding.info).toEqual({ line: 4, reason: 'invalid', kind: 'status-set' });
  });

  it('a 50 MB line: too-long, without parsing it and quickly', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = Buffer.concat([Buffer.from('{"x":"'), Buffer.alloc(50 * 1024 * 1024, 'a'), Buffer.from('"}')]);
    const { finding, dir } = withBadLine(() => huge, 'too-long');
    expect(finding.info).toEqual({ line: 4, reason: 'too-long' });
    expect(parse.mock.calls.some(([text]) => typeof text === 'string' && text.length > MAX_LINE_BYTES)).toBe(false);
    // Read again: the line is skipped by its length alone (how fast is the benchmark's business, not a test's).
    const opened = openAt(dir);
    opened.journal.close();
    expect(opened.findings).toEqual([expect.objectContaining({ known: true, info: finding.info })]);
  });
});

/** node:fs with faults that can be switched on: a full, read-only or locked disk. */
function faultyFs() {
  const fault: { on?: 'write' | 'half-write' | 'fsync' | 'open'; code?: string; truncateFails?: boolean } = {};
  const failure = () => Object.assign(new Error(`${fault.code ?? 'EIO'}: simulated`), { code: fault.code ?? 'EIO' });
  const fs: JournalFs = {
    ...nodeFs,
    openSync: ((path: nodeFs.PathLike, flags: nodeFs.OpenMode, mode?: nodeFs.Mode) => {
      if (fault.on === 'open' && String(path).endsWith('.jsonl')) throw failure();
      return nodeFs.openSync(path, flags, mode);
    }) as JournalFs['openSync'],
    writeSync: ((fd: number, buffer: Buffer, offset?: number, length?: number, position?: number | null) => {
      const from = offset ?? 0;
      const count = length ?? buffer.length - from;
      if (fault.on === 'write') throw failure();
      if (fault.on === 'half-write') {
        nodeFs.writeSync(fd, buffer, from, Math.max(1, Math.floor(count / 2)), position);
        throw failure();
      }
      return nodeFs.writeSync(fd, buffer, from, count, position);
    }) as JournalFs['writeSync'],
    fsyncSync: (fd) => {
      if (fault.on === 'fsync') throw failure();
      nodeFs.fsyncSync(fd);
    },
    ftruncateSync: (fd, len) => {
      if (fault.truncateFails) throw failure();
      nodeFs.ftruncateSync(fd, len);
    },
  };
  const heal = () => {
    delete fault.on;
    delete fault.code;
    delete fault.truncateFails;
  };
  return { fs, fault, heal };
}

describe('a failing write leaves no half line and the journal recovers', () => {
  function setUp() {
    const dir = tempDir();
    const { fs, fault, heal } = faultyFs();
    const opened = openAt(dir, fs);
    const events = [0, 1, 2].map((i) => opened.journal.append(draftAt(i)));
    return { dir, file: fileOf(dir), journal: opened.journal, events, fault, heal, fs };
  }

  function expectFailure(append: () => unknown, code: string) {
    let thrown: unknown;
    try {
      append();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JournalWriteError);
    expect((thrown as JournalWriteError).code).toBe(code);
  }

  function expectRecovers(dir: string, journal: ReturnType<typeof setUp>['journal'], events: JournalEvent[]) {
    const next = journal.append(draftAt(3));
    journal.close();
    expect(next).toMatchObject({ seq: events.length + 1, prev: events.at(-1)?.hash });
    const reopened = openAt(dir);
    reopened.journal.close();
    expect(reopened.findings).toEqual([]);
    expect(reopened.seen).toEqual([...events, next]);
  }

  it.each(['ENOSPC', 'EPERM', 'EBUSY'])('write refused with %s: JournalWriteError, file and head unchanged, next append works', (code) => {
    const { dir, file, journal, events, fault, heal } = setUp();
    const before = readFileSync(file);
    const head = journal.head;
    Object.assign(fault, { on: 'write', code });
    expectFailure(() => journal.append(draftAt(3)), code);
    expectFailure(() => journal.append(draftAt(3)), code);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(journal.head).toEqual(head);
    heal();
    expectRecovers(dir, journal, events);
  });

  it('half the line written, then the disk is full: cut back to the last whole line', () => {
    const { dir, file, journal, events, fault, heal } = setUp();
    const before = readFileSync(file);
    const head = journal.head;
    Object.assign(fault, { on: 'half-write', code: 'ENOSPC' });
    expectFailure(() => journal.append(draftAt(3)), 'ENOSPC');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(journal.head).toEqual(head);
    heal();
    expectRecovers(dir, journal, events);
  });

  it('the line written but fsync fails: the line is taken back, as the caller is told it failed', () => {
    const { dir, file, journal, events, fault, heal } = setUp();
    const before = readFileSync(file);
    const head = journal.head;
    Object.assign(fault, { on: 'fsync', code: 'EIO' });
    expectFailure(() => journal.append(draftAt(3)), 'EIO');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(journal.head).toEqual(head);
    heal();
    expectRecovers(dir, journal, events);
  });

  it('when even the cut back fails, the next append removes the half line first', () => {
    const { dir, file, journal, events, fault, heal } = setUp();
    const before = readFileSync(file);
    Object.assign(fault, { on: 'half-write', code: 'ENOSPC', truncateFails: true });
    expectFailure(() => journal.append(draftAt(3)), 'ENOSPC');
    // The half line could not be taken back while the disk refused everything…
    expect(readFileSync(file).length).toBeGreaterThan(before.length);
    heal();
    // …and is gone before the next line is written.
    expectRecovers(dir, journal, events);
    expect(readFileSync(file).subarray(0, before.length).equals(before)).toBe(true);
  });

  it('the file cannot be opened (locked by another program): EBUSY, and it works once it is free', () => {
    const { dir, file, journal, events, fault, heal, fs } = setUp();
    journal.close();
    const reopened = openAt(dir, fs);
    expect(reopened.findings).toEqual([]);
    const before = readFileSync(file);
    Object.assign(fault, { on: 'open', code: 'EBUSY' });
    expectFailure(() => reopened.journal.append(draftAt(3)), 'EBUSY');
    expect(readFileSync(file).equals(before)).toBe(true);
    heal();
    expectRecovers(dir, reopened.journal, events);
  });

  it('through IPC the router answers write-failed, records nothing, and the retry succeeds', async () => {
    const dir = tempDir();
    const { fs, fault, heal } = faultyFs();
    const { core, router } = startMainServices({
      userDataDir: dir,
      engine: confEngine,
      version: '0.0.0-test',
      logger: createMemoryLogger(),
      packFile: PACK_FILE,
      keysDir: KEYS_DIR,
      clock: fakeClock(),
      osUser: OS_USER,
      journalFs: fs,
    });
    const sender: SenderInfo = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, isAppWindow: true };
    const ok = await router.invoke('settings:update', sender, [{ userName: 'Sabine Yilmaz' }]);
    expect(ok.ok).toBe(true);
    const countBefore = core.snapshot().record.count;
    const file = core.snapshot().record.file;
    const before = readFileSync(file);

    Object.assign(fault, { on: 'write', code: 'ENOSPC' });
    const failed = await router.invoke('task:set-status', sender, [{ taskId: 'team-briefing', status: 'done' }]);
    expect(failed).toEqual({ ok: false, error: { code: 'write-failed', messageKey: 'errors.write-failed' } });
    expect(core.snapshot().record.count).toBe(countBefore);
    expect(core.snapshot().tasks.find((t) => t.id === 'team-briefing')?.status).toBe('open');
    expect(readFileSync(file).equals(before)).toBe(true);

    heal();
    const retried = await router.invoke('task:set-status', sender, [{ taskId: 'team-briefing', status: 'done' }]);
    expect(retried.ok).toBe(true);
    expect(core.snapshot().tasks.find((t) => t.id === 'team-briefing')?.status).toBe('done');
    expect(core.snapshot().record.count).toBe(countBefore + 1);
    core.record.close();
  });
});

describe('after the review: edge cases of the disk and of hostile files', () => {
  it('a whole line that was written but not synced is taken back even when the cut back fails, and never folded', () => {
    const dir = tempDir();
    const { fs, fault, heal } = faultyFs();
    const opened = openAt(dir, fs);
    const events = [0, 1].map((i) => opened.journal.append(draftAt(i)));
    const before = readFileSync(fileOf(dir));
    Object.assign(fault, { on: 'fsync', code: 'EIO', truncateFails: true });
    expect(() => opened.journal.append(draftAt(2))).toThrow(JournalWriteError);
    heal();
    const next = opened.journal.append(draftAt(3));
    opened.journal.close();
    expect(next).toMatchObject({ seq: 3, prev: events[1]?.hash });
    // The refused line is gone: the file is the old one plus the next line, and the reopen folds no refused event.
    expect(readFileSync(fileOf(dir)).subarray(0, before.length).equals(before)).toBe(true);
    const reopened = openAt(dir);
    reopened.journal.close();
    expect(reopened.findings).toEqual([]);
    expect(reopened.seen).toEqual([...events, next]);
  });

  it('a break the full disk would not let it record at the start is recorded before the next event of the session', () => {
    const { dir, file } = makeJournal(4);
    const lines = linesOf(file);
    lines.splice(1, 1);
    writeLines(file, lines);
    const { fs, fault, heal } = faultyFs();
    Object.assign(fault, { on: 'write', code: 'ENOSPC' });
    const opened = openAt(dir, fs);
    expect(opened.findings).toEqual([expect.objectContaining({ kind: 'break', known: false })]);
    heal();
    expect(() => opened.journal.append(draftAt(5))).toThrow(JournalWriteError);
    const chainBreak = opened.journal.flushDeferred();
    const next = opened.journal.append(draftAt(5));
    opened.journal.close();
    expect(chainBreak?.kind).toBe('chain-break');
    expect(next.prev).toBe(chainBreak?.hash);
    const again = openAt(dir);
    again.journal.close();
    expect(again.findings).toEqual([expect.objectContaining({ kind: 'break', known: true })]);
    expect(existsSync(fileOf(dir, 3))).toBe(false);
  });

  it('a whole, valid last line without its line end is completed, not cut off', () => {
    const { dir, file, events } = makeJournal(3);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 1));
    const opened = openAt(dir);
    opened.journal.close();
    expect(opened.findings).toEqual([]);
    expect(opened.seen).toEqual(events);
    expect(readFileSync(file).equals(whole)).toBe(true);
  });

  it('a torn tail on a locked file: the app opens, adds nothing until the file is free, then cuts and goes on', () => {
    const { dir, file, events } = makeJournal(3);
    const whole = readFileSync(file);
    writeFileSync(file, Buffer.concat([whole, Buffer.from('{"at":"2026-03-09T10:0')]));
    const { fs, fault, heal } = faultyFs();
    Object.assign(fault, { on: 'open', code: 'EBUSY' });
    const opened = openAt(dir, fs);
    expect(opened.findings).toEqual([expect.objectContaining({ kind: 'torn-tail' })]);
    expect(opened.seen).toEqual(events);
    expect(() => opened.journal.append(draftAt(3))).toThrow(JournalWriteError);
    heal();
    const next = opened.journal.append(draftAt(3));
    opened.journal.close();
    expect(readFileSync(file).equals(Buffer.concat([whole, Buffer.from(`${linesOf(file).at(-1)}\n`)]))).toBe(true);
    const reopened = openAt(dir);
    reopened.journal.close();
    expect(reopened.findings).toEqual([]);
    expect(reopened.seen).toEqual([...events, next]);
  });

  it('a replayed undo is not folded twice', () => {
    const { dir, file } = makeJournal(7);
    const lines = linesOf(file);
    // Line 6 is the undo of the x.comfort status; appended again at the end.
    writeLines(file, [...lines, lines[5] as string]);
    const opened = openAt(dir);
    opened.journal.close();
    expect(opened.findings[0]).toMatchObject({ kind: 'break', info: { line: 8, reason: 'seq-gap' } });
    expect(opened.fold.state.taskStates.get('pvs:x.comfort')?.history.map((r) => r.status)).toEqual(['in-progress']);
  });

  it('files named like a segment with a leading zero are not read as segment 1 again', () => {
    const { dir, file, events } = makeJournal(3);
    writeFileSync(join(dir, `${INST}.01.jsonl`), readFileSync(file));
    writeFileSync(join(dir, `${INST}.1.jsonl`), readFileSync(file));
    const opened = openAt(dir);
    opened.journal.close();
    expect(opened.findings).toEqual([]);
    expect(opened.seen).toEqual(events);
  });
});

describe('a journal file that cannot be read at all', () => {
  it('a folder where the journal file should be: the app opens, says so, and records in a new segment', () => {
    const dir = tempDir();
    nodeFs.mkdirSync(fileOf(dir));
    const opened = openAt(dir);
    const next = opened.journal.append(draftAt(0));
    opened.journal.close();
    expect(opened.findings).toEqual([
      expect.objectContaining({ kind: 'break', file: fileOf(dir), info: { line: 1, reason: 'unreadable' }, newSegment: fileOf(dir, 2) }),
    ]);
    expect(next.seq).toBe(2);
    const again = openAt(dir);
    again.journal.close();
    expect(again.findings).toEqual([expect.objectContaining({ kind: 'break', known: true })]);
    expect(again.seen.map((e) => e.kind)).toEqual(['chain-break', 'names-changed']);
  });
});
