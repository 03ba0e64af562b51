import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProfile, type Profile } from '../../../shared/domain/profile';
import type { EventDraft } from '../../../shared/journal/events';
import type { RecordExport } from '../../../shared/record/export-format';
import { ConfirmPracticeError } from '../core';
import { BUNDLED_PACK_PATH, startTestPc, testClock, type TestClock, type TestPc } from '../../testing/test-support';
import { MAX_CLOCK_AHEAD_MS, type PreviewOutcome } from './exchange-service';
import { packWithXComfortUpdate, signPack } from '../../testing/pack-fixtures';
import { IMPORTED_DIR, RecordService } from './record-service';
import { testSigningKey, testTrustedKeys } from '../../testing/test-keys';
import type { TrustedKey } from './pack-signing';
import { EVENT_KINDS } from '../../../shared/journal/event-kinds';
import { forgeChain, type ForgedDraft } from '../../testing/forged-chain';

const PRACTICE = 'Praxis Dr. Weiß';
const practice: Profile = {
  ...defaultProfile(),
  products: ['x.comfort'],
  connector: 'yes',
  connectorModel: 'kocobox',
  computers: [
    { id: 'pc-empfang-1', name: 'Empfang 1', server: false },
    { id: 'pc-server', name: 'Server', server: true },
  ],
};
/** The task both PCs change: first PC A („Erledigt“), later PC B („An IT-Partner übergeben“). */
const SHARED = 'connector:x.comfort';
const REASON = 'Der Router gehört dem Vermieter und wird von ihm betreut.';

const startPc = (computer: string, time: TestClock, dir = mkdtempSync(join(tmpdir(), 'pl-exchange-')), keys: TrustedKey[] = []) =>
  startTestPc(computer, time, dir, keys);
type Pc = TestPc;

function setUpPractice(pc: Pc, user: string, practiceName = PRACTICE) {
  pc.act(() => pc.core.handlers.updateSettings({ practiceName, userName: user }));
  pc.act(() => pc.core.handlers.saveProfile(practice));
}

/**
 * Two PCs of one practice: A (Anna) finishes the phishing warning, x.comfort and the connector; B (Ben, then Özlem)
 * says the firewall does not apply, starts the team briefing and, later than A, hands the connector to the IT partner.
 */
function twoPcs() {
  const time = testClock();
  const a = startPc('PC-A', time);
  const b = startPc('PC-B', time);
  setUpPractice(a, 'Anna Adler');
  setUpPractice(b, 'Ben Bauer');
  a.act(() => a.core.handlers.setTaskStatus({ taskId: 'phishing-warning', status: 'done' }));
  a.act(() => a.core.handlers.setTaskStatus({ taskId: 'pvs:x.comfort', status: 'done' }));
  a.act(() => a.core.handlers.setTaskStatus({ taskId: SHARED, status: 'done' }));
  b.act(() => b.core.handlers.setTaskStatus({ taskId: 'firewall', status: 'not-applicable', reason: REASON }));
  b.act(() => b.core.handlers.updateSettings({ userName: 'Özlem Demir' }));
  b.act(() => b.core.handlers.checkStep({ taskId: 'team-briefing', stepId: firstStep(b, 'team-briefing'), checked: true }));
  b.act(() => b.core.handlers.setTaskStatus({ taskId: SHARED, status: 'handed-to-it' }));
  return { time, a, b };
}

function firstStep(pc: Pc, taskId: string): string {
  const guideId = pc.view(taskId)?.guideId;
  const step = (pc.core.handlers.getAdvisory() as { guides: { id: string; steps: { id: string }[] }[] }).guides.find(
    (g) => g.id === guideId,
  )?.steps[0];
  if (!step) throw new Error(`no step for ${taskId}`);
  return step.id;
}

/** Every file under a folder with its bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

function expectSameFiles(before: Map<string, Buffer>, after: Map<string, Buffer>) {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
}

/** What a PC shows: the statuses and records of its tasks, and its record's state. */
function shown(pc: Pc) {
  const state = pc.core.record.state;
  return {
    tasks: pc.core.checklist.views().map((t) => ({ id: t.id, status: t.status, record: t.record, checked: t.checkedSteps })),
    taskStates: JSON.stringify([...state.taskStates.entries()].sort(([x], [y]) => x.localeCompare(y))),
    protocol: state.protocol,
    practiceName: state.practiceName,
    profile: state.profile,
  };
}

function ready(outcome: PreviewOutcome) {
  if (outcome.status !== 'ready') throw new Error(`preview refused: ${JSON.stringify(outcome)}`);
  return outcome.preview;
}

/** An installation no PC of the practice knows, and a file of B's with its forged chain added. */
const FORGED = 'f0f0f0f0-0000-4000-8000-00000000f0f0';
const withForged = (base: RecordExport, drafts: readonly ForgedDraft[], computer = 'PC-M'): string =>
  JSON.stringify({
    ...base,
    installations: [...base.installations, { installationId: FORGED, computer, lines: forgeChain(FORGED, drafts) }],
  });
const forgedStatus = (at: string, extra: Record<string, unknown> = {}): ForgedDraft => ({
  kind: 'status-set',
  by: 'Mallory',
  at,
  data: {
    taskId: 'phishing-warning',
    area: 'windows',
    from: 'open',
    to: 'done',
    guideId: 'phishing-warning',
    guideVersion: '1.0',
    ...extra,
  },
});

