import * as nodeFs from 'node:fs';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMainServices } from '../../electron/main/bootstrap';
import { carryOverToJournal } from '../../electron/main/journal/carry-over';
import { expectedHashOfLine, JOURNAL_DIR, journalIds, segmentFileName } from '../../electron/main/journal/journal';
import { createMemoryLogger } from '../../electron/main/logger';
import { confEngine } from '../../electron/main/store/conf-engine';
import { currentStatus } from '../domain/status';
import { persistedV2Schema, type PersistedV2 } from '../state/persisted';
import type { JournalEvent } from './events';
import { carryOverDrafts } from './migrate-v2';

const ROOT = join(import.meta.dirname, '..', '..');
/** A settings file of version 2, written by the app before the journal (commit b4ccb1f) through its own services. */
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'store-v2.json');
const PACK_FILE = join(ROOT, 'assets', 'packs', 'medatixx-2021-11.json');
const KEYS_DIR = join(ROOT, 'assets', 'keys');
const STORE_FILE = 'passwort-lotse.json';
const NOW = '2026-03-02T09:30:00.000Z';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const fixtureBytes = readFileSync(FIXTURE);
const v2: PersistedV2 = persistedV2Schema.parse(JSON.parse(fixtureBytes.toString('utf8')));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A user-data folder holding the version-2 store, as the update finds it. */
function folderWithV2Store(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pl-migrate-'));
  dirs.push(dir);
  copyFileSync(FIXTURE, join(dir, STORE_FILE));
  return dir;
}

function start(dir: string) {
  const services = startMainServices({
    userDataDir: dir,
    engine: confEngine,
    version: '0.2.0-test',
    logger: createMemoryLogger(),
    packFile: PACK_FILE,
    keysDir: KEYS_DIR,
    clock: () => new Date(NOW),
    osUser: 'empfang',
  });
  return services;
}

const settingsOf = (dir: string) => JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8')) as Record<string, unknown>;
const journalEvents = (dir: string, id: string, segment = 1): JournalEvent[] =>
  readFileSync(join(dir, JOURNAL_DIR, segmentFileName(id, segment)), 'utf8')
    .split('\n')
    .slice(0, -1)
    .map((line) => {
      const event = JSON.parse(line) as JournalEvent;
      expect(expectedHashOfLine(line)).toBe(event.hash);
      return event;
    });

describe('the fixture is a real store of version 2', () => {
  it('holds the record the older app wrote: statuses, a reason, an undo, ticks and two people', () => {
    expect(v2.schemaVersion).toBe(2);
    expect(v2.profile).toMatchObject({ completed: true, products: ['x.comfort'], connector: 'yes', connectorModel: 'kocobox' });
    expect(v2.profile.computers.filter((c) => !c.server)).toHaveLength(3);
    expect(v2.profile.computers.filter((c) => c.server)).toHaveLength(1);
    expect(new Set(v2.log.map((e) => e.kind))).toEqual(new Set(['profile', 'step', 'status', 'undo']));
    expect(v2.log.some((e) => e.to === 'not-applicable' && e.reason)).toBe(true);
    expect(new Set(v2.log.map((e) => e.by)).size).toBe(2);
    expect(Object.values(v2.taskStates).some((s) => s.checkedSteps.length > 0)).toBe(true);
  });
});

describe('carryOverDrafts', () => {
  it('makes one legacy-entry per Protokoll line and a final store-migrated with the whole state', () => {
    const drafts = carryOverDrafts(v2, NOW);
    expect(drafts).toHaveLength(v2.log.length + 1);
    drafts
      .slice(0, -1)
      .forEach((draft, i) =>
        expect(draft).toEqual({ kind: 'legacy-entry', by: v2.log[i]?.by, at: v2.log[i]?.at, data: { entry: v2.log[i] } }),
      );
    expect(drafts.at(-1)).toEqual({
      kind: 'store-migrated',
      by: v2.settings.userName,
      at: NOW,
      data: {
        fromVersion: 2,
        practiceName: v2.settings.practiceName,
        profile: v2.profile,
        taskStates: v2.taskStates,
        entries: v2.log.length,
      },
    });
  });

  it('keeps a line whose time is not in ISO form, stamped with the migration time', () => {
    const odd: PersistedV2 = { ...v2, log: [{ seq: 1, at: '15.11.2021, 09:03', by: 'SY', kind: 'profile' }] };
    const [first] = carryOverDrafts(odd, NOW);
    expect(first).toEqual({ kind: 'legacy-entry', by: 'SY', at: NOW, data: { entry: odd.log[0] } });
  });

  it('stamps a line whose time has the ISO form but names no real instant (a 13th month) with the migration time', () => {
    const odd: PersistedV2 = { ...v2, log: [{ seq: 1, at: '2021-13-01T09:03:00.000Z', by: 'SY', kind: 'profile' }] };
    const [first] = carryOverDrafts(odd, NOW);
    expect(first).toEqual({ kind: 'legacy-entry', by: 'SY', at: NOW, data: { entry: odd.log[0] } });
  });
});

