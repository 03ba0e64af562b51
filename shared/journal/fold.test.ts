import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { defaultProfile, type Profile } from '../domain/profile';
import { EVENT_FORMAT_VERSION, formatVersionOf, parseEvent, upgrades, type EventDraft, type JournalEvent } from './events';
import { foldEvents, RecordFold } from './fold';

const INST = '5e0c2a9d-3b7f-4c1e-8a6d-2f4b9c0e1d3a';
const pvs = { taskId: 'pvs:x.comfort', area: 'pvs', guideId: 'pvs-x.comfort', guideVersion: '1.1' } as const;
const firewall = { taskId: 'firewall', area: 'windows', guideId: 'firewall', guideVersion: '1.0' } as const;

const practiceProfile: Profile = {
  ...defaultProfile(),
  completed: true,
  products: ['x.comfort'],
  connector: 'yes',
  connectorModel: 'kocobox',
  computers: [
    { id: 'pc-empfang-1', name: 'Empfang 1', server: false },
    { id: 'pc-praxisserver', name: 'Praxisserver', server: true },
  ],
};

/** Chain drafts into events as the journal does (seq, prev, hash over the canonical JSON without `hash`). */
function chain(drafts: readonly EventDraft[], start = Date.parse('2026-03-02T08:00:00.000Z')): JournalEvent[] {
  let prev = '';
  return drafts.map((draft, i) => {
    const body = {
      v: EVENT_FORMAT_VERSION,
      inst: INST,
      seq: i + 1,
      at: draft.at ?? new Date(start + i * 60_000).toISOString(),
      by: draft.by,
      os: 'empfang',
      kind: draft.kind,
      data: draft.data,
      prev,
    };
    const hash = createHash('sha256')
      .update(canonicalize(body) as string, 'utf8')
      .digest('hex');
    prev = hash;
    return { ...body, hash } as JournalEvent;
  });
}

/** A record with every kind of event, as a practice could have made it. */
const everyKind: EventDraft[] = [
  {
    kind: 'legacy-entry',
    by: 'Sabine Yilmaz',
    at: '2021-11-15T08:03:37.000Z',
    data: { entry: { seq: 1, at: '2021-11-15T08:03:37.000Z', by: 'Sabine Yilmaz', kind: 'profile' } },
  },
  {
    kind: 'store-migrated',
    by: 'Sabine Yilmaz',
    data: {
      fromVersion: 2,
      practiceName: 'Hausarztpraxis Dr. Weiß',
      profile: practiceProfile,
      taskStates: {
        'remote:teamviewer': {
          history: [{ status: 'done', at: '2021-11-15T08:13:19.000Z', by: 'Sabine Yilmaz', guideVersion: '1.0' }],
          checkedSteps: ['good-password'],
        },
      },
      entries: 1,
    },
  },
  { kind: 'names-changed', by: 'Dr. Jörg Weiß', data: { user: { from: 'Sabine Yilmaz', to: 'Dr. Jörg Weiß' } } },
  {
    kind: 'profile-saved',
    by: 'Dr. Jörg Weiß',
    data: { profile: { ...practiceProfile, firewall: 'yes' }, changes: [{ field: 'firewall', from: 'unsure', to: 'yes' }] },
  },
  { kind: 'step-checked', by: 'Dr. Jörg Weiß', data: { ...pvs, stepId: 'vendor-guide', checked: true, startsTask: true } },
  { kind: 'status-set', by: 'Dr. Jörg Weiß', data: { ...pvs, from: 'in-progress', to: 'done' } },
  {
    kind: 'status-set',
    by: 'Dr. Jörg Weiß',
    data: { ...firewall, from: 'open', to: 'not-applicable', reason: 'Router gehört dem Vermieter' },
  },
  { kind: 'status-undone', by: 'Dr. Jörg Weiß', data: { ...firewall, from: 'not-applicable', to: 'open' } },
  {
    kind: 'pack-applied',
    by: 'Dr. Jörg Weiß',
    data: {
      packId: 'medatixx-2021-11',
      fromRevision: 0,
      toRevision: 2,
      guides: [{ guideId: 'pvs-x.comfort', area: 'pvs', guideVersion: '1.2' }],
      rechecks: [{ ...pvs, guideVersion: '1.2', from: 'done', to: 'recheck', reason: 'Neues Admin-Kennwort nötig' }],
    },
  },
  { kind: 'pack-declined', by: 'Dr. Jörg Weiß', data: { packId: 'medatixx-2021-11', revision: 3 } },
  {
    kind: 'chain-break',
    by: '',
    data: {
      brokenFile: `${INST}.jsonl`,
      lastGoodSeq: 9,
      lastGoodHash: 'a'.repeat(64),
      firstBad: { line: 10, reason: 'hash-mismatch', seq: 10 },
      segment: 2,
    },
  },
];