describe('ExchangeService between two PCs', () => {
  it('previews what the other PC brings (PC, people, new events, conflicts) and changes nothing', () => {
    const { a, b } = twoPcs();
    const bChain = b.core.record.ownChain();
    const ourShared = a.core.record.taskState(SHARED).history.at(-1);
    const theirShared = b.core.record.taskState(SHARED).history.at(-1);
    const files = filesUnder(a.dir);
    const snapshot = JSON.stringify(a.core.snapshot());
    const before = shown(a);

    const preview = ready(a.core.handlers.previewImport({ content: b.exportText() }) as PreviewOutcome);

    expect(preview.fromComputer).toBe('PC-B');
    expect(preview.nothingNew).toBe(false);
    expect(preview.otherPractice).toBeUndefined();
    expect(preview.installations).toEqual([
      {
        installationId: b.id,
        computer: 'PC-B',
        newEvents: bChain.count,
        people: ['Ben Bauer', 'Özlem Demir'],
        firstAt: bChain.events[0]?.at,
        lastAt: bChain.events.at(-1)?.at,
      },
    ]);
    expect(bChain.count).toBe(b.core.record.state.count);
    expect(preview.conflicts).toEqual([
      {
        taskId: SHARED,
        area: 'connector',
        ours: { status: 'done', by: 'Anna Adler', at: ourShared?.at, computer: 'PC-A' },
        theirs: { status: 'handed-to-it', by: 'Özlem Demir', at: theirShared?.at, computer: 'PC-B' },
        winner: 'theirs',
      },
    ]);
    expect(Date.parse(theirShared?.at ?? '')).toBeGreaterThan(Date.parse(ourShared?.at ?? ''));
    // Nothing changes before the person confirms.
    expectSameFiles(files, filesUnder(a.dir));
    expect(JSON.stringify(a.core.snapshot())).toBe(snapshot);
    expect(shown(a)).toEqual(before);
    expect(a.core.record.foreignJournals.size).toBe(0);
  });

  it('applies: B’s statuses show on A, the later change wins, A’s Protokoll holds B’s entries, A’s journal is untouched', () => {
    const { a, b } = twoPcs();
    const ownJournal = readFileSync(a.core.record.file);
    const ownBefore = { count: a.core.record.state.count, head: a.core.record.state.head };
    const aProtocol = [...a.core.record.state.protocol];
    const preview = ready(a.core.exchange.preview(b.exportText()));

    const ack = a.core.handlers.applyImport({ previewId: preview.previewId, confirmOtherPractice: false });

    // The acknowledgement and the record's head stay this PC's own chain.
    expect(ack).toEqual(ownBefore);
    expect(a.core.snapshot().record).toMatchObject(ownBefore);
    expect(readFileSync(a.core.record.file).equals(ownJournal)).toBe(true);
    // B's journal is kept beside A's, line for line as B wrote it.
    expect(readFileSync(join(a.core.record.journalDir, IMPORTED_DIR, `${b.id}.jsonl`)).equals(readFileSync(b.core.record.file))).toBe(true);
    expect([...a.core.record.foreignJournals.keys()]).toEqual([b.id]);
    expect(a.core.exchange.computers().get(b.id)).toBe('PC-B');

    expect(a.view('firewall')?.status).toBe('not-applicable');
    expect(a.view('firewall')?.record).toMatchObject({ by: 'Ben Bauer', reason: REASON });
    expect(a.view('team-briefing')?.status).toBe('in-progress');
    expect(a.view('team-briefing')?.checkedSteps).toEqual([firstStep(b, 'team-briefing')]);
    expect(a.view(SHARED)?.status).toBe('handed-to-it');
    expect(a.view(SHARED)?.record?.by).toBe('Özlem Demir');
    expect(a.view('pvs:x.comfort')?.record).toMatchObject({ status: 'done', by: 'Anna Adler' });
    expect(a.view('phishing-warning')?.status).toBe('done');
    // The person using A is still A's.
    expect(a.core.record.state.userName).toBe('Anna Adler');

    const protocol = a.core.record.state.protocol;
    expect(protocol.filter((e) => e.id.startsWith(`${b.id}:`))).toEqual(b.core.record.state.protocol);
    expect(protocol.filter((e) => e.id.startsWith(`${a.id}:`))).toEqual(aProtocol);
    expect(protocol).toHaveLength(aProtocol.length + b.core.record.state.protocol.length);
    const times = protocol.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    // Both changes of the shared task stay in the Protokoll.
    expect(protocol.filter((e) => e.taskId === SHARED && e.kind === 'status').map((e) => [e.by, e.to])).toEqual([
      ['Anna Adler', 'done'],
      ['Özlem Demir', 'handed-to-it'],
    ]);
    // A preview is used once.
    expect(a.core.exchange.apply(preview.previewId, false)).toBe('not-found');
  });

  it('the same file again is nothing new, and applying it changes nothing', () => {
    const { a, b } = twoPcs();
    const file = b.exportText();
    a.core.exchange.apply(ready(a.core.exchange.preview(file)).previewId, false);
    const files = filesUnder(a.dir);
    const state = shown(a);

    const again = ready(a.core.exchange.preview(file));
    expect(again.nothingNew).toBe(true);
    expect(again.installations).toEqual([]);
    expect(again.conflicts).toEqual([]);
    expect(a.core.exchange.apply(again.previewId, false)).toBe('applied');
    expectSameFiles(files, filesUnder(a.dir));
    expect(shown(a)).toEqual(state);
    // A's own export read back into A is nothing new either.
    expect(ready(a.core.exchange.preview(a.exportText())).nothingNew).toBe(true);
  });

  it('works both ways: after A reads B’s file and B reads A’s, both PCs show the same', () => {
    const { a, b } = twoPcs();
    const fromA = a.exportText();
    const fromB = b.exportText();
    const inA = ready(a.core.exchange.preview(fromB));
    const inB = ready(b.core.exchange.preview(fromA));
    // Seen from B the same conflict has the sides swapped, and the same change wins.
    expect(inB.conflicts).toHaveLength(1);
    expect(inB.conflicts[0]?.ours).toEqual(inA.conflicts[0]?.theirs);
    expect(inB.conflicts[0]?.theirs).toEqual(inA.conflicts[0]?.ours);
    expect(inB.conflicts[0]?.winner).toBe('ours');
    expect(inB.installations.map((i) => [i.installationId, i.computer, i.people])).toEqual([[a.id, 'PC-A', ['Anna Adler']]]);
    expect(a.core.exchange.apply(inA.previewId, false)).toBe('applied');
    expect(b.core.exchange.apply(inB.previewId, false)).toBe('applied');

    expect(shown(b)).toEqual(shown(a));
    expect(a.status(SHARED)).toBe('handed-to-it');
    expect(a.core.record.state.userName).toBe('Anna Adler');
    expect(b.core.record.state.userName).toBe('Özlem Demir');
    // Each now holds everything the other has.
    expect(ready(a.core.exchange.preview(b.exportText())).nothingNew).toBe(true);
    expect(ready(b.core.exchange.preview(a.exportText())).nothingNew).toBe(true);

    // A goes on working; A's new file carries B's own chain back to B, which is accepted as the same.
    a.act(() => a.core.handlers.setTaskStatus({ taskId: 'firewall', status: 'done' }));
    const next = ready(b.core.exchange.preview(a.exportText()));
    expect(next.installations.map((i) => [i.installationId, i.newEvents])).toEqual([[a.id, 1]]);
    b.core.exchange.apply(next.previewId, false);
    expect(shown(b)).toEqual(shown(a));
    expect(b.status('firewall')).toBe('done');
  });

  it('a third PC’s record passes through a second one', () => {
    const { time, a, b } = twoPcs();
    const c = startPc('PC-C', time);
    setUpPractice(c, 'Carla Conrad');
    c.act(() => c.core.handlers.setTaskStatus({ taskId: 'team-briefing', status: 'done' }));
    b.core.exchange.apply(ready(b.core.exchange.preview(c.exportText())).previewId, false);
    const preview = ready(a.core.exchange.preview(b.exportText()));
    expect(preview.installations.map((i) => [i.computer, i.newEvents]).sort()).toEqual(
      [
        ['PC-B', b.core.record.state.count],
        ['PC-C', c.core.record.state.count],
      ].sort(),
    );
    a.core.exchange.apply(preview.previewId, false);
    expect(a.core.exchange.computers().get(c.id)).toBe('PC-C');
    expect(a.status('team-briefing')).toBe('done');
    expect(a.core.record.state.protocol.filter((e) => e.id.startsWith(`${c.id}:`))).toEqual(c.core.record.state.protocol);
  });

  it('after a restart of A the merged state is the same', () => {
    const { time, a, b } = twoPcs();
    a.core.exchange.apply(ready(a.core.exchange.preview(b.exportText())).previewId, false);
    a.act(() => a.core.handlers.setTaskStatus({ taskId: 'security-system', status: 'handed-to-it' }));
    const before = shown(a);
    const record = a.core.snapshot().record;
    a.core.record.close();

    const again = startPc('PC-A', time, a.dir);
    expect(again.id).toBe(a.id);
    expect(shown(again)).toEqual(before);
    expect(again.core.snapshot().record).toEqual(record);
    expect([...again.core.record.foreignJournals.keys()]).toEqual([b.id]);
    expect(again.core.record.foreignProblems).toEqual([]);
    expect(again.core.exchange.computers().get(b.id)).toBe('PC-B');
    expect(ready(again.core.exchange.preview(b.exportText())).nothingNew).toBe(true);
  });

  it('a carry-over of the app of version 2 in the file that sets a task changed here is listed as a conflict', () => {
    const { a, b } = twoPcs();
    const ours = a.core.record.taskState('phishing-warning').history.at(-1);
    expect(ours?.status).toBe('done');
    const carryOver = (at: string): ForgedDraft => ({
      kind: 'store-migrated',
      by: 'Ben Bauer',
      at,
      data: {
        fromVersion: 2,
        practiceName: PRACTICE,
        profile: { ...practice, completed: true },
        entries: 0,
        taskStates: {
          'phishing-warning': {
            history: [{ status: 'in-progress', at: '2021-11-01T09:00:00.000Z', by: 'Ben Bauer', guideVersion: '1.0' }],
            checkedSteps: [],
          },
          'security-system': { history: [], checkedSteps: ['s1'] },
        },
      },
    });
    const only = (drafts: ForgedDraft[]) =>
      JSON.stringify({
        ...JSON.parse(b.exportText()),
        from: FORGED,
        installations: [{ installationId: FORGED, computer: 'PC-M', lines: forgeChain(FORGED, drafts) }],
      });

    // Carried over after A's change: the carry-over's state wins, and the preview says so.
    const later = '2021-11-09T08:00:00.000Z';
    const preview = ready(a.core.exchange.preview(only([carryOver(later)])));
    expect(preview.conflicts).toEqual([
      {
        taskId: 'phishing-warning',
        area: 'other',
        ours: { status: 'done', by: 'Anna Adler', at: ours?.at, computer: 'PC-A' },
        theirs: { status: 'in-progress', by: 'Ben Bauer', at: later, computer: 'PC-M' },
        winner: 'theirs',
      },
    ]);
    // Carried over before it: A's change wins.
    const earlier = ready(a.core.exchange.preview(only([carryOver('2021-11-08T12:00:00.000Z')])));
    expect(earlier.conflicts.map((c) => [c.taskId, c.winner])).toEqual([['phishing-warning', 'ours']]);

    // What the preview said is what the merge shows.
    expect(a.core.exchange.apply(preview.previewId, false)).toBe('not-found');
    expect(a.core.exchange.apply(ready(a.core.exchange.preview(only([carryOver(later)]))).previewId, false)).toBe('applied');
    expect(a.status('phishing-warning')).toBe('in-progress');
  });

  it('a PC name lost by a crash between its journal and its name file comes back when the same file is read again', () => {
    const { time, a, b } = twoPcs();
    const file = b.exportText();
    a.core.exchange.apply(ready(a.core.exchange.preview(file)).previewId, false);
    a.close();
    // What a crash after B's journal, before its name file, left: the journal without the name.
    rmSync(join(a.dir, 'journal', IMPORTED_DIR, `${b.id}.json`));
    const again = startPc('PC-A', time, a.dir);
    expect(again.core.snapshot().record.computers.find((pc) => pc.installationId === b.id)?.computer).toBe('');
    const before = shown(again);

    const preview = ready(again.core.exchange.preview(file));
    expect(preview.nothingNew).toBe(true);
    expect(again.core.exchange.apply(preview.previewId, false)).toBe('applied');
    expect(again.core.snapshot().record.computers.find((pc) => pc.installationId === b.id)?.computer).toBe('PC-B');
    expect(shown(again)).toEqual(before);
    again.close();
    expect(startPc('PC-A', time, a.dir).core.exchange.computers().get(b.id)).toBe('PC-B');
  });
});

