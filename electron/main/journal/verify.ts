import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvent, type JournalEvent } from '../../../shared/journal/events';
import { expectedHashOfLine, listSegments, MAX_LINE_BYTES, segmentFileName, type JournalFs } from './journal';
import * as nodeFs from 'node:fs';

import type { ChainProblemReason } from '../../../shared/record/export-format';

export type { ChainProblemReason } from '../../../shared/record/export-format';

export interface ChainProblem {
  /** 1-based position of the line in the chain as read. */
  line: number;
  reason: ChainProblemReason;
}

/** One installation's chain, checked line by line without changing anything. */
export interface ChainReport {
  installationId: string;
  /** Every line verified, and every gap in the links is one the journal itself recorded (a chain-break event). */
  ok: boolean;
  events: JournalEvent[];
  /** The exact lines of the events (what an export carries, byte for byte). */
  lines: string[];
  count: number;
  head: string;
  firstAt?: string;
  lastAt?: string;
  problems: ChainProblem[];
  /** Breaks the journal found and recorded itself (chain-break events): reported, not a failure. */
  recordedBreaks: number;
}

/**
 * Verify the lines of one installation's chain: each line is a valid event of that installation whose hash is
 * right, and each links to the one before (prev hash, seq + 1). A gap is allowed only where the journal recorded
 * it: a later chain-break event whose last good seq is the seq before the gap. Pure apart from hashing.
 */
export function verifyChain(installationId: string, lines: readonly string[]): ChainReport {
  const events: JournalEvent[] = [];
  const kept: string[] = [];
  const problems: ChainProblem[] = [];
  const gapsAfter: { seq: number; line: number }[] = [];
  let prev: JournalEvent | undefined;
  lines.forEach((line, index) => {
    const at = index + 1;
    if (Buffer.byteLength(line, 'utf8') > MAX_LINE_BYTES) return problems.push({ line: at, reason: 'too-long' });
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return problems.push({ line: at, reason: 'unparsable' });
    }
    const parsed = parseEvent(raw);
    if (!parsed.ok) return problems.push({ line: at, reason: parsed.reason });
    const event = parsed.event;
    if (event.inst !== installationId) return problems.push({ line: at, reason: 'foreign-installation' });
    if (expectedHashOfLine(line) !== event.hash) return problems.push({ line: at, reason: 'hash-mismatch' });
    if (prev ? event.seq <= prev.seq : false) return problems.push({ line: at, reason: 'chain-gap' });
    const linked = prev ? event.prev === prev.hash && event.seq === prev.seq + 1 : event.seq === 1 && event.prev === '';
    if (!linked) gapsAfter.push({ seq: prev?.seq ?? 0, line: at });
    events.push(event);
    kept.push(line);
    prev = event;
  });
  const recorded = new Set(events.flatMap((e) => (e.kind === 'chain-break' ? [e.data.lastGoodSeq] : [])));
  for (const gap of gapsAfter) if (!recorded.has(gap.seq)) problems.push({ line: gap.line, reason: 'chain-gap' });
  problems.sort((a, b) => a.line - b.line);
  const last = events.at(-1);
  return {
    installationId,
    ok: problems.length === 0,
    events,
    lines: kept,
    count: events.length,
    head: last?.hash ?? '',
    ...(events[0] ? { firstAt: events[0].at } : {}),
    ...(last ? { lastAt: last.at } : {}),
    problems,
    recordedBreaks: recorded.size,
  };
}

/**
 * The lines of an installation's journal in a folder, all segments in order, read only. A last line without its
 * line end is a write that never finished (the app cuts it off at its next start) and is left out.
 */
export function readJournalLines(dir: string, installationId: string, fs: JournalFs = nodeFs): string[] {
  const lines: string[] = [];
  for (const segment of listSegments(fs, dir, installationId)) {
    const file = join(dir, segmentFileName(installationId, segment));
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const parts = text.split('\n');
    parts.pop(); // after the last line end: empty, or an unfinished line
    for (const part of parts) if (part !== '') lines.push(part);
  }
  return lines;
}

/** Where journals live and which installations have one, for read-only checks (the record tool, the self-test). */
export { JOURNAL_DIR, journalIds } from './journal';