describe('the fold is deterministic', () => {
  const events = chain(everyKind);

  it('every test event is a valid event of the current format', () => {
    for (const event of events) expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event });
  });

  it('folding the same events twice gives deep-equal states', () => {
    const a = foldEvents(events);
    const b = foldEvents(JSON.parse(JSON.stringify(events)) as JournalEvent[]);
    expect(a).toEqual(b);
    expect([...a.taskStates.entries()]).toEqual([...b.taskStates.entries()]);
  });

  it('foldEvents and RecordFold.apply one at a time agree', () => {
    const fold = new RecordFold();
    for (const event of events) fold.apply(event);
    expect(fold.state).toEqual(foldEvents(events));
    expect(fold.state.count).toBe(events.length);
    expect(fold.state.head).toBe(events.at(-1)?.hash);
  });

  it('does not change the events it folds, nor share their arrays', () => {
    const copy = JSON.parse(JSON.stringify(events)) as JournalEvent[];
    const state = foldEvents(events);
    expect(events).toEqual(copy);
    const migrated = events[1] as Extract<JournalEvent, { kind: 'store-migrated' }>;
    expect(state.taskStates.get('remote:teamviewer')?.checkedSteps).not.toBe(migrated.data.taskStates['remote:teamviewer']?.checkedSteps);
    expect(state.profile).not.toBe(migrated.data.profile);
  });

  it('an empty journal folds to the empty record', () => {
    expect(foldEvents([])).toEqual({
      practiceName: '',
      profile: defaultProfile(),
      taskStates: new Map(),
      protocol: [],
      count: 0,
      head: '',
      packRevision: 0,
    });
  });
});

