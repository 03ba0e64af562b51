import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventDraft } from '../../../shared/journal/events';
import { RecordService } from '../services/record-service';
import { segmentFileName } from './journal';
import { readJournalLines, verifyChain } from './verify';

const INST = '6b26ebe4-5dff-4365-af67-e5a3391e97ad';
const OTHER = 'd9f9d3dd-0496-475a-b4b1-9ff6df99bed9';
const pvs = { taskId: 'pvs:x.comfort', area: 'pvs', guideId: 'pvs-x.comfort', guideVersion: '1.1' } as const;

const DRAFTS: readonly EventDraft[] = [
  {
    kind: 'names-changed',
    by: 'Sabine Yilmaz',
    data: { practice: { from: '', to: 'Praxis Dr. Weiß' }, user: { from: '', to: 'Sabine Yilmaz' } },
  },
  { kind: 'step-checked', by: 'Sabine Yilmaz', data: { ...pvs, stepId: 'vendor-guide', checked: true, startsTask: true } },
  { kind: 'status-set', by: 'Sabine Yilmaz', data: { ...pvs, from: 'in-progress', to: 'done' } },
  {
    kind: 'status-set',
    by: 'Dr. Jörg Weiß',
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
  { kind: 'status-undone', by: 'Dr. Jörg Weiß', data: { ...pvs, from: 'done', to: 'in-progress' } },
  { kind: 'names-changed', by: 'Dr. Jörg Weiß', data: { user: { from: 'Sabine Yilmaz', to: 'Dr. Jörg Weiß' } } },
];

/** A journal written by the app's RecordService in a fresh folder, one minute per action. */
function writeJournal(installationId = INST, drafts: readonly EventDraft[] = DRAFTS) {
  const dir = mkdtempSync(join(tmpdir(), 'pl-verify-'));
  let now = Date.parse('2021-11-08T13:10:00.000Z');
  const record = new RecordService({ dir, installationId, osUser: 'PRAXIS\\empfang', clock: () => new Date((now += 60_000)) });
  for (const draft of drafts) record.append(draft);
  const state = record.state;
  record.close();
  return { dir, record, count: state.count, head: state.head, file: join(dir, segmentFileName(installationId, 1)) };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('verifyChain on a journal the app wrote', () => {
  it('verifies every line, and names the count, head and time span', () => {
    const { dir, count, head, file } = writeJournal();
    const lines = readJournalLines(dir, INST);
    expect(lines).toEqual(readFileSync(file, 'utf8').split('\n').slice(0, -1));
    const report = verifyChain(INST, lines);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.count).toBe(DRAFTS.length);
    expect(report.count).toBe(count);
    expect(report.head).toBe(head);
    expect(report.lines).toEqual(lines);
    expect(report.events.map((e) => e.seq)).toEqual(DRAFTS.map((_, i) => i + 1));
    expect(report.firstAt).toBe('2021-11-08T13:11:00.000Z');
    expect(report.lastAt).toBe(`2021-11-08T13:1${DRAFTS.length}:00.000Z`);
    expect(report.recordedBreaks).toBe(0);
    // The head is the SHA-256 of the last line without its hash member (computed here, not by the journal).
    const last = JSON.parse(lines.at(-1) as string) as Record<string, unknown>;
    const { hash, ...body } = last;
    expect(hash).toBe(head);
    expect(lines.at(-1)?.includes(`"hash":"${head}"`)).toBe(true);
    expect(sha256((lines.at(-1) as string).replace(`,"hash":"${head}"`, ''))).toBe(head);
    expect(Object.keys(body)).not.toContain('hash');
  });

  it('finds a changed byte: hash-mismatch at that line', () => {
    const { dir } = writeJournal();
    const lines = readJournalLines(dir, INST);
    // Line 3 says "done"; one letter changed it still parses as a valid event, but its hash no longer fits.
    const target = 2;
    expect(lines[target]).toContain('"to":"done"');
    const changed = [...lines];
    changed[target] = (lines[target] as string).replace('"by":"Sabine Yilmaz"', '"by":"Sabine Yilmas"');
    expect(changed[target]).not.toBe(lines[target]);
    const report = verifyChain(INST, changed);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toEqual({ line: target + 1, reason: 'hash-mismatch' });
    // The changed line is not used; the lines before it are.
    expect(report.events.map((e) => e.seq)).not.toContain(target + 1);
    expect(report.events.slice(0, target).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('finds a changed byte on disk the same way', () => {
    const { dir, file } = writeJournal();
    const bytes = readFileSync(file);
    const lineStarts = [0, ...[...bytes.entries()].filter(([, b]) => b === 0x0a).map(([i]) => i + 1)];
    // One byte in the middle of line 4 (inside the reason text) turned from "V" into "W".
    const at = bytes.indexOf(Buffer.from('Vermieter'), lineStarts[3]);
    expect(at).toBeGreaterThan(lineStarts[3] as number);
    expect(at).toBeLessThan(lineStarts[4] as number);
    bytes[at] = 'W'.charCodeAt(0);
    writeFileSync(file, bytes);
    const report = verifyChain(INST, readJournalLines(dir, INST));
    expect(report.problems[0]).toEqual({ line: 4, reason: 'hash-mismatch' });
  });

  it('finds a removed middle line: chain-gap at the line after it', () => {
    const { dir } = writeJournal();
    const lines = readJournalLines(dir, INST);
    const without = [...lines.slice(0, 2), ...lines.slice(3)];
    const report = verifyChain(INST, without);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ line: 3, reason: 'chain-gap' }]);
    expect(report.count).toBe(lines.length - 1);
  });

  it('finds two lines swapped', () => {
    const { dir } = writeJournal();
    const lines = readJournalLines(dir, INST);
    const swapped = [lines[0], lines[2], lines[1], ...lines.slice(3)] as string[];
    const report = verifyChain(INST, swapped);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toEqual({ line: 2, reason: 'chain-gap' });
  });

  it('finds a line of another installation: foreign-installation', () => {
    const own = writeJournal();
    const other = writeJournal(OTHER, DRAFTS.slice(0, 3));
    const lines = readJournalLines(own.dir, INST);
    const foreignLine = readJournalLines(other.dir, OTHER)[2] as string;
    const mixed = [...lines.slice(0, 3), foreignLine, ...lines.slice(3)];
    const report = verifyChain(INST, mixed);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ line: 4, reason: 'foreign-installation' }]);
    // The other PC's own chain is fine when read as its own.
    expect(verifyChain(OTHER, readJournalLines(other.dir, OTHER)).ok).toBe(true);
    // And the whole own chain read as another PC's is foreign line by line.
    expect(verifyChain(OTHER, lines).problems.map((p) => p.reason)).toEqual(lines.map(() => 'foreign-installation'));
  });

  it('names lines that are no event at all', () => {
    const { dir } = writeJournal();
    const lines = readJournalLines(dir, INST);
    const first = JSON.parse(lines[0] as string) as Record<string, unknown>;
    const cases: [string, string][] = [
      ['{"v":1,"seq":', 'unparsable'],
      [JSON.stringify({ ...first, kind: 'no-such-kind' }), 'invalid'],
      [JSON.stringify({ ...first, v: 3 }), 'future-version'],
    ];
    for (const [line, reason] of cases) {
      const report = verifyChain(INST, [...lines.slice(0, 2), line, ...lines.slice(2)]);
      expect(report.problems).toEqual([{ line: 3, reason }]);
    }
  });

  it('accepts a gap the journal recorded itself (a chain-break event), and counts it', () => {
    const { dir, file } = writeJournal();
    const lines = readJournalLines(dir, INST);
    // Line 3 removed by hand: the app finds the gap at its next start and goes on in a new segment.
    writeFileSync(file, [...lines.slice(0, 2), ...lines.slice(3)].map((l) => `${l}\n`).join(''));
    let now = Date.parse('2021-11-09T08:00:00.000Z');
    const reopened = new RecordService({ dir, installationId: INST, osUser: 'PRAXIS\\empfang', clock: () => new Date((now += 60_000)) });
    reopened.append({ kind: 'names-changed', by: 'Sabine Yilmaz', data: { user: { from: 'Dr. Jörg Weiß', to: 'Sabine Yilmaz' } } });
    reopened.close();
    expect(readdirSync(dir).sort()).toContain(segmentFileName(INST, 2));
    const all = readJournalLines(dir, INST);
    expect(all).toHaveLength(lines.length - 1 + 2);
    const report = verifyChain(INST, all);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.recordedBreaks).toBe(1);
    expect(report.events.find((e) => e.kind === 'chain-break')).toMatchObject({ data: { lastGoodSeq: 2 } });
    // A second gap that no chain-break event names is a failure.
    const moreMissing = all.filter((_, i) => i !== 1);
    expect(verifyChain(INST, moreMissing).problems).toEqual([{ line: 2, reason: 'chain-gap' }]);
  });
});

describe('readJournalLines', () => {
  it('leaves out an unfinished last line and changes nothing on disk', () => {
    const { dir, file } = writeJournal();
    const before = readJournalLines(dir, INST);
    appendFileSync(file, '{"at":"2021-11-08T13:20:00.000Z","by":"Sabine Yil');
    const bytes = readFileSync(file);
    const lines = readJournalLines(dir, INST);
    expect(lines).toEqual(before);
    expect(lines).toHaveLength(DRAFTS.length);
    expect(verifyChain(INST, lines).ok).toBe(true);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('reads nothing for an installation without a journal, and only that installation’s files', () => {
    const { dir } = writeJournal();
    expect(readJournalLines(dir, OTHER)).toEqual([]);
    expect(readJournalLines(join(dir, 'missing'), INST)).toEqual([]);
    writeFileSync(join(dir, segmentFileName(OTHER, 1)), `${readJournalLines(dir, INST)[0]}\n`);
    expect(readJournalLines(dir, INST)).toHaveLength(DRAFTS.length);
    expect(readJournalLines(dir, OTHER)).toHaveLength(1);
  });
});