describe('ExchangeService refuses hostile or foreign files and writes nothing', () => {
  /** A with its record, and a valid file from B to change. */
  function setUp() {
    const { time, a, b } = twoPcs();
    const valid = b.exportText();
    return { time, a, b, valid, parsed: () => JSON.parse(valid) as RecordExport };
  }

  /** Preview `text` in A and expect it refused as `refusal`, with not one byte under A's folder changed. */
  function expectRefused(a: Pc, text: string, refusal: string, more: Record<string, unknown> = {}) {
    const files = filesUnder(a.dir);
    const snapshot = JSON.stringify(a.core.snapshot());
    const outcome = a.core.exchange.preview(text);
    expect(outcome).toEqual({ status: 'refused', refusal, ...more });
    expectSameFiles(files, filesUnder(a.dir));
    expect(JSON.stringify(a.core.snapshot())).toBe(snapshot);
    expect(a.core.record.foreignJournals.size).toBe(0);
  }

  it('malformed JSON', () => {
    const { a, valid } = setUp();
    expectRefused(a, valid.slice(0, -2), 'not-json');
    expectRefused(a, '', 'not-json');
    expectRefused(a, `${valid}x`, 'not-json');
  });

  it('the wrong schema', () => {
    const { a, parsed } = setUp();
    const noFrom: Partial<RecordExport> = parsed();
    delete noFrom.from;
    expectRefused(a, JSON.stringify(noFrom), 'invalid');
    expectRefused(a, JSON.stringify({ ...parsed(), extra: true }), 'invalid');
    expectRefused(a, JSON.stringify({ ...parsed(), installations: 'alle' }), 'invalid');
    expectRefused(a, JSON.stringify({ ...parsed(), installations: [] }), 'invalid');
    const badId = parsed();
    (badId.installations[0] as { installationId: string }).installationId = 'PC-B';
    expectRefused(a, JSON.stringify(badId), 'invalid');
    const twice = parsed();
    twice.installations.push({ ...(twice.installations[0] as RecordExport['installations'][number]), computer: 'PC-B2' });
    expectRefused(a, JSON.stringify(twice), 'invalid');
    expectRefused(a, JSON.stringify({ ...parsed(), formatVersion: '1' }), 'invalid');
  });

  it('a newer format', () => {
    const { a, parsed } = setUp();
    expectRefused(a, JSON.stringify({ ...parsed(), formatVersion: 99 }), 'newer-format');
  });

  it('a format version that is no whole number (1e400 reads as Infinity) is a damaged file, not a newer one', () => {
    const { a, valid } = setUp();
    expect(valid).toContain('"formatVersion":1,');
    for (const version of ['1e400', '1.5', '-1e400', '9007199254740993']) {
      expectRefused(a, valid.replace('"formatVersion":1,', `"formatVersion":${version},`), 'invalid');
    }
  });

  it('a file larger than 32 MiB, also when only its UTF-8 bytes are', () => {
    const { a } = setUp();
    expectRefused(a, `{"format":"passwort-lotse-record","formatVersion":1,"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`, 'too-large');
    // 17 Mi characters, 34 MiB in UTF-8.
    expectRefused(a, `{"format":"passwort-lotse-record","pad":"${'ä'.repeat(17 * 1024 * 1024)}"}`, 'too-large');
  });

  it('keys that could reach a prototype, anywhere in the file', () => {
    const { a, valid } = setUp();
    const proto = valid.replace('"lines":[', '"__proto__":{"polluted":"yes"},"lines":[');
    const ctor = valid.replace('"app":{', '"app":{"constructor":{"prototype":{"polluted":"yes"}},');
    const deep = valid.replace('"practice":{', '"practice":{"x":[{"y":{"prototype":1}}],');
    for (const text of [proto, ctor, deep]) {
      expect(text).not.toBe(valid);
      expectRefused(a, text, 'hostile-keys');
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a chain changed after the export, naming the computer and line', () => {
    const { a, parsed } = setUp();
    const file = parsed();
    const lines = file.installations[0]?.lines as string[];
    const at = lines.findIndex((line) => line.includes('"to":"handed-to-it"'));
    expect(at).toBeGreaterThan(0);
    lines[at] = (lines[at] as string).replace('"to":"handed-to-it"', '"to":"done"');
    expectRefused(a, JSON.stringify(file), 'chain-broken', { computer: 'PC-B', line: at + 1, reason: 'hash-mismatch' });

    const gap = parsed();
    gap.installations[0]?.lines.splice(2, 1);
    expectRefused(a, JSON.stringify(gap), 'chain-broken', { computer: 'PC-B', line: 3, reason: 'chain-gap' });
  });

  it('a signed advisory pack or any other JSON is not an export', () => {
    const { a } = setUp();
    expectRefused(a, signPack(packWithXComfortUpdate(true), testSigningKey().privatePem), 'not-an-export');
    expectRefused(a, readFileSync(BUNDLED_PACK_PATH, 'utf8'), 'not-an-export');
    for (const text of ['{"hello":"world"}', '[1,2,3]', '42', 'null', '"passwort-lotse-record"', '{"format":"passwort-lotse-pack"}']) {
      expectRefused(a, text, 'not-an-export');
    }
  });

  /** Lines of a chain for installation `id`: `base` (a journal file) continued with `drafts`, written by the app's code. */
  function chainFor(id: string, drafts: readonly EventDraft[], base?: string): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'pl-forged-'));
    if (base) copyFileSync(base, join(dir, `${id}.jsonl`));
    let now = Date.parse('2021-11-10T09:00:00.000Z');
    const record = new RecordService({ dir, installationId: id, osUser: 'mallory', clock: () => new Date((now += 60_000)) });
    for (const draft of drafts) record.append(draft);
    const lines = record.ownChain().lines;
    record.close();
    return lines;
  }
  const forgedDraft: EventDraft = {
    kind: 'status-set',
    by: 'Mallory',
    data: { taskId: 'firewall', area: 'windows', from: 'open', to: 'done', guideId: 'firewall', guideVersion: '1.0' },
  };
  const fileWith = (base: RecordExport, installations: RecordExport['installations']): string =>
    JSON.stringify({ ...base, from: installations[0]?.installationId, installations });

  it('a chain under A’s own installation id that is not A’s', () => {
    const { a, parsed } = setUp();
    const other = chainFor(a.id, [forgedDraft]);
    expectRefused(a, fileWith(parsed(), [{ installationId: a.id, computer: 'PC-A', lines: other }]), 'own-installation-differs', {
      computer: 'PC-A',
    });
    // A's chain with an event A never wrote is not A's either.
    const longer = chainFor(a.id, [forgedDraft], a.core.record.file);
    expect(longer.slice(0, -1)).toEqual(a.core.record.ownChain().lines);
    expectRefused(a, fileWith(parsed(), [{ installationId: a.id, computer: 'PC-A', lines: longer }]), 'own-installation-differs', {
      computer: 'PC-A',
    });
    // Beside a valid chain of B as well.
    const withB = parsed();
    expectRefused(
      a,
      fileWith(withB, [...withB.installations, { installationId: a.id, computer: 'PC-A', lines: other }]),
      'own-installation-differs',
      { computer: 'PC-A' },
    );
  });

  it('a chain of B that differs from the one A already merged', () => {
    const { a, b, valid } = setUp();
    a.core.exchange.apply(ready(a.core.exchange.preview(valid)).previewId, false);
    const files = filesUnder(a.dir);
    const state = shown(a);
    // B's journal without its last line, then another event: the same PC and seq, another hash.
    const dir = mkdtempSync(join(tmpdir(), 'pl-fork-'));
    const journal = readFileSync(b.core.record.file, 'utf8').split('\n').slice(0, -2);
    const base = join(dir, 'base.jsonl');
    writeFileSync(base, `${journal.join('\n')}\n`);
    const fork = chainFor(b.id, [forgedDraft], base);
    const outcome = a.core.exchange.preview(
      fileWith(JSON.parse(valid) as RecordExport, [{ installationId: b.id, computer: 'PC-B', lines: fork }]),
    );
    expect(outcome).toEqual({ status: 'refused', refusal: 'installation-differs', computer: 'PC-B' });
    expectSameFiles(files, filesUnder(a.dir));
    expect(shown(a)).toEqual(state);
  });

  it('another practice’s file needs a confirmation before anything is written', () => {
    const { time, a } = setUp();
    const c = startPc('PC-C', time);
    setUpPractice(c, 'Carla Conrad', 'Zahnarztpraxis Müller');
    c.act(() => c.core.handlers.setTaskStatus({ taskId: 'team-briefing', status: 'done' }));
    const files = filesUnder(a.dir);
    const state = shown(a);

    const preview = ready(a.core.exchange.preview(c.exportText()));
    expect(preview.otherPractice).toBe('Zahnarztpraxis Müller');
    expect(a.core.exchange.apply(preview.previewId, false)).toBe('confirm-practice');
    expect(() => a.core.handlers.applyImport({ previewId: preview.previewId, confirmOtherPractice: false })).toThrow(ConfirmPracticeError);
    expectSameFiles(files, filesUnder(a.dir));
    expect(shown(a)).toEqual(state);

    expect(a.core.exchange.apply(preview.previewId, true)).toBe('applied');
    expect(a.status('team-briefing')).toBe('done');
    expect([...a.core.record.foreignJournals.keys()]).toEqual([c.id]);
  });

  it('the same practice written another way is no other practice', () => {
    const { time, a } = setUp();
    const c = startPc('PC-C', time);
    setUpPractice(c, 'Carla Conrad', '  praxis   DR. Weiß ');
    expect(ready(a.core.exchange.preview(c.exportText())).otherPractice).toBeUndefined();
  });

  it('a forged chain whose content the app would write is taken (the forger’s tool makes chains that verify)', () => {
    const { a, parsed } = setUp();
    const preview = ready(a.core.exchange.preview(withForged(parsed(), [forgedStatus('2021-11-08T14:00:00.000Z')])));
    expect(preview.installations.map((i) => [i.computer, i.newEvents])).toContainEqual(['PC-M', 1]);
  });

  it('a time that names no real instant (a 13th month, 31 November, 24:00), though the chain verifies', () => {
    const { a, parsed } = setUp();
    for (const at of ['2021-13-01T00:00:00.000Z', '2021-11-31T10:00:00.000Z', '2021-11-08T24:00:00Z', '2021-02-29T10:00:00.000Z']) {
      expectRefused(a, withForged(parsed(), [forgedStatus(at)]), 'chain-broken', { computer: 'PC-M', line: 1, reason: 'invalid' });
    }
  });

  it('entries dated more than a day after this PC’s clock (the other PC’s clock set to a wrong year), naming PC and date', () => {
    const { a, parsed } = setUp();
    const status = a.status('phishing-warning');
    const drafts = [forgedStatus('2021-11-08T14:00:00.000Z'), forgedStatus('2099-01-01T00:00:00.000Z', { from: 'done', to: 'open' })];
    expectRefused(a, withForged(parsed(), drafts), 'future-dated', { computer: 'PC-M', at: '2099-01-01T00:00:00.000Z' });
    // A PC without a name in the file is named by the start of its id.
    expectRefused(a, withForged(parsed(), drafts, ''), 'future-dated', { computer: 'f0f0f0f0', at: '2099-01-01T00:00:00.000Z' });
    // Nothing was merged: a change made here is shown, and so is its undo.
    a.act(() => a.core.handlers.setTaskStatus({ taskId: 'phishing-warning', status: 'not-applicable', reason: 'Kein E-Mail-Programm' }));
    expect(a.status('phishing-warning')).toBe('not-applicable');
    a.act(() => a.core.handlers.undoTaskStatus({ taskId: 'phishing-warning' }));
    expect(a.status('phishing-warning')).toBe(status);
  });

  it('a clock up to a day ahead is ordinary skew and taken; a minute more is not', () => {
    const { time, a, parsed } = setUp();
    const now = time.clock().getTime();
    const within = new Date(now + MAX_CLOCK_AHEAD_MS).toISOString();
    expect(ready(a.core.exchange.preview(withForged(parsed(), [forgedStatus(within)]))).installations.at(-1)?.lastAt).toBe(within);
    const beyond = new Date(now + MAX_CLOCK_AHEAD_MS + 60_000).toISOString();
    expectRefused(a, withForged(parsed(), [forgedStatus(beyond)]), 'future-dated', { computer: 'PC-M', at: beyond });
  });

  describe('content the app’s own input refuses, in a chain that verifies', () => {
    const AT = '2021-11-08T14:00:00.000Z';
    const bad = ['\uD800', '\u0000', '\u0007', '\n', '\u0085'];
    const name = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    const profile = (change: Partial<Profile>) => ({ ...practice, completed: true, ...change });
    const migrated = (change: Record<string, unknown>): ForgedDraft => ({
      kind: 'store-migrated',
      by: 'Ben',
      at: AT,
      data: {
        fromVersion: 2,
        practiceName: PRACTICE,
        profile: profile({}),
        entries: 0,
        taskStates: { firewall: { history: [{ status: 'in-progress', at: AT, by: 'Ben', guideVersion: '1.0' }], checkedSteps: [] } },
        ...change,
      },
    });
    const history = (entry: Record<string, unknown>) => ({
      taskStates: {
        firewall: { history: [{ status: 'in-progress', at: AT, by: 'Ben', guideVersion: '1.0', ...entry }], checkedSteps: [] },
      },
    });
    const legacy = (entry: Record<string, unknown>): ForgedDraft => ({
      kind: 'legacy-entry',
      by: 'Ben',
      at: AT,
      data: { entry: { seq: 1, at: AT, by: 'Ben', kind: 'status', taskId: 'firewall', from: 'open', to: 'done', ...entry } },
    });
    const rename = (to: string): ForgedDraft => ({ kind: 'names-changed', by: 'Ben', at: AT, data: { practice: { from: PRACTICE, to } } });
    const saved = (change: Partial<Profile>): ForgedDraft => ({
      kind: 'profile-saved',
      by: 'Ben',
      at: AT,
      data: { profile: profile(change), changes: [] },
    });
    /** Each case is refused as `invalid`; a C1 control (U+0085) is refused where the contract refuses \p{Cc}. */
    const cases: [string, ForgedDraft[]][] = [
      ...bad.filter((c) => c !== '\u0085').map((c): [string, ForgedDraft[]] => [`practice name with ${name(c)}`, [rename(`Praxis${c}`)]]),
      ...bad
        .filter((c) => c !== '\u0085')
        .map((c): [string, ForgedDraft[]] => [`person with ${name(c)}`, [{ ...forgedStatus(AT), by: `Ben${c}` }]]),
      ['user name with a BEL', [{ kind: 'names-changed', by: 'Ben', at: AT, data: { user: { from: 'Ben', to: 'Ben\u0007' } } }]],
      ...bad.map((c): [string, ForgedDraft[]] => [
        `reason with ${name(c)}`,
        [forgedStatus(AT, { to: 'not-applicable', reason: `Grund${c}` })],
      ]),
      ['reason of 501 characters', [forgedStatus(AT, { to: 'not-applicable', reason: 'x'.repeat(501) })]],
      ...bad.map((c): [string, ForgedDraft[]] => [
        `computer name in a profile with ${name(c)}`,
        [saved({ computers: [{ id: 'pc-server', name: `Server${c}`, server: true }] })],
      ]),
      ['a computer without a name', [saved({ computers: [{ id: 'pc-server', name: '  ', server: true }] })]],
      [
        'two computers with one id',
        [
          saved({
            computers: [
              { id: 'pc-server', name: 'Server', server: true },
              { id: 'pc-server', name: 'Server 2', server: true },
            ],
          }),
        ],
      ],
      ['a card terminal with a NUL', [saved({ cardTerminals: [{ id: 'kt-1', model: 'ORGA\u0000' }] })]],
      [
        'a step id with a BEL',
        [
          {
            kind: 'step-checked',
            by: 'Ben',
            at: AT,
            data: {
              taskId: 'firewall',
              area: 'windows',
              stepId: 's\u0007',
              checked: true,
              guideId: 'firewall',
              guideVersion: '1.0',
              startsTask: false,
            },
          },
        ],
      ],
      ['carry-over: practice name with a BEL', [migrated({ practiceName: 'Praxis\u0007' })]],
      [
        'carry-over: profile with two computers of one id',
        [
          migrated({
            profile: profile({
              computers: [
                { id: 'c-1', name: 'A', server: false },
                { id: 'c-1', name: 'B', server: false },
              ],
            }),
          }),
        ],
      ],
      ['carry-over: a status at no time', [migrated(history({ at: 'not a date '.repeat(100) }))]],
      ['carry-over: a status by a name of 3000 characters', [migrated(history({ by: 'Ben'.repeat(1000) }))]],
      ['carry-over: a reason with a NUL', [migrated(history({ reason: 'Grund\u0000' }))]],
      ['carry-over: a Wiedervorlage that is no day', [migrated(history({ followUp: 'morgen' }))]],
      ['old Protokoll line by a person with a NUL', [legacy({ by: 'Ben\u0000' })]],
      ['old Protokoll line with a reason with a BEL', [legacy({ reason: 'Grund\u0007' })]],
      ['old Protokoll line with an unpaired surrogate', [legacy({ reason: 'Grund\uD800' })]],
    ];

    it.each(cases)('%s: the file is refused as invalid and nothing changes', (_, drafts) => {
      const { a, parsed } = setUp();
      expectRefused(a, withForged(parsed(), drafts), 'invalid');
    });

    it('a computer or practice name in the file with a control character or an unpaired surrogate', () => {
      const { a, parsed } = setUp();
      for (const c of bad) {
        expectRefused(a, withForged(parsed(), [forgedStatus(AT)], `PC-M${c}`), 'invalid');
        expectRefused(
          a,
          JSON.stringify({ ...parsed(), practice: { id: 'praxis', name: `Praxis${c === '\u0085' ? '\u007f' : c}` } }),
          'invalid',
        );
      }
    });

    it('after such a refusal the practice can be renamed and its Einrichtung saved as before', () => {
      const { a, parsed } = setUp();
      expectRefused(
        a,
        withForged(parsed(), [
          rename('Praxis am Dom\uD800'),
          saved({
            computers: [
              { id: 'pc-server', name: 'Server', server: true },
              { id: 'pc-server', name: 'Server', server: true },
            ],
          }),
        ]),
        'invalid',
      );
      a.act(() => a.core.handlers.updateSettings({ practiceName: 'Praxis am Dom' }));
      expect(a.core.record.state.practiceName).toBe('Praxis am Dom');
      a.act(() => a.core.handlers.saveProfile(a.core.record.state.profile));
      expect(new Set(a.core.checklist.views().map((t) => t.id)).size).toBe(a.core.checklist.views().length);
    });

    it('what the app of version 2 took and a carry-over kept (a reason with line breaks and a tab) is taken', () => {
      const { a, parsed } = setUp();
      const preview = ready(
        a.core.exchange.preview(
          withForged(parsed(), [legacy({ reason: 'Zeile 1\r\nZeile 2\tEnde' }), migrated(history({ reason: 'Zeile 1\nZeile 2' }))]),
        ),
      );
      expect(preview.installations.find((i) => i.computer === 'PC-M')?.newEvents).toBe(2);
    });

    it('an export holding every kind of event the app writes today is taken whole', async () => {
      const time = testClock();
      const a = startPc('PC-A', time);
      setUpPractice(a, 'Anna Adler');
      const dir = mkdtempSync(join(tmpdir(), 'pl-exchange-all-'));
      const c = startPc('PC-C', time, dir, testTrustedKeys());
      setUpPractice(c, 'Carla Conrad');
      const { handlers } = c.core;
      c.act(() => handlers.setTaskStatus({ taskId: 'pvs:x.comfort', status: 'done' }));
      c.act(() => handlers.setTaskStatus({ taskId: SHARED, status: 'handed-to-it', followUp: '2021-11-22' }));
      c.act(() => handlers.setFollowUp({ taskId: SHARED, followUp: '2021-11-29' }));
      c.act(() => handlers.setTaskStatus({ taskId: 'firewall', status: 'not-applicable', reason: REASON }));
      c.act(() => handlers.undoTaskStatus({ taskId: 'firewall' }));
      c.act(() => handlers.checkStep({ taskId: 'team-briefing', stepId: firstStep(c, 'team-briefing'), checked: true }));
      const pack = (revision: number) => signPack(packWithXComfortUpdate(false, revision), testSigningKey().privatePem);
      const declined = await handlers.previewAdvisory({ content: pack(2) });
      if (declined.status !== 'ready') throw new Error('revision 2 should be accepted');
      handlers.cancelAdvisory({ previewId: declined.previewId });
      const update = await handlers.previewAdvisory({ content: pack(3) });
      if (update.status !== 'ready') throw new Error('revision 3 should be accepted');
      await handlers.applyAdvisory({ previewId: update.previewId });
      // A damaged line: the next start goes on in a new segment that records the break.
      c.core.record.close();
      appendFileSync(c.core.record.file, 'kaputt\n');
      const again = startPc('PC-C', time, dir, testTrustedKeys());
      const chain = again.core.record.ownChain();
      const written = new Set(chain.events.map((e) => e.kind));
      expect(EVENT_KINDS.filter((kind) => !written.has(kind))).toEqual(['legacy-entry', 'store-migrated']);

      const preview = ready(a.core.exchange.preview(again.exportText()));
      expect(preview.installations.map((i) => [i.computer, i.newEvents])).toEqual([['PC-C', chain.count]]);
    });

    it('an export of a PC carried over from the app before the journal is taken whole', () => {
      // After the last entry of the old store (15 November 2021).
      const time = testClock('2021-12-01T09:00:00.000Z');
      const a = startPc('PC-A', time);
      setUpPractice(a, 'Anna Adler');
      const dir = mkdtempSync(join(tmpdir(), 'pl-exchange-v2-'));
      copyFileSync(join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'store-v2.json'), join(dir, 'passwort-lotse.json'));
      const old = startPc('PC-ALT', time, dir);
      const chain = old.core.record.ownChain();
      expect(chain.events.map((e) => e.kind)).toContain('store-migrated');
      expect(chain.events.filter((e) => e.kind === 'legacy-entry').length).toBeGreaterThan(0);
      const preview = ready(a.core.exchange.preview(old.exportText()));
      expect(preview.installations.map((i) => [i.computer, i.newEvents])).toEqual([['PC-ALT', chain.count]]);
      expect(a.core.exchange.apply(preview.previewId, true)).toBe('applied');
    });
  });

  it('a cancelled or replaced preview cannot be applied', () => {
    const { a, valid } = setUp();
    const files = filesUnder(a.dir);
    const first = ready(a.core.exchange.preview(valid));
    const second = ready(a.core.exchange.preview(valid));
    expect(second.previewId).not.toBe(first.previewId);
    expect(a.core.exchange.apply(first.previewId, false)).toBe('not-found');
    a.core.handlers.cancelImport({ previewId: second.previewId });
    expect(a.core.exchange.apply(second.previewId, false)).toBe('not-found');
    expectSameFiles(files, filesUnder(a.dir));
  });
});