describe('what each event does', () => {
  it('status-set records status, time, person, guide version and reason, and one Protokoll line', () => {
    const [event] = chain([
      { kind: 'status-set', by: 'SY', data: { ...firewall, from: 'open', to: 'not-applicable', reason: 'kein Router' } },
    ]);
    const fold = new RecordFold();
    const change = fold.apply(event as JournalEvent);
    expect(change).toEqual({ profile: false, practice: false, tasks: ['firewall'] });
    expect(fold.taskState('firewall')).toEqual({
      history: [{ status: 'not-applicable', at: event?.at, by: 'SY', guideVersion: '1.0', reason: 'kein Router' }],
      checkedSteps: [],
    });
    expect(fold.state.protocol).toEqual([
      {
        id: `${INST}:1`,
        at: event?.at,
        by: 'SY',
        kind: 'status',
        ...firewall,
        from: 'open',
        to: 'not-applicable',
        reason: 'kein Router',
      },
    ]);
  });

  it('status-undone takes the last record back and the Protokoll keeps both lines', () => {
    const events = chain([
      { kind: 'status-set', by: 'SY', data: { ...pvs, from: 'open', to: 'handed-to-it' } },
      { kind: 'status-set', by: 'SY', data: { ...pvs, from: 'handed-to-it', to: 'done' } },
      { kind: 'status-undone', by: 'JW', data: { ...pvs, from: 'done', to: 'handed-to-it' } },
    ]);
    const state = foldEvents(events);
    expect(state.taskStates.get('pvs:x.comfort')?.history).toEqual([
      { status: 'handed-to-it', at: events[0]?.at, by: 'SY', guideVersion: '1.1' },
    ]);
    expect(state.protocol.map((e) => [e.id, e.kind, e.from, e.to, e.by])).toEqual([
      [`${INST}:1`, 'status', 'open', 'handed-to-it', 'SY'],
      [`${INST}:2`, 'status', 'handed-to-it', 'done', 'SY'],
      [`${INST}:3`, 'undo', 'done', 'handed-to-it', 'JW'],
    ]);
  });

  it('step-checked with startsTask ticks the step, puts the task "In Arbeit" and writes two Protokoll lines', () => {
    const events = chain([
      { kind: 'names-changed', by: 'SY', data: { user: { from: '', to: 'SY' } } },
      { kind: 'step-checked', by: 'SY', data: { ...pvs, stepId: 'vendor-guide', checked: true, startsTask: true } },
      { kind: 'step-checked', by: 'SY', data: { ...pvs, stepId: 'admin-first', checked: true, startsTask: false } },
      { kind: 'step-checked', by: 'SY', data: { ...pvs, stepId: 'vendor-guide', checked: false, startsTask: false } },
    ]);
    const state = foldEvents(events);
    const task = state.taskStates.get('pvs:x.comfort');
    expect(task?.checkedSteps).toEqual(['admin-first']);
    expect(task?.history).toEqual([{ status: 'in-progress', at: events[1]?.at, by: 'SY', guideVersion: '1.1' }]);
    const ref = { taskId: 'pvs:x.comfort', area: 'pvs', guideId: 'pvs-x.comfort', guideVersion: '1.1' };
    expect(state.protocol.slice(1)).toEqual([
      { id: `${INST}:2`, at: events[1]?.at, by: 'SY', kind: 'step', ...ref, stepId: 'vendor-guide', checked: true },
      { id: `${INST}:2/1`, at: events[1]?.at, by: 'SY', kind: 'status', ...ref, from: 'open', to: 'in-progress' },
      { id: `${INST}:3`, at: events[2]?.at, by: 'SY', kind: 'step', ...ref, stepId: 'admin-first', checked: true },
      { id: `${INST}:4`, at: events[3]?.at, by: 'SY', kind: 'step', ...ref, stepId: 'vendor-guide', checked: false },
    ]);
  });

  it('a repeated tick does not list the step twice', () => {
    const state = foldEvents(
      chain([
        { kind: 'step-checked', by: 'SY', data: { ...pvs, stepId: 'vendor-guide', checked: true, startsTask: true } },
        { kind: 'step-checked', by: 'SY', data: { ...pvs, stepId: 'vendor-guide', checked: true, startsTask: false } },
      ]),
    );
    expect(state.taskStates.get('pvs:x.comfort')?.checkedSteps).toEqual(['vendor-guide']);
  });

  it('pack-applied sends tasks back to "Erneut prüfen", clears their ticks and names each guide', () => {
    const events = chain([
      { kind: 'step-checked', by: 'SY', data: { ...pvs, stepId: 'vendor-guide', checked: true, startsTask: true } },
      { kind: 'status-set', by: 'SY', data: { ...pvs, from: 'in-progress', to: 'done' } },
      { kind: 'step-checked', by: 'SY', data: { ...firewall, stepId: 'admin', checked: true, startsTask: true } },
      {
        kind: 'pack-applied',
        by: 'JW',
        data: {
          packId: 'medatixx-2021-11',
          fromRevision: 1,
          toRevision: 2,
          guides: [
            { guideId: 'pvs-x.comfort', area: 'pvs', guideVersion: '1.2' },
            { guideId: 'firewall', area: 'windows', guideVersion: '1.1' },
          ],
          rechecks: [{ ...pvs, guideVersion: '1.2', from: 'done', to: 'recheck', reason: 'Admin-Kennwort erneut ändern' }],
        },
      },
    ]);
    const fold = new RecordFold();
    for (const event of events.slice(0, 3)) fold.apply(event);
    const change = fold.apply(events[3] as JournalEvent);
    expect(change.tasks).toEqual(['pvs:x.comfort']);
    const state = fold.state;
    expect(state.packRevision).toBe(2);
    expect(state.taskStates.get('pvs:x.comfort')).toEqual({
      history: [
        { status: 'in-progress', at: events[0]?.at, by: 'SY', guideVersion: '1.1' },
        { status: 'done', at: events[1]?.at, by: 'SY', guideVersion: '1.1' },
        { status: 'recheck', at: events[3]?.at, by: 'JW', guideVersion: '1.2' },
      ],
      checkedSteps: [],
    });
    // A task not sent back keeps its ticks.
    expect(state.taskStates.get('firewall')?.checkedSteps).toEqual(['admin']);
    expect(state.protocol.slice(-3)).toEqual([
      { id: `${INST}:4`, at: events[3]?.at, by: 'JW', kind: 'guide-update', guideId: 'pvs-x.comfort', area: 'pvs', guideVersion: '1.2' },
      { id: `${INST}:4/1`, at: events[3]?.at, by: 'JW', kind: 'guide-update', guideId: 'firewall', area: 'windows', guideVersion: '1.1' },
      {
        id: `${INST}:4/2`,
        at: events[3]?.at,
        by: 'JW',
        kind: 'status',
        ...pvs,
        guideVersion: '1.2',
        from: 'done',
        to: 'recheck',
        reason: 'Admin-Kennwort erneut ändern',
      },
    ]);
    // An older pack applied later never lowers the revision.
    const older = chain([
      { kind: 'pack-applied', by: 'JW', data: { packId: 'medatixx-2021-11', fromRevision: 2, toRevision: 5, guides: [], rechecks: [] } },
      { kind: 'pack-applied', by: 'JW', data: { packId: 'medatixx-2021-11', fromRevision: 0, toRevision: 1, guides: [], rechecks: [] } },
    ]);
    expect(foldEvents(older).packRevision).toBe(5);
  });

  it('names-changed sets the practice and the person; both in one action give ids n and n/1', () => {
    const events = chain([
      {
        kind: 'names-changed',
        by: 'SY',
        data: { practice: { from: '', to: 'Praxis Süd' }, user: { from: '', to: 'SY' } },
      },
      { kind: 'names-changed', by: 'JW', data: { user: { from: 'SY', to: 'JW' } } },
      { kind: 'names-changed', by: 'JW', data: { practice: { from: 'Praxis Süd', to: 'Praxis Süd-West' } } },
    ]);
    const fold = new RecordFold();
    expect(fold.apply(events[0] as JournalEvent)).toEqual({ profile: false, practice: true, tasks: [] });
    expect(fold.apply(events[1] as JournalEvent)).toEqual({ profile: false, practice: false, tasks: [] });
    fold.apply(events[2] as JournalEvent);
    expect(fold.state.practiceName).toBe('Praxis Süd-West');
    expect(fold.state.userName).toBe('JW');
    expect(fold.state.protocol.map((e) => [e.id, e.kind, e.from, e.to, e.by])).toEqual([
      [`${INST}:1`, 'practice', '', 'Praxis Süd', 'SY'],
      [`${INST}:1/1`, 'user', '', 'SY', 'SY'],
      [`${INST}:2`, 'user', 'SY', 'JW', 'JW'],
      [`${INST}:3`, 'practice', 'Praxis Süd', 'Praxis Süd-West', 'JW'],
    ]);
  });

  it('profile-saved sets the profile as completed and lists the changed fields', () => {
    const [event] = chain([
      {
        kind: 'profile-saved',
        by: 'SY',
        data: {
          profile: { ...practiceProfile, completed: false },
          changes: [
            { field: 'products', added: ['x.comfort'] },
            { field: 'computers', added: ['pc-empfang-1=Empfang 1'] },
          ],
        },
      },
    ]);
    const fold = new RecordFold();
    expect(fold.apply(event as JournalEvent)).toEqual({ profile: true, practice: false, tasks: [] });
    expect(fold.state.profile).toEqual({ ...practiceProfile, completed: true });
    expect(fold.state.protocol).toEqual([
      { id: `${INST}:1`, at: event?.at, by: 'SY', kind: 'profile', changes: ['products', 'computers'] },
    ]);
  });

  it('store-migrated takes over the old state; legacy-entry keeps the old line with its own time and person', () => {
    const events = chain(everyKind.slice(0, 2));
    const fold = new RecordFold();
    fold.apply(events[0] as JournalEvent);
    const change = fold.apply(events[1] as JournalEvent);
    expect(change).toEqual({ profile: true, practice: true, tasks: ['remote:teamviewer'] });
    const state = fold.state;
    expect(state.practiceName).toBe('Hausarztpraxis Dr. Weiß');
    expect(state.profile).toEqual(practiceProfile);
    expect(state.taskStates.get('remote:teamviewer')).toEqual({
      history: [{ status: 'done', at: '2021-11-15T08:13:19.000Z', by: 'Sabine Yilmaz', guideVersion: '1.0' }],
      checkedSteps: ['good-password'],
    });
    expect(state.protocol).toEqual([
      { id: `${INST}:1`, at: '2021-11-15T08:03:37.000Z', by: 'Sabine Yilmaz', kind: 'profile' },
      { id: `${INST}:2`, at: events[1]?.at, by: 'Sabine Yilmaz', kind: 'migration' },
    ]);
  });

  it('pack-declined and chain-break each leave one Protokoll line and change no task', () => {
    const events = chain(everyKind.slice(-2));
    const fold = new RecordFold();
    expect(fold.apply(events[0] as JournalEvent)).toEqual({ profile: false, practice: false, tasks: [] });
    expect(fold.apply(events[1] as JournalEvent)).toEqual({ profile: false, practice: false, tasks: [] });
    expect(fold.state.taskStates.size).toBe(0);
    expect(fold.state.protocol).toEqual([
      { id: `${INST}:1`, at: events[0]?.at, by: 'Dr. Jörg Weiß', kind: 'pack-declined', to: '3' },
      { id: `${INST}:2`, at: events[1]?.at, by: '', kind: 'chain-break', reason: 'hash-mismatch' },
    ]);
  });

  it('a task without events reads as open with no ticks', () => {
    expect(new RecordFold().taskState('team-briefing')).toEqual({ history: [], checkedSteps: [] });
  });
});

