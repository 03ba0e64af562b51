import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProfile, type Profile } from '../../../shared/domain/profile';
import { startTestPc, testClock, type TestClock } from '../../testing/test-support';
import { IMPORTED_DIR } from './record-service';
import { chainSummaries } from './report-service';

const practice: Profile = { ...defaultProfile(), products: ['x.comfort'], connector: 'yes', connectorModel: 'kocobox' };

function startPc(computer: string, time: TestClock, dir = mkdtempSync(join(tmpdir(), 'pl-imported-'))) {
  const pc = startTestPc(computer, time, dir);
  const importFrom = (text: string) => {
    const preview = pc.core.exchange.preview(text);
    if (preview.status !== 'ready') throw new Error(`import refused: ${preview.refusal}`);
    pc.core.handlers.applyImport({ previewId: preview.preview.previewId, confirmOtherPractice: false });
  };
  return { ...pc, importFrom };
}

/**
 * PC A has merged PC B's record: A finished the phishing warning; B said the firewall does not apply, then finished
 * the team briefing (B's last entry). A is closed; `file` is B's journal as A keeps it.
 */
function mergedRecord() {
  const time = testClock();
  const a = startPc('PC-A', time);
  const b = startPc('PC-B', time);
  for (const [pc, user] of [
    [a, 'Anna Adler'],
    [b, 'Ben Bauer'],
  ] as const) {
    pc.act(() => pc.core.handlers.updateSettings({ practiceName: 'Praxis am Dom', userName: user }));
    pc.act(() => pc.core.handlers.saveProfile(practice));
  }
  a.act(() => a.core.handlers.setTaskStatus({ taskId: 'phishing-warning', status: 'done' }));
  b.act(() => b.core.handlers.setTaskStatus({ taskId: 'firewall', status: 'not-applicable', reason: 'Router des Vermieters' }));
  b.act(() => b.core.handlers.setTaskStatus({ taskId: 'team-briefing', status: 'done' }));
  a.importFrom(b.exportText());
  expect(a.status('firewall')).toBe('not-applicable');
  expect(a.status('team-briefing')).toBe('done');
  a.close();
  const folder = join(a.dir, 'journal', IMPORTED_DIR);
  const file = join(folder, `${b.id}.jsonl`);
  const good = readFileSync(file, 'utf8');
  return { time, a, b, folder, file, good, lines: good.split('\n').filter((line) => line !== '') };
}

const noticesOf = (pc: ReturnType<typeof startPc>) => pc.core.snapshot().notices.filter((n) => n.kind === 'imported-journal-damaged');