describe('the first start after the update carries a version-2 store over to the journal', () => {
  it('rewrites the settings file as version 3 with an installation id and keeps the old file byte for byte', () => {
    const dir = folderWithV2Store();
    const { core } = start(dir);
    core.record.close();
    const settings = settingsOf(dir);
    expect(settings).toEqual({
      schemaVersion: 3,
      installationId: expect.stringMatching(UUID),
      settings: { userName: v2.settings.userName, language: v2.settings.language },
    });
    const kept = readdirSync(dir).filter((name) => /^passwort-lotse\.before-migration-v2-.+\.json$/.test(name));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0] as string)).equals(fixtureBytes)).toBe(true);
    expect(core.snapshot().record.installationId).toBe(settings['installationId']);
  });

  it('writes one legacy-entry per old Protokoll line and a final store-migrated', () => {
    const dir = folderWithV2Store();
    const { core } = start(dir);
    core.record.close();
    const id = settingsOf(dir)['installationId'] as string;
    expect(journalIds(nodeFs, join(dir, JOURNAL_DIR))).toEqual([id]);
    const events = journalEvents(dir, id);
    expect(events).toHaveLength(v2.log.length + 1);
    events.forEach((event, i) =>
      expect(event).toMatchObject({ v: 1, inst: id, seq: i + 1, os: 'empfang', prev: i === 0 ? '' : events[i - 1]?.hash }),
    );
    v2.log.forEach((entry, i) => {
      const event = events[i] as Extract<JournalEvent, { kind: 'legacy-entry' }>;
      expect(event.kind).toBe('legacy-entry');
      expect(event.at).toBe(entry.at);
      expect(event.by).toBe(entry.by);
      expect(event.data.entry).toEqual(entry);
      expect(event.data.entry.kind).toBe(entry.kind);
      expect(event.data.entry.guideVersion).toBe(entry.guideVersion);
      expect(event.data.entry.reason).toBe(entry.reason);
    });
    const last = events.at(-1) as Extract<JournalEvent, { kind: 'store-migrated' }>;
    expect(last.kind).toBe('store-migrated');
    expect(last.at).toBe(NOW);
    expect(last.data).toEqual({
      fromVersion: 2,
      practiceName: v2.settings.practiceName,
      profile: v2.profile,
      taskStates: v2.taskStates,
      entries: v2.log.length,
    });
    expect(existsSync(join(dir, JOURNAL_DIR, segmentFileName(id, 2)))).toBe(false);
  });

  it('shows every task with the status, record and ticks the old store held', () => {
    const dir = folderWithV2Store();
    const { core } = start(dir);
    core.record.close();
    const snapshot = core.snapshot();
    expect(snapshot.notices).toEqual([]);
    expect(snapshot.profile).toEqual(v2.profile);
    expect(snapshot.settings).toEqual({ practiceName: 'Hausarztpraxis Dr. Weiß', userName: 'Dr. Jörg Weiß', language: 'de' });
    const tasks = new Map(snapshot.tasks.map((task) => [task.id, task]));
    for (const [taskId, state] of Object.entries(v2.taskStates)) {
      const task = tasks.get(taskId);
      expect(task, taskId).toBeDefined();
      expect(task?.status, taskId).toBe(currentStatus(state));
      expect(task?.record, taskId).toEqual(state.history.at(-1));
      expect(task?.checkedSteps, taskId).toEqual(state.checkedSteps);
      expect(core.record.taskState(taskId), taskId).toEqual(state);
    }
    // Spot checks of what the practice did before the update.
    expect(tasks.get('firewall')?.record).toMatchObject({
      status: 'not-applicable',
      by: 'Sabine Yilmaz',
      reason: 'Router gehört dem Vermieter, kein Zugang',
    });
    expect(tasks.get('connector:x.comfort')?.status).toBe('handed-to-it');
    expect(tasks.get('windows:c-1')).toMatchObject({ status: 'done', checkedSteps: ['clean', 'good-password'], canUndo: true });
    expect(tasks.get('pvs:x.comfort')).toMatchObject({ status: 'in-progress', checkedSteps: ['vendor-guide', 'admin-first'] });
    expect(tasks.get('team-briefing')).toMatchObject({ status: 'open', canUndo: false });
    // Tasks the old store never touched are open.
    for (const task of snapshot.tasks) if (!(task.id in v2.taskStates)) expect(task.status, task.id).toBe('open');
  });

  it('keeps every old entry in the Protokoll, newest first, after the migration line', async () => {
    const dir = folderWithV2Store();
    const { core } = start(dir);
    core.record.close();
    const page = await core.handlers.getProtocol({});
    expect(page.total).toBe(v2.log.length + 1);
    expect(page.entries[0]).toMatchObject({ kind: 'migration', at: NOW, by: v2.settings.userName });
    const old = page.entries.slice(1).reverse();
    expect(old.map(({ id: _id, ...entry }) => entry)).toEqual(v2.log.map(({ seq: _seq, ...entry }) => entry));
    expect(new Set(page.entries.map((e) => e.id)).size).toBe(page.entries.length);
    expect(page.people).toEqual(['Dr. Jörg Weiß', 'Sabine Yilmaz']);
    const firewall = await core.handlers.getProtocol({ taskId: 'firewall' });
    expect(firewall.entries).toEqual([
      expect.objectContaining({ kind: 'status', to: 'not-applicable', reason: 'Router gehört dem Vermieter, kein Zugang' }),
    ]);
  });

  it('does not migrate again on the next start', () => {
    const dir = folderWithV2Store();
    const first = start(dir);
    const firstSnapshot = first.core.snapshot();
    first.core.record.close();
    const settingsBefore = readFileSync(join(dir, STORE_FILE));

    const second = start(dir);
    second.core.record.close();
    const snapshot = second.core.snapshot();
    expect(snapshot.record.installationId).toBe(firstSnapshot.record.installationId);
    expect(snapshot.record.count).toBe(v2.log.length + 1);
    expect(snapshot.record.head).toBe(firstSnapshot.record.head);
    expect(snapshot.tasks).toEqual(firstSnapshot.tasks);
    expect(snapshot.notices).toEqual([]);
    expect(readFileSync(join(dir, STORE_FILE)).equals(settingsBefore)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.includes('.before-migration-'))).toHaveLength(1);
    expect(readdirSync(join(dir, JOURNAL_DIR)).filter((name) => name.endsWith('.jsonl'))).toEqual([
      segmentFileName(snapshot.record.installationId, 1),
    ]);
  });

  it('after a crash between the journal and the settings write, reuses that journal instead of carrying over twice', () => {
    const dir = folderWithV2Store();
    const journalDir = join(dir, JOURNAL_DIR);
    mkdirSync(journalDir);
    const id = carryOverToJournal({ dir: journalDir, legacy: v2, osUser: 'empfang', clock: () => new Date(NOW) });
    const journalBefore = readFileSync(join(journalDir, segmentFileName(id, 1)));
    // The crash: the settings file is still the version-2 one.
    expect(readFileSync(join(dir, STORE_FILE)).equals(fixtureBytes)).toBe(true);

    const { core } = start(dir);
    core.record.close();
    expect(settingsOf(dir)['installationId']).toBe(id);
    expect(core.snapshot().record).toMatchObject({ installationId: id, count: v2.log.length + 1 });
    expect(readdirSync(journalDir).filter((name) => name.endsWith('.jsonl'))).toEqual([segmentFileName(id, 1)]);
    expect(readFileSync(join(journalDir, segmentFileName(id, 1))).equals(journalBefore)).toBe(true);
    expect(journalEvents(dir, id).filter((e) => e.kind === 'store-migrated')).toHaveLength(1);
  });
});