describe('parseEvent and the format versions', () => {
  const [valid] = chain([{ kind: 'status-set', by: 'SY', data: { ...pvs, from: 'open', to: 'done' } }]) as [JournalEvent];

  it('accepts a valid event of the current format and passes it through unchanged', () => {
    expect(EVENT_FORMAT_VERSION).toBe(2);
    const raw = JSON.parse(JSON.stringify(valid)) as unknown;
    expect(parseEvent(raw)).toEqual({ ok: true, event: valid });
  });

  it('format 1 lines stay as they are (format 2 only added the Wiedervorlage)', () => {
    expect(Object.keys(upgrades)).toEqual(['1']);
    expect(parseEvent({ ...valid, v: 1 })).toEqual({ ok: true, event: { ...valid, v: 1 } });
  });

  it('writes format 2 only for what format 2 added', () => {
    expect(formatVersionOf({ kind: 'status-set', data: { ...pvs, from: 'open', to: 'done' } })).toBe(1);
    expect(formatVersionOf({ kind: 'status-set', data: { ...pvs, from: 'open', to: 'handed-to-it', followUp: '2026-12-02' } })).toBe(2);
    expect(formatVersionOf({ kind: 'follow-up-set', data: {} })).toBe(2);
  });

  it.each([3, 99])('refuses format %i as future-version instead of guessing', (v) => {
    expect(parseEvent({ ...valid, v })).toEqual({ ok: false, reason: 'future-version', version: v });
  });

  it.each([
    ['null', null],
    ['an array', [valid]],
    ['a string', 'status-set'],
    ['no version', { ...valid, v: undefined }],
    ['version 0', { ...valid, v: 0 }],
    ['a fractional version', { ...valid, v: 1.5 }],
    ['a version as text', { ...valid, v: '1' }],
    ['an unknown kind', { ...valid, kind: 'status-deleted' }],
    ['an unknown field', { ...valid, extra: true }],
    ['an unknown data field', { ...valid, data: { ...valid.data, note: 'x' } }],
    ['a bad status', { ...valid, data: { ...valid.data, to: 'finished' } }],
    ['a bad installation id', { ...valid, inst: 'PC-EMPFANG' }],
    ['a bad hash', { ...valid, hash: 'abc' }],
    ['a bad time', { ...valid, at: '15.11.2021 08:00' }],
    ['seq 0', { ...valid, seq: 0 }],
    ['a missing data', { ...valid, data: undefined }],
  ])('refuses %s as invalid', (_name, raw) => {
    expect(parseEvent(raw)).toEqual({ ok: false, reason: 'invalid' });
  });
});