describe('a journal of another PC damaged on disk', () => {
  it('with a torn last line: the app starts with every entry of it, names the computer in a notice and a warning, and leaves the file as it is', () => {
    const { time, a, file, good, lines } = mergedRecord();
    const damaged = `${good}{"at":"20`;
    writeFileSync(file, damaged);

    const again = startPc('PC-A', time, a.dir);
    expect(again.status('phishing-warning')).toBe('done');
    expect(again.status('firewall')).toBe('not-applicable');
    expect(again.status('team-briefing')).toBe('done');
    expect(noticesOf(again)).toEqual([
      {
        id: expect.any(String) as string,
        kind: 'imported-journal-damaged',
        computer: 'PC-B',
        file,
        reason: 'unparsable',
        line: lines.length + 1,
        kept: lines.length,
      },
    ]);
    expect(again.logger.lines).toContainEqual(expect.stringMatching(/^WARN journal\.imported-damaged .*"reason":"unparsable"/));
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    // The Nachweis names B's chain once, as not intact.
    const chains = chainSummaries(again.core.record, 'PC-A').filter((c) => !c.own);
    expect(chains).toEqual([expect.objectContaining({ computer: 'PC-B', ok: false, firstProblemLine: lines.length + 1 })]);
    again.close();
  });

  it('with a garbage line in the middle: every intact entry is kept and the damaged line is named', () => {
    const { time, a, file, lines } = mergedRecord();
    const damaged = [lines[0], 'GARBAGE \u0000', ...lines.slice(1)].join('\n');
    writeFileSync(file, damaged);

    const again = startPc('PC-A', time, a.dir);
    expect(again.status('firewall')).toBe('not-applicable');
    expect(again.status('team-briefing')).toBe('done');
    expect(noticesOf(again)).toEqual([expect.objectContaining({ computer: 'PC-B', reason: 'unparsable', line: 2, kept: lines.length })]);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    again.close();
  });

  it('with a line changed in the middle: its intact beginning is kept; a new export of B completes it and the damaged file is set aside', () => {
    const { time, a, b, folder, file, lines } = mergedRecord();
    // B's last line but one (the firewall) edited: the team briefing after it no longer links.
    const edited = lines.map((line, i) => (i === lines.length - 2 ? line.replace('Router des Vermieters', 'Router des Vermieterz') : line));
    const damaged = `${edited.join('\n')}\n`;
    writeFileSync(file, damaged);

    const again = startPc('PC-A', time, a.dir);
    expect(again.status('phishing-warning')).toBe('done');
    expect(again.status('firewall')).toBe('open');
    expect(again.status('team-briefing')).toBe('open');
    expect(noticesOf(again)).toEqual([
      expect.objectContaining({ computer: 'PC-B', reason: 'hash-mismatch', line: lines.length - 1, kept: lines.length - 2 }),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(damaged);

    // B's record read in again: everything is back, the notice goes, and the damaged copy is kept beside.
    again.importFrom(b.exportText());
    expect(noticesOf(again)).toEqual([]);
    expect(again.status('firewall')).toBe('not-applicable');
    expect(again.status('team-briefing')).toBe('done');
    const aside = readdirSync(folder).filter((name) => name.startsWith(`${b.id}.jsonl.damaged-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(folder, aside[0] ?? ''), 'utf8')).toBe(damaged);
    again.close();
    const third = startPc('PC-A', time, a.dir);
    expect(noticesOf(third)).toEqual([]);
    expect(third.status('team-briefing')).toBe('done');
    third.close();
  });
});

describe('an imported journal that cannot be read at all', () => {
  it('a folder in the place of B’s journal: the app starts with A’s entries, says so, and B’s record can be read in again', () => {
    const { time, a, b, folder, file } = mergedRecord();
    rmSync(file);
    mkdirSync(file);

    const again = startPc('PC-A', time, a.dir);
    expect(again.status('phishing-warning')).toBe('done');
    expect(again.status('firewall')).toBe('open');
    expect(noticesOf(again)).toEqual([expect.objectContaining({ computer: 'PC-B', file, reason: 'unreadable', kept: 0 })]);
    expect(noticesOf(again)[0]).not.toHaveProperty('line');
    expect(again.logger.lines).toContainEqual(expect.stringMatching(/^WARN journal\.imported-damaged .*"reason":"unreadable"/));
    // The app keeps working: a new entry is recorded, and B's record can be merged again.
    again.act(() => again.core.handlers.setTaskStatus({ taskId: 'team-briefing', status: 'in-progress' }));
    again.importFrom(b.exportText());
    expect(again.status('firewall')).toBe('not-applicable');
    expect(noticesOf(again)).toEqual([]);
    expect(readdirSync(folder).filter((name) => name.startsWith(`${b.id}.jsonl.damaged-`))).toHaveLength(1);
    again.close();
  });

  it('a file in the place of the folder of imported journals: the app starts with A’s entries, says so, and keeps working', () => {
    const { time, a, b, folder } = mergedRecord();
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'x');

    const again = startPc('PC-A', time, a.dir);
    expect(again.status('phishing-warning')).toBe('done');
    expect(noticesOf(again)).toEqual([expect.objectContaining({ computer: '', file: folder, reason: 'unreadable', kept: 0 })]);
    again.act(() => again.core.handlers.setTaskStatus({ taskId: 'firewall', status: 'in-progress' }));
    expect(again.status('firewall')).toBe('in-progress');
    again.importFrom(b.exportText());
    expect(again.status('team-briefing')).toBe('done');
    expect(noticesOf(again)).toEqual([]);
    // What lay in the folder's place is kept beside it.
    const aside = readdirSync(join(a.dir, 'journal')).filter((name) => name.startsWith(`${IMPORTED_DIR}.damaged-`));
    expect(aside.map((name) => readFileSync(join(a.dir, 'journal', name), 'utf8'))).toEqual(['x']);
    again.close();
  });
});
